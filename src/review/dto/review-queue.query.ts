import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type Band, BANDS } from '../review-vocabulary.js';
import { IsCalendarDate } from '../../common/validation/is-calendar-date.js';

export class ReviewQueueQuery {
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

  @ApiPropertyOptional({ example: '2026-01-01', description: 'proposed on or after' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'proposed before' })
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
