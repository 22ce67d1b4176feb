import { Module } from '@nestjs/common';
import { CandidateViewReader } from './candidate-view.reader.js';
import { ClaimsService } from './claims.service.js';
import { DecisionsService } from './decisions.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewQueueReader } from './review-queue.reader.js';

/** The reviewer's side: the queue, the side-by-side view, claims and decisions. */
@Module({
  controllers: [ReviewController],
  providers: [ReviewQueueReader, CandidateViewReader, ClaimsService, DecisionsService],
  exports: [ReviewQueueReader, CandidateViewReader, ClaimsService, DecisionsService],
})
export class ReviewModule {}
