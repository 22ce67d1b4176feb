import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller.js';
import { ErasureJobs } from './erasure-jobs.js';
import { ErasureService } from './erasure.service.js';
import { MemoEviction } from './memo-eviction.js';

/** In the API: the admin's erasure. */
@Module({ controllers: [ErasureController], providers: [ErasureService, ErasureJobs] })
export class ErasureModule {}

/** In each worker: forgets remembered names when an erasure is announced. */
@Module({ providers: [MemoEviction] })
export class MemoEvictionModule {}
