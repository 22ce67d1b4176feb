import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { NameVariant } from '../entities/name-variant.entity.js';
import type { PersonRecord } from '../entities/person-record.entity.js';
import { BirthDateDto, LastKnownPlaceDto, NameVariantDto, PlaceDto } from './person-input.dto.js';

export class BirthDateResponseDto extends BirthDateDto {
  @ApiPropertyOptional({ description: 'earliest possible birth date, Gregorian, derived' })
  earliest?: string;

  @ApiPropertyOptional({ description: 'latest possible birth date, Gregorian, derived' })
  latest?: string;
}

/**
 * A person record as staff read it. An allow-list: contact details and whereabouts are not here
 * (they are read through the contact route, by the assigned staff only).
 */
export class PersonResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['enquirer', 'sought'] }) role: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional() relationshipToEnquirer?: string;
  @ApiProperty({ enum: ['consent', 'vital_interest'] }) legalBasis: string;
  @ApiProperty({ type: [NameVariantDto] }) names: NameVariantDto[];
  @ApiProperty() sex: string;
  @ApiPropertyOptional({ type: BirthDateResponseDto }) birthDate?: BirthDateResponseDto;
  @ApiPropertyOptional({ type: PlaceDto }) placeOfBirth?: PlaceDto;
  @ApiPropertyOptional({ type: LastKnownPlaceDto }) lastKnownPlace?: LastKnownPlaceDto;
  @ApiPropertyOptional() nationality?: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiPropertyOptional() preferredLanguage?: string;
}

function definedOnly<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

export function toNameVariantResponse(name: NameVariant): NameVariantDto {
  return definedOnly({ value: name.value, part: name.part, script: name.script ?? undefined, language: name.language ?? undefined })!;
}

export function toPersonResponse(person: PersonRecord): PersonResponseDto {
  const names = [...(person.names ?? [])].sort((a, b) => a.position - b.position).map(toNameVariantResponse);
  const birthDate = person.birthDateInput
    ? { ...person.birthDateInput, earliest: person.birthEarliest ?? undefined, latest: person.birthLatest ?? undefined }
    : undefined;
  return {
    id: person.id,
    role: person.role,
    version: person.version,
    status: person.status ?? undefined,
    relationshipToEnquirer: person.relationshipToEnquirer ?? undefined,
    legalBasis: person.legalBasis,
    names,
    sex: person.sex,
    birthDate,
    placeOfBirth: definedOnly({ place: person.placeOfBirth ?? undefined, country: person.placeOfBirthCountry ?? undefined }),
    lastKnownPlace: definedOnly({
      place: person.lastKnownPlace ?? undefined,
      country: person.lastKnownCountry ?? undefined,
      date: person.lastKnownDate ?? undefined,
    }),
    nationality: person.nationality ?? undefined,
    languages: person.languages,
    preferredLanguage: person.preferredLanguage ?? undefined,
  };
}
