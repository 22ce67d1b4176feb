import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles, SecondFactorEnrolment } from '../auth/decorators.js';
import { ROLES } from '../users/role.js';
import { EnrolmentStartedDto, RecoveryCodesDto, SecondFactorCodeDto, SecondFactorStatusDto } from './dto/second-factor.dto.js';
import { SecondFactorService } from './second-factor.service.js';

/** The caller's own second factor. Reachable by a user whose organisation makes them enrol first. */
@ApiTags('second factor')
@ApiBearerAuth()
@Roles(...ROLES)
@SecondFactorEnrolment()
@Controller('v1/auth/second-factor')
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Get()
  async status(@CurrentUser() user: AuthenticatedUser): Promise<SecondFactorStatusDto> {
    return { ...(await this.secondFactor.status(user.id)), required: await this.secondFactor.isRequired(user.organisationId) };
  }

  @Post('enrolment')
  start(@CurrentUser() user: AuthenticatedUser): Promise<EnrolmentStartedDto> {
    return this.secondFactor.start(user);
  }

  @Post('enrolment/confirm')
  confirm(@CurrentUser() user: AuthenticatedUser, @Body() body: SecondFactorCodeDto): Promise<RecoveryCodesDto> {
    return this.secondFactor.confirm(user, body.code);
  }

  @Post('disable')
  @HttpCode(204)
  async disable(@CurrentUser() user: AuthenticatedUser, @Body() body: SecondFactorCodeDto): Promise<void> {
    await this.secondFactor.disable(user, body.code);
  }
}
