import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ErasureCoreModule } from '../erasure/erasure.module.js';
import { RETENTION_QUEUE } from '../queue/retention-jobs.js';
import { RetentionController } from './retention.controller.js';
import { RetentionPolicyService } from './retention-policy.service.js';
import { RetentionRunner } from './retention-runner.js';
import { ApplyRetentionProcessor, RetentionSchedule } from './retention-schedule.js';

/** In the API: the admin's policy and dry run. */
@Module({
  imports: [ErasureCoreModule],
  controllers: [RetentionController],
  providers: [RetentionPolicyService, RetentionRunner],
})
export class RetentionModule {}

/** In each worker: the schedule that applies every policy. */
@Module({
  imports: [ErasureCoreModule, BullModule.registerQueue({ name: RETENTION_QUEUE })],
  providers: [RetentionRunner, RetentionSchedule, ApplyRetentionProcessor],
  exports: [RetentionRunner],
})
export class RetentionScheduleModule {}
