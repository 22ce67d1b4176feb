import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CreatedRangePageQuery } from '../../common/pagination/page.query.js';
import { FIND_STATES, type FindState } from '../find-state.js';

export class FindListQuery extends CreatedRangePageQuery {
  @ApiPropertyOptional({ enum: FIND_STATES })
  @IsOptional()
  @IsIn(FIND_STATES)
  state?: FindState;
}

export const FIND_SIDES = ['found_person', 'enquirer'] as const;
export type FindSide = (typeof FIND_SIDES)[number];

/**
 * One find in a caseworker's list: ids, the caller's own reference, a state and dates. An allow-list
 * with no person's field (no name, place, contact or whereabouts) and never the other
 * organisation's reference.
 */
export class FindListItemDto {
  @ApiProperty() candidateId: string;
  @ApiProperty({
    enum: FIND_SIDES,
    description: "found_person: you record the found person's consent; enquirer: a disclosure is released to your request",
  })
  side: FindSide;
  @ApiProperty({ enum: FIND_STATES }) state: FindState;
  @ApiProperty({ description: "the request of the caller's side" }) requestId: string;
  @ApiProperty({ example: 'TR-2026-000123' }) reference: string;
  @ApiProperty() safeguarding: boolean;
  @ApiPropertyOptional({ description: 'when a reviewer confirmed the match' }) confirmedAt?: string;
  @ApiPropertyOptional({ description: 'when the newest consent was recorded' }) consentRecordedAt?: string;
}

export class FindListPageDto {
  @ApiProperty({ type: [FindListItemDto] }) items: FindListItemDto[];
  @ApiPropertyOptional({ nullable: true }) nextCursor: string | null;
}
