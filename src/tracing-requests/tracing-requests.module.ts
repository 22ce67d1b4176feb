import { Module } from '@nestjs/common';
import { TracingRequestReader } from './tracing-request-reader.js';
import { TracingRequestsController } from './tracing-requests.controller.js';
import { TracingRequestsService } from './tracing-requests.service.js';

@Module({
  controllers: [TracingRequestsController],
  providers: [TracingRequestsService, TracingRequestReader],
  exports: [TracingRequestReader],
})
export class TracingRequestsModule {}
