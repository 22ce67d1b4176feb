import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { SecondFactorPolicyDto } from './dto/second-factor-policy.dto.js';
import { OrganisationSecurityService } from './organisation-security.service.js';

/** The admin's security policy for their own organisation. */
@ApiTags('organisation')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/organisation/second-factor-policy')
export class OrganisationSecurityController {
  constructor(private readonly security: OrganisationSecurityService) {}

  @Get()
  async get(@CurrentUser() admin: AuthenticatedUser): Promise<SecondFactorPolicyDto> {
    return { required: await this.security.secondFactorRequired(admin) };
  }

  @Put()
  async set(@CurrentUser() admin: AuthenticatedUser, @Body() body: SecondFactorPolicyDto): Promise<SecondFactorPolicyDto> {
    await this.security.setSecondFactorRequired(admin, body.required);
    return { required: body.required };
  }
}
