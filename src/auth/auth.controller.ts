import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginRateLimit } from '../rate-limit/rate-limit.decorators.js';
import { AuthService } from './auth.service.js';
import { Public } from './decorators.js';
import { LoginDto, TokenResponseDto } from './dto/login.dto.js';
import { SetPasswordDto } from './dto/set-password.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LoginRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'unknown email, wrong password or inactive account (not told apart)' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address or for this email; see Retry-After' })
  login(@Body() body: LoginDto): Promise<TokenResponseDto> {
    return this.auth.login(body.email, body.password);
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    await this.auth.setPassword(body.code, body.password);
  }
}
