import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateIf, ValidateNested, IsObject } from 'class-validator';
import { PersonInputDto, SoughtPersonInputDto } from '../../persons/dto/person-input.dto.js';
import { RELATIONSHIPS, type Relationship } from '../../persons/person-vocabulary.js';
import { WITHDRAWAL_REASON_CODES, type WithdrawalReasonCode } from '../request-vocabulary.js';
import { CreateTracingRequestDto } from './create-tracing-request.dto.js';

/** A replacement of one person's details (names, dates, places); contact details are edited on their own route. */
export class PersonUpdateDto extends PersonInputDto {
  @ApiProperty()
  @IsUUID()
  id: string;

  @ApiPropertyOptional({ enum: RELATIONSHIPS, description: 'sought people only' })
  @IsOptional()
  @IsIn(RELATIONSHIPS)
  relationshipToEnquirer?: Relationship;
}

/** Request-level fields as in creation, all optional, plus the version the change is based on. */
export class UpdateTracingRequestDto extends PartialType(
  PickType(CreateTracingRequestDto, ['circumstances', 'safeguardingFlags'] as const),
) {
  @ApiProperty({ description: 'the version the change is based on (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  caseworkerId?: string | null;

  @ApiPropertyOptional({ type: [PersonUpdateDto] })
  @IsOptional()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => PersonUpdateDto)
  persons?: PersonUpdateDto[];

  @ApiPropertyOptional({ type: [SoughtPersonInputDto] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => SoughtPersonInputDto)
  addSoughtPeople?: SoughtPersonInputDto[];
}

export class WithdrawTracingRequestDto {
  @ApiProperty({ enum: WITHDRAWAL_REASON_CODES })
  @IsIn(WITHDRAWAL_REASON_CODES)
  reasonCode: WithdrawalReasonCode;
}
