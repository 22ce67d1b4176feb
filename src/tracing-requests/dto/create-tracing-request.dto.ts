import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { EnquirerInputDto, SoughtPersonInputDto } from '../../persons/dto/person-input.dto.js';
import { SAFEGUARDING_FLAGS, type SafeguardingFlag } from '../request-vocabulary.js';

export class IntakeConsentDto {
  @ApiProperty({ description: 'the enquirer agrees to the processing of their data for the search; required' })
  @Equals(true, { message: 'consentsToProcessing must be true: no request without the enquirer’s consent' })
  consentsToProcessing: boolean;

  @ApiProperty({ description: 'others who search for the enquirer may find them' })
  @IsBoolean()
  agreesToBeFound: boolean;

  @ApiProperty({ description: 'a found person may learn who is searching for them' })
  @IsBoolean()
  agreesToIdentityShared: boolean;

  @ApiProperty({ example: '2026-01', description: 'version of the information notice shown to the enquirer' })
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'informationNoticeVersion must be a short version label' })
  informationNoticeVersion: string;
}

export class CreateTracingRequestDto {
  @ApiProperty({ type: EnquirerInputDto })
  @ValidateNested()
  @IsObject()
  @Type(() => EnquirerInputDto)
  enquirer: EnquirerInputDto;

  @ApiProperty({ type: [SoughtPersonInputDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => SoughtPersonInputDto)
  soughtPeople: SoughtPersonInputDto[];

  @ApiProperty({ type: IntakeConsentDto })
  @ValidateNested()
  @IsObject()
  @Type(() => IntakeConsentDto)
  intakeConsent: IntakeConsentDto;

  @ApiPropertyOptional({ description: 'circumstances of separation (sensitive free text)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  circumstances?: string;

  @ApiPropertyOptional({ enum: SAFEGUARDING_FLAGS, isArray: true })
  @IsOptional()
  @ArrayMaxSize(SAFEGUARDING_FLAGS.length)
  @ArrayUnique()
  @IsIn(SAFEGUARDING_FLAGS, { each: true })
  safeguardingFlags?: SafeguardingFlag[];

  @ApiPropertyOptional({ description: 'caseworker of the same organisation assigned to the request' })
  @IsOptional()
  @IsUUID()
  caseworkerId?: string;
}
