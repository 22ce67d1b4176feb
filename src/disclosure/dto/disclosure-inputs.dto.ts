import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ALL_CHECK_REASONS,
  CHECK_METHODS,
  CHECK_OUTCOMES,
  type CheckMethod,
  type CheckOutcome,
  CONSENT_DECISIONS,
  CONSENT_SCOPES,
  type ConsentDecision,
  type ConsentScope,
  OVERRIDE_REASONS,
  WITHDRAWAL_REASONS,
} from '../disclosure-vocabulary.js';
import { IsCalendarDate } from '../../common/validation/is-calendar-date.js';

export class IdentityCheckInputDto {
  @ApiProperty({ enum: CHECK_OUTCOMES })
  @IsIn(CHECK_OUTCOMES)
  outcome: CheckOutcome;

  @ApiProperty({ enum: CHECK_METHODS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHECK_METHODS.length)
  @ArrayUnique()
  @IsIn(CHECK_METHODS, { each: true })
  methods: CheckMethod[];

  @ApiProperty({ enum: ALL_CHECK_REASONS, description: 'one of the codes for this outcome' })
  @IsIn(ALL_CHECK_REASONS)
  reasonCode: string;
}

export class ConsentInputDto {
  @ApiProperty({ enum: CONSENT_DECISIONS })
  @IsIn(CONSENT_DECISIONS)
  decision: ConsentDecision;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true, description: "a grant always includes 'found'; a refusal shares nothing" })
  @IsArray()
  @ArrayMaxSize(CONSENT_SCOPES.length)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes: ConsentScope[];

  @ApiPropertyOptional({ maxLength: 2000, description: "the found person's message to the enquirer (scope 'message')" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'the last day the consent allows a disclosure' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}

export class ConsentWithdrawalDto {
  @ApiProperty({ enum: WITHDRAWAL_REASONS })
  @IsIn(WITHDRAWAL_REASONS)
  reasonCode: string;
}

export class OverrideInputDto {
  @ApiProperty({ enum: OVERRIDE_REASONS })
  @IsIn(OVERRIDE_REASONS)
  reasonCode: string;
}
