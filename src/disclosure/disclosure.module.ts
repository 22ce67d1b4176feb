import { Module } from '@nestjs/common';
import { ConsentsService } from './consents.service.js';
import { DisclosureController, FindsController } from './disclosure.controller.js';
import { DisclosureService } from './disclosure.service.js';
import { FindSummaryReader } from './find-summary.reader.js';
import { IdentityChecksService } from './identity-checks.service.js';

/** Consent-gated disclosure: nothing reaches the enquirer's side before the found person agrees. */
@Module({
  controllers: [FindsController, DisclosureController],
  providers: [IdentityChecksService, ConsentsService, DisclosureService, FindSummaryReader],
})
export class DisclosureModule {}
