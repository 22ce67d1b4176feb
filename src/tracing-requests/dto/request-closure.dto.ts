import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { ALL_CLOSURE_REASONS, CLOSURE_OUTCOMES, type ClosureOutcome, REOPEN_REASONS } from '../request-vocabulary.js';

export { CLOSURE_OUTCOMES, CLOSURE_REASONS, REOPEN_REASONS, type ClosureOutcome } from '../request-vocabulary.js';

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
