import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const CLOSURE_OUTCOMES = ['found', 'no_match'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const CLOSURE_REASONS = {
  found: ['contact_restored', 'found_outside_service'],
  no_match: ['search_exhausted', 'enquirer_unreachable', 'enquirer_asked_to_stop'],
} as const satisfies Record<ClosureOutcome, readonly string[]>;
const ALL_CLOSURE_REASONS = [...CLOSURE_REASONS.found, ...CLOSURE_REASONS.no_match];

export const REOPEN_REASONS = ['new_information', 'closed_in_error', 'enquirer_asked_to_resume'] as const;

export class CloseTracingRequestDto {
  @ApiProperty({ enum: CLOSURE_OUTCOMES })
  @IsIn(CLOSURE_OUTCOMES)
  outcome: ClosureOutcome;

  @ApiProperty({ enum: ALL_CLOSURE_REASONS, description: 'one of the codes for this outcome' })
  @IsIn(ALL_CLOSURE_REASONS)
  reasonCode: string;
}

export class ReopenTracingRequestDto {
  @ApiProperty({ enum: REOPEN_REASONS })
  @IsIn(REOPEN_REASONS)
  reasonCode: string;
}
