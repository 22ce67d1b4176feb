import { Module } from '@nestjs/common';
import { FollowUpsService } from './follow-ups.service.js';
import { RequestClosureController } from './request-closure.controller.js';
import { RequestClosureService } from './request-closure.service.js';
import { RequestLinksService } from './request-links.service.js';
import { TracingRequestReader } from './tracing-request-reader.js';
import { TracingRequestsController } from './tracing-requests.controller.js';
import { TracingRequestsService } from './tracing-requests.service.js';

@Module({
  controllers: [TracingRequestsController, RequestClosureController],
  providers: [TracingRequestsService, TracingRequestReader, RequestClosureService, FollowUpsService, RequestLinksService],
  exports: [TracingRequestReader, TracingRequestsService, RequestClosureService],
})
export class TracingRequestsModule {}
