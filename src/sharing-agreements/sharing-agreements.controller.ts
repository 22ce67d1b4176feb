import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { type AgreementView, ProposeAgreementDto } from './dto/sharing-agreement.dto.js';
import { type DirectoryEntry, OrganisationDirectory } from './organisation-directory.js';
import { SharingAgreementsService } from './sharing-agreements.service.js';

@ApiTags('sharing agreements')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/sharing-agreements')
export class SharingAgreementsController {
  constructor(private readonly agreements: SharingAgreementsService) {}

  @Get()
  list(@CurrentUser() admin: AuthenticatedUser): Promise<AgreementView[]> {
    return this.agreements.list(admin);
  }

  @Post()
  @ApiConflictResponse({ description: 'a live agreement with this organisation exists already' })
  propose(@CurrentUser() admin: AuthenticatedUser, @Body() body: ProposeAgreementDto): Promise<AgreementView> {
    return this.agreements.propose(admin, body.partnerOrganisationId);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<AgreementView> {
    return this.agreements.approve(admin, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<AgreementView> {
    return this.agreements.withdraw(admin, id);
  }
}

/** The directory of organisations an admin can propose an agreement to: names and codes only. */
@ApiTags('sharing agreements')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/organisations')
export class OrganisationsDirectoryController {
  constructor(private readonly directory: OrganisationDirectory) {}

  @Get()
  list(): Promise<DirectoryEntry[]> {
    return this.directory.list();
  }
}
