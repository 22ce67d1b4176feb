import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

export class RetentionPolicyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 240, nullable: true, description: 'months after closure or withdrawal; null keeps them' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(240)
  closedRequestMonths?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 240, nullable: true, description: 'months after the rejection; null keeps them' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(240)
  rejectedCandidateMonths?: number | null;
}

export interface RetentionPolicyView {
  closedRequestMonths: number | null;
  rejectedCandidateMonths: number | null;
}
