import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller.js';
import { ErasureJobs } from './erasure-jobs.js';
import { ErasureService } from './erasure.service.js';
import { MemoEviction } from './memo-eviction.js';

/** The queue side of an erasure, for the API's erasure and the worker's retention alike. */
@Module({ providers: [ErasureJobs], exports: [ErasureJobs] })
export class ErasureCoreModule {}

/** In the API: the admin's erasure. */
@Module({ imports: [ErasureCoreModule], controllers: [ErasureController], providers: [ErasureService] })
export class ErasureModule {}

/** In each API and worker process: forgets remembered names and keys when an erasure is announced. */
@Module({ providers: [MemoEviction] })
export class MemoEvictionModule {}
