import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SEARCH_CLOSING_QUEUE } from '../queue/search-closing-jobs.js';
import { CloseExpiredSearchesProcessor } from './close-expired-searches.processor.js';
import { SearchCloser } from './search-closer.js';
import { SearchClosingSchedule } from './search-closing-schedule.js';

/** Listed only by the worker: closes searches whose period has run out, on a schedule kept in Redis. */
@Module({
  imports: [BullModule.registerQueue({ name: SEARCH_CLOSING_QUEUE })],
  providers: [SearchCloser, CloseExpiredSearchesProcessor, SearchClosingSchedule],
  exports: [SearchCloser],
})
export class SearchClosingModule {}
