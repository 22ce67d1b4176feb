import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer@demo-a.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class SecondFactorLoginDto {
  @ApiProperty({ description: 'the challengeToken the password step returned' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  challengeToken: string;

  @ApiProperty({ description: 'a current six-digit TOTP code, or an unused recovery code' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code: string;
}

export class TokenResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ enum: [false] })
  secondFactorRequired: false;
}

/** The password step's answer for a user with an active second factor: no access token yet. */
export class SecondFactorChallengeDto {
  @ApiProperty({ enum: [true] })
  secondFactorRequired: true;

  @ApiProperty({ description: 'send with a code to POST /v1/auth/login/second-factor' })
  challengeToken: string;

  @ApiProperty({ description: 'seconds until the challenge expires' })
  expiresIn: number;
}
