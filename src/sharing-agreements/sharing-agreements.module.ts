import { Module } from '@nestjs/common';
import { OrganisationsDirectoryController, SharingAgreementsController } from './sharing-agreements.controller.js';
import { SharingAgreementsService } from './sharing-agreements.service.js';

@Module({
  controllers: [SharingAgreementsController, OrganisationsDirectoryController],
  providers: [SharingAgreementsService],
})
export class SharingAgreementsModule {}
