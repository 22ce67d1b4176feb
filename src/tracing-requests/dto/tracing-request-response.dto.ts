import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonResponseDto, toPersonResponse } from '../../persons/dto/person-response.dto.js';
import type { IntakeConsent } from '../entities/intake-consent.entity.js';
import type { StatusChange } from '../entities/status-change.entity.js';
import type { TracingRequest } from '../entities/tracing-request.entity.js';
import { IntakeConsentDto } from './create-tracing-request.dto.js';

export class IntakeConsentResponseDto extends IntakeConsentDto {
  @ApiProperty() recordedAt: string;
}

export class TracingRequestResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'TR-2026-000123' }) reference: string;
  @ApiProperty() status: string;
  @ApiProperty({
    enum: ['searching', 'news', 'ended'],
    description: 'what the enquirer hears (the case-status page): after the search period, "ended" even while staff still work a candidate',
  })
  enquirerStatus: string;
  @ApiProperty({ description: 'intake or last reopening (YYYY-MM-DD); the search period counts from it' }) searchStartedOn: string;
  @ApiProperty() version: number;
  @ApiProperty() officerId: string;
  @ApiPropertyOptional() caseworkerId?: string;
  @ApiProperty({ type: [String] }) safeguardingFlags: string[];
  @ApiPropertyOptional({ description: 'only for officers and the assigned caseworker' }) circumstances?: string;
  @ApiProperty({ type: IntakeConsentResponseDto }) intakeConsent: IntakeConsentResponseDto;
  @ApiProperty({ type: PersonResponseDto }) enquirer: PersonResponseDto;
  @ApiProperty({ type: [PersonResponseDto] }) soughtPeople: PersonResponseDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TracingRequestSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty() soughtPeopleCount: number;
  @ApiProperty() hasSafeguardingFlags: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TracingRequestPageDto {
  @ApiProperty({ type: [TracingRequestSummaryDto] }) items: TracingRequestSummaryDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor: string | null;
}

export class StatusChangeResponseDto {
  @ApiPropertyOptional() personId?: string;
  @ApiPropertyOptional() fromStatus?: string;
  @ApiProperty() toStatus: string;
  @ApiProperty() reasonCode: string;
  @ApiPropertyOptional({ description: 'absent when the worker made the change' }) changedBy?: string;
  @ApiProperty() changedAt: string;
}

function toIntakeConsentResponse(consent: IntakeConsent): IntakeConsentResponseDto {
  return {
    consentsToProcessing: consent.consentsToProcessing,
    agreesToBeFound: consent.agreesToBeFound,
    agreesToIdentityShared: consent.agreesToIdentityShared,
    informationNoticeVersion: consent.informationNoticeVersion,
    recordedAt: consent.recordedAt.toISOString(),
  };
}

export function toTracingRequestResponse(request: TracingRequest, options: { withCircumstances: boolean }): TracingRequestResponseDto {
  const persons = [...request.persons].sort((a, b) => a.position - b.position);
  const enquirer = persons.find((p) => p.role === 'enquirer');
  if (!enquirer) throw new Error('a tracing request without an enquirer breaks a database constraint');
  return {
    id: request.id,
    reference: request.reference,
    status: request.status,
    enquirerStatus: request.enquirerStatus,
    searchStartedOn: request.searchStartedOn,
    version: request.version,
    officerId: request.officerId,
    caseworkerId: request.caseworkerId ?? undefined,
    safeguardingFlags: request.safeguardingFlags,
    circumstances: options.withCircumstances ? (request.circumstances ?? undefined) : undefined,
    intakeConsent: toIntakeConsentResponse(request.intakeConsent),
    enquirer: toPersonResponse(enquirer),
    soughtPeople: persons.filter((p) => p.role === 'sought').map(toPersonResponse),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export function toTracingRequestSummary(request: TracingRequest & { soughtPeopleCount: number }): TracingRequestSummaryDto {
  return {
    id: request.id,
    reference: request.reference,
    status: request.status,
    soughtPeopleCount: request.soughtPeopleCount,
    hasSafeguardingFlags: request.safeguardingFlags.length > 0,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export function toStatusChangeResponse(change: StatusChange): StatusChangeResponseDto {
  return {
    personId: change.personId ?? undefined,
    fromStatus: change.fromStatus ?? undefined,
    toStatus: change.toStatus,
    reasonCode: change.reasonCode,
    changedBy: change.changedBy ?? undefined,
    changedAt: change.changedAt.toISOString(),
  };
}
