import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { Public } from '../../auth/decorators.js';

const STYLESHEET = readFileSync(new URL('../assets/console.css', import.meta.url), 'utf8');

/** The console's one stylesheet, read once; the pages load it as 'self' under their CSP (no inline styles, no scripts). */
@ApiExcludeController()
@Controller('console/assets')
export class ConsoleAssetsController {
  @Public()
  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  stylesheet(): string {
    return STYLESHEET;
  }
}
