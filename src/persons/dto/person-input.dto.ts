import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsNotEmptyObject,
  IsObject,
} from 'class-validator';
import {
  BIRTH_DATE_KINDS,
  CALENDARS,
  NAME_PARTS,
  RELATIONSHIPS,
  SEXES,
  type BirthDateKind,
  type Calendar,
  type NamePart,
  type Relationship,
  type Sex,
} from '../person-vocabulary.js';
import { IsCalendarDate } from '../../common/validation/is-calendar-date.js';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COUNTRY = /^[A-Z]{2}$/;

export class NameVariantDto {
  @ApiProperty({ example: 'محمد', description: 'the name exactly as recorded, in any script' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value: string;

  @ApiProperty({ enum: NAME_PARTS, description: '`full` for a whole name whose parts and order are not known' })
  @IsIn(NAME_PARTS)
  part: NamePart;

  @ApiPropertyOptional({ example: 'Arab', description: 'ISO 15924 script code' })
  @IsOptional()
  @Matches(/^[A-Z][a-z]{3}$/, { message: 'script must be an ISO 15924 code such as Arab, Latn, Cyrl, Ethi' })
  script?: string;

  @ApiPropertyOptional({ example: 'ar', description: 'BCP 47 language tag' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as ar, fa-AF, ti' })
  language?: string;
}

export class BirthDateDto {
  @ApiProperty({ enum: BIRTH_DATE_KINDS })
  @IsIn(BIRTH_DATE_KINDS)
  kind: BirthDateKind;

  @ApiPropertyOptional({ enum: CALENDARS, default: 'gregorian' })
  @IsOptional()
  @IsIn(CALENDARS)
  calendar?: Calendar;

  @ApiPropertyOptional({ example: '1990-03-04', description: 'exact: YYYY-MM-DD in the given calendar' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ example: 1985, description: 'year: the year in the given calendar' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(9999)
  year?: number;

  @ApiPropertyOptional({ example: '1980', description: 'range: YYYY, YYYY-MM or YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ example: '1985-06' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({ example: 30, description: 'age_at: age in years at `ageAt`' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  age?: number;

  @ApiPropertyOptional({ example: '2020-06-15' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  ageAt?: string;

  @ApiPropertyOptional({ description: 'the words as told' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  original?: string;
}

export class PlaceDto {
  @ApiPropertyOptional({ description: 'free text, any script' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ example: 'SY', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

export class LastKnownPlaceDto extends PlaceDto {
  @ApiPropertyOptional({ example: '2023-05-01' })
  @IsOptional()
  @IsCalendarDate()
  @MaxLength(10)
  date?: string;
}

/** The sensitive part: released only through consent-gated disclosure. */
export class ContactDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contactDetails?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  currentWhereabouts?: string;
}

export class PersonInputDto {
  @ApiProperty({ type: [NameVariantDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => NameVariantDto)
  names: NameVariantDto[];

  @ApiPropertyOptional({ enum: SEXES, default: 'unknown' })
  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({ type: BirthDateDto })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => BirthDateDto)
  birthDate?: BirthDateDto;

  @ApiPropertyOptional({ type: PlaceDto })
  @IsOptional()
  @IsNotEmptyObject()
  @ValidateNested()
  @IsObject()
  @Type(() => PlaceDto)
  placeOfBirth?: PlaceDto;

  @ApiPropertyOptional({ type: LastKnownPlaceDto })
  @IsOptional()
  @IsNotEmptyObject()
  @ValidateNested()
  @IsObject()
  @Type(() => LastKnownPlaceDto)
  lastKnownPlace?: LastKnownPlaceDto;

  @ApiPropertyOptional({ example: 'SY' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'nationality must be an ISO 3166-1 alpha-2 code' })
  nationality?: string;

  @ApiPropertyOptional({ example: ['ar', 'ku'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag' })
  languages?: string[];

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => ContactDto)
  contact?: ContactDto;
}

export class EnquirerInputDto extends PersonInputDto {
  @ApiPropertyOptional({ example: 'ar', description: 'language of the status messages the enquirer hears' })
  @IsOptional()
  @Matches(LANGUAGE_TAG, { message: 'preferredLanguage must be a BCP 47 tag' })
  preferredLanguage?: string;
}

export class SoughtPersonInputDto extends PersonInputDto {
  @ApiProperty({ enum: RELATIONSHIPS, description: 'what the sought person is to the enquirer' })
  @IsIn(RELATIONSHIPS)
  relationshipToEnquirer: Relationship;
}
