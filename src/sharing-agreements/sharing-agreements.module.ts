import { Module } from '@nestjs/common';
import { OrganisationsDirectoryController, SharingAgreementsController } from './sharing-agreements.controller.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { SharingAgreementsService } from './sharing-agreements.service.js';

@Module({
  controllers: [SharingAgreementsController, OrganisationsDirectoryController],
  providers: [SharingAgreementsService, OrganisationDirectory],
  exports: [SharingAgreementsService, OrganisationDirectory],
})
export class SharingAgreementsModule {}
