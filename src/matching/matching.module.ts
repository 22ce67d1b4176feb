import { Processor } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Environment } from '../config/environment.js';
import { MATCHING_QUEUE } from '../queue/matching-jobs.js';
import { HotKeyMemo } from './hot-key-memo.js';
import { MatchChunkService } from './match-chunk.service.js';
import { MatchPersonProcessor } from './match-person.processor.js';
import { MatchReconciler } from './match-reconciler.js';
import { MatchingService } from './matching.service.js';

/** One per process: what one job learns about hot keys, the next skips (decision 0034). */
export const hotKeyMemoProvider = { provide: HotKeyMemo, useFactory: () => new HotKeyMemo() };

/** Listed only by the worker: the API never consumes jobs. */
@Module({})
export class MatchingModule {
  static forRoot(env: Environment): DynamicModule {
    // BullMQ worker options are decorator metadata, read when Nest creates the worker: applying the
    // decorator again with the configured lock puts them there before it does.
    Processor(MATCHING_QUEUE, {
      lockDuration: env.MATCH_JOB_LOCK_MS,
      stalledInterval: env.MATCH_JOB_LOCK_MS,
      // A job whose worker died twice fails; the reconciler hands its record back from Postgres.
      maxStalledCount: 2,
    })(MatchPersonProcessor);
    return {
      module: MatchingModule,
      providers: [hotKeyMemoProvider, MatchingService, MatchChunkService, MatchPersonProcessor, MatchReconciler],
    };
  }
}
