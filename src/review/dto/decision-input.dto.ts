import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { ALL_DECISION_REASONS, type Decision, DECISIONS, type FollowUpForm, FOLLOW_UP_FORMS } from '../review-vocabulary.js';

export class FollowUpInputDto {
  @ApiProperty({ description: 'the record of the pair the question is about (of your organisation)' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: FOLLOW_UP_FORMS, description: 'a standard form, the same for every search' })
  @IsIn(FOLLOW_UP_FORMS)
  form: FollowUpForm;
}

export class DecisionInputDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: Decision;

  @ApiProperty({ enum: ALL_DECISION_REASONS, description: 'one of the codes for this decision' })
  @IsIn(ALL_DECISION_REASONS)
  reasonCode: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'for staff only; never copied into the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ description: 'the candidate version your claim returned (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ type: FollowUpInputDto, description: 'with need_more_info only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpInputDto)
  followUp?: FollowUpInputDto;
}
