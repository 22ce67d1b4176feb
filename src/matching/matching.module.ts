import { Module } from '@nestjs/common';
import { MatchPersonProcessor } from './match-person.processor.js';
import { MatchReconciler } from './match-reconciler.js';
import { MatchingService } from './matching.service.js';

/** Listed only by the worker: the API never consumes jobs. */
@Module({ providers: [MatchingService, MatchPersonProcessor, MatchReconciler] })
export class MatchingModule {}
