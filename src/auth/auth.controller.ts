import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { LoginRateLimit } from '../rate-limit/rate-limit.decorators.js';
import { AuthService } from './auth.service.js';
import { Public } from './decorators.js';
import { LoginDto, SecondFactorChallengeDto, SecondFactorLoginDto, TokenResponseDto } from './dto/login.dto.js';
import { SetPasswordDto } from './dto/set-password.dto.js';

@ApiTags('auth')
@ApiExtraModels(TokenResponseDto, SecondFactorChallengeDto)
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LoginRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'an access token, or a challenge when the account has a second factor',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenResponseDto) }, { $ref: getSchemaPath(SecondFactorChallengeDto) }] },
  })
  @ApiUnauthorizedResponse({ description: 'unknown email, wrong password, inactive or locked account (not told apart)' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts from this address or for this email; see Retry-After' })
  login(@Body() body: LoginDto): Promise<TokenResponseDto | SecondFactorChallengeDto> {
    return this.auth.login(body.email, body.password);
  }

  @Public()
  @LoginRateLimit()
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'expired challenge, wrong or reused code, or locked account (not told apart)' })
  loginSecondFactor(@Body() body: SecondFactorLoginDto): Promise<TokenResponseDto> {
    return this.auth.completeSecondFactor(body.challengeToken, body.code);
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto): Promise<void> {
    await this.auth.setPassword(body.code, body.password);
  }
}
