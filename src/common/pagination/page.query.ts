import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../validation/is-calendar-date.js';

/** A keyset page of a list filtered by creation time: what every listing of the API accepts. */
export class CreatedRangePageQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'created on or after' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'created before' })
  @IsOptional()
  @IsCalendarDate()
  createdTo?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
