import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const BREAK_GLASS_REASONS = [
  'safeguarding_emergency',
  'assigned_staff_unavailable',
  'data_subject_request',
  'legal_obligation',
] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];

export class BreakGlassDto {
  @ApiProperty({ enum: BREAK_GLASS_REASONS, description: 'why someone not assigned to the request must read this' })
  @IsIn(BREAK_GLASS_REASONS)
  reasonCode: BreakGlassReason;
}

export class ContactResponseDto {
  @ApiProperty() personId: string;
  @ApiPropertyOptional() contactDetails?: string;
  @ApiPropertyOptional() currentWhereabouts?: string;
}
