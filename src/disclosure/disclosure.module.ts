import { Module } from '@nestjs/common';
import { ConsentsService } from './consents.service.js';
import { DisclosureController, FindListController, FindsController } from './disclosure.controller.js';
import { DisclosureService } from './disclosure.service.js';
import { FindListReader } from './find-list.reader.js';
import { FindSummaryReader } from './find-summary.reader.js';
import { IdentityChecksService } from './identity-checks.service.js';

/** Consent-gated disclosure: nothing reaches the enquirer's side before the found person agrees. */
@Module({
  controllers: [FindListController, FindsController, DisclosureController],
  providers: [IdentityChecksService, ConsentsService, DisclosureService, FindSummaryReader, FindListReader],
  // The console's caseworker pages call these in-process.
  exports: [ConsentsService, DisclosureService, FindSummaryReader, FindListReader],
})
export class DisclosureModule {}
