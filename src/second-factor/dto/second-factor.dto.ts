import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SecondFactorCodeDto {
  @ApiProperty({ description: 'the six-digit code the authenticator app shows now' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code: string;
}

export class EnrolmentStartedDto {
  @ApiProperty({ description: 'base32 secret, for typing into the app by hand; shown once' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URI for a QR code; shown once' }) otpauthUri: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'one-time recovery codes; shown once, stored only hashed' })
  recoveryCodes: string[];
}

export class SecondFactorStatusDto {
  @ApiProperty({ enum: ['none', 'pending', 'active'] }) status: 'none' | 'pending' | 'active';
  @ApiProperty() recoveryCodesLeft: number;
  @ApiProperty({ description: "whether the user's organisation requires a second factor" }) required: boolean;
}
