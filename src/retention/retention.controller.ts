import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { RetentionPolicyDto, type RetentionPolicyView } from './dto/retention-policy.dto.js';
import { RetentionPolicyService } from './retention-policy.service.js';
import type { RetentionReport } from './retention-runner.js';

@ApiTags('retention')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/retention-policy')
export class RetentionController {
  constructor(private readonly policies: RetentionPolicyService) {}

  @Get()
  read(@CurrentUser() admin: AuthenticatedUser): Promise<RetentionPolicyView> {
    return this.policies.read(admin);
  }

  @Put()
  update(@CurrentUser() admin: AuthenticatedUser, @Body() body: RetentionPolicyDto): Promise<RetentionPolicyView> {
    return this.policies.update(admin, body);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOkResponse({ description: 'what the schedule would erase now: ended requests past their period, and a count of rejected candidates' })
  dryRun(@CurrentUser() admin: AuthenticatedUser): Promise<RetentionReport> {
    return this.policies.dryRun(admin);
  }
}
