import { ApiPropertyOptional } from '@nestjs/swagger';
import { CreatedRangePageQuery } from '../../common/pagination/page.query.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { type Band, BANDS } from '../review-vocabulary.js';

export class ReviewQueueQuery extends CreatedRangePageQuery {
  @ApiPropertyOptional({ enum: BANDS })
  @IsOptional()
  @IsIn(BANDS)
  band?: Band;

  @ApiPropertyOptional({ description: 'only candidates whose requests carry (true) or do not carry (false) a safeguarding flag' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'safeguarding must be true or false' })
  safeguarding?: boolean;

  @ApiPropertyOptional({ example: 'TR-2026-000123', description: 'the reference of either request of the pair' })
  @IsOptional()
  @Matches(/^TR-\d{4}-\d{6,}$/, { message: 'reference must look like TR-2026-000123' })
  reference?: string;
}
