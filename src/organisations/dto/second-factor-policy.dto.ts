import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SecondFactorPolicyDto {
  @ApiProperty({ description: 'users without an active second factor may then only enrol one' })
  @IsBoolean()
  required: boolean;
}
