import { ApiProperty } from '@nestjs/swagger';
import { COARSE_STATUSES, type CoarseStatus } from '../coarse-status.js';
import type { StatusTexts } from '../message-catalogue.js';

/**
 * What a caseworker passes on to the enquirer. An explicit allow-list: nothing of a sought or found
 * person, no candidate, no internal state, no time of day.
 */
export class CaseStatusResponseDto {
  @ApiProperty({ example: 'TR-2026-000123' }) reference: string;
  @ApiProperty({ enum: COARSE_STATUSES }) status: CoarseStatus;
  @ApiProperty({
    example: '2026-03-01',
    description: 'day (UTC) this coarse status began; internal steps of the search do not change it',
  })
  since: string;
  @ApiProperty({ description: 'plain-language message in the enquirer’s language' }) message: string;
  @ApiProperty({ description: 'what happens next, in the same language' }) nextStep: string;
  @ApiProperty({ example: 'ar', description: 'language of message and nextStep: the enquirer’s, or English when it has no text' })
  language: string;
  @ApiProperty({ description: 'false while a native speaker has not yet reviewed the translation' }) isReviewedText: boolean;
}

export function toCaseStatusResponse(reference: string, status: CoarseStatus, since: string, texts: StatusTexts): CaseStatusResponseDto {
  return {
    reference,
    status,
    since,
    message: texts.message,
    nextStep: texts.nextStep,
    language: texts.language,
    isReviewedText: texts.isReviewedText,
  };
}
