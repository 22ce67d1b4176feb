import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Why a record is erased: codes only, kept on the tombstone and in the audit trail. */
export const ERASURE_REASONS = ['data_subject_request', 'retention_period_ended', 'recorded_in_error', 'safeguarding_concern'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export class ErasureDto {
  @ApiProperty({ enum: ERASURE_REASONS })
  @IsIn(ERASURE_REASONS)
  reasonCode: ErasureReason;
}
