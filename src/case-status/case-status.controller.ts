import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { InvalidInputError } from '../common/errors/domain-errors.js';
import { CaseStatusService } from './case-status.service.js';
import { CaseStatusResponseDto } from './dto/case-status-response.dto.js';

@ApiTags('case status')
@ApiBearerAuth()
@Controller('v1/case-status')
export class CaseStatusController {
  constructor(private readonly status: CaseStatusService) {}

  /** The coarse, survivor-facing status, for the caseworker to pass on: the day it began, no time, no candidate details. */
  @Get(':reference')
  @Roles('caseworker')
  @ApiOkResponse({ type: CaseStatusResponseDto })
  @ApiNotFoundResponse({ description: 'unknown reference, or not of your organisation' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('reference') reference: string): Promise<CaseStatusResponseDto> {
    if (!/^TR-\d{4}-\d{6,9}$/.test(reference)) throw new InvalidInputError('reference', 'reference must look like TR-2026-000123');
    return this.status.byReference(user, reference);
  }
}
