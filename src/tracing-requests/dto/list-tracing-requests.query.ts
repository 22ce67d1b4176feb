import { ApiPropertyOptional } from '@nestjs/swagger';
import { CreatedRangePageQuery } from '../../common/pagination/page.query.js';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from '../request-vocabulary.js';

export class ListTracingRequestsQuery extends CreatedRangePageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ example: 'TR-2026-0001', description: 'a reference or the start of one' })
  @IsOptional()
  @Matches(/^TR(-\d{0,4}(-\d{0,9})?)?$/, { message: 'reference must look like TR-2026-000123 or its start' })
  reference?: string;
}
