import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SetPasswordDto {
  @ApiProperty({ description: 'the one-time code an admin (or the CLI) handed out' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'code is not a set-up code' })
  code: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}
