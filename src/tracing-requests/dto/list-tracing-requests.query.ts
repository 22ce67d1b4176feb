import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from '../request-vocabulary.js';
import { IsCalendarDate } from '../../common/validation/is-calendar-date.js';

export class ListTracingRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ example: 'TR-2026-0001', description: 'a reference or the start of one' })
  @IsOptional()
  @Matches(/^TR(-\d{0,4}(-\d{0,9})?)?$/, { message: 'reference must look like TR-2026-000123 or its start' })
  reference?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'created on or after' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'created before' })
  @IsOptional()
  @IsCalendarDate()
  createdTo?: string;

  @ApiPropertyOptional()
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
