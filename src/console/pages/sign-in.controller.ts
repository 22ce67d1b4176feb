import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'express';
import { AuthService } from '../../auth/auth.service.js';
import { CurrentUser, Public, Roles, SecondFactorEnrolment } from '../../auth/decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { LoginDto } from '../../auth/dto/login.dto.js';
import type { TokenPayload } from '../../auth/token-payload.js';
import { AuthenticationError } from '../../common/errors/domain-errors.js';
import { Environment } from '../../config/environment.js';
import { LoginRateLimit } from '../../rate-limit/rate-limit.decorators.js';
import { ROLES } from '../../users/role.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { validateInput } from '../forms/validate-input.js';
import { safeReturnPath } from './return-path.js';
import { isInterfaceLanguage } from '../i18n/catalogue.js';
import { CHALLENGE_COOKIE, cookieOptions, LANGUAGE_COOKIE, SESSION_COOKIE } from '../session/console-cookies.js';
import type { ConsoleRequest } from '../session/console-request.js';
import { ConsoleSessions } from '../session/console-sessions.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Sign-in, sign-out and the language switch. Sign-in goes through the API's AuthService, so the
 * second factor, the lockout, the audit events and the login rate limits are the API's own.
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console')
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    private readonly sessions: ConsoleSessions,
    private readonly pages: ConsolePages,
    env: Environment,
  ) {
    this.secure = env.CONSOLE_SECURE_COOKIES === 'true';
  }

  private readonly secure: boolean;

  @Public()
  @Get('login')
  loginPage(@Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, unknown>): void {
    if (request.console?.sessionId) return response.redirect(303, '/console');
    const notice = query.ended !== undefined ? 'login.ended' : query.out !== undefined ? 'login.signedOut' : undefined;
    this.pages.render(request, response, 'login', { title: this.pages.catalogueFor(request).t('login.title'), notice });
  }

  @Public()
  @LoginRateLimit()
  @Post('login')
  async login(@Req() request: ConsoleRequest, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const input = await validateInput(LoginDto, { email: body.email, password: body.password });
    try {
      if (!input.ok) throw new AuthenticationError();
      const answer = await this.auth.login(input.value.email, input.value.password);
      if (answer.secondFactorRequired) {
        response.cookie(CHALLENGE_COOKIE, answer.challengeToken, cookieOptions(this.secure, answer.expiresIn * 1000));
        this.pages.render(request, response, 'login-code', { title: this.pages.catalogueFor(request).t('login.code.title') });
        return;
      }
      await this.startSession(response, answer.accessToken);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      const t = this.pages.catalogueFor(request).t;
      this.pages.render(request, response, 'login', { title: t('login.title'), failure: 'login.failed', email: body.email }, 401);
    }
  }

  @Public()
  @LoginRateLimit()
  @Post('login/second-factor')
  async secondFactor(@Req() request: ConsoleRequest, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const challenge: unknown = request.cookies?.[CHALLENGE_COOKIE];
    response.clearCookie(CHALLENGE_COOKIE, cookieOptions(this.secure));
    try {
      if (typeof challenge !== 'string' || typeof body.code !== 'string' || body.code.length > 64) throw new AuthenticationError();
      const answer = await this.auth.completeSecondFactor(challenge, body.code.trim());
      await this.startSession(response, answer.accessToken);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      const t = this.pages.catalogueFor(request).t;
      this.pages.render(request, response, 'login', { title: t('login.title'), failure: 'login.code.failed' }, 401);
    }
  }

  @Roles(...ROLES)
  @SecondFactorEnrolment() // a user still to enrol must be able to sign out
  @Post('logout')
  async logout(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    if (request.console?.sessionId) await this.sessions.close(request.console.sessionId);
    response.clearCookie(SESSION_COOKIE, cookieOptions(this.secure));
    response.redirect(303, '/console/login?out=1');
  }

  @Roles(...ROLES)
  @Get()
  home(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthenticatedUser): void {
    const t = this.pages.catalogueFor(request).t;
    this.pages.render(request, response, 'home', { title: t('home.title'), roles: user.roles });
  }

  /** A plain link per language (no script); the choice is a cookie, for the sign-in page as well. */
  @Public()
  @Get('language/:language')
  language(@Param('language') language: string, @Query('back') back: unknown, @Res() response: Response): void {
    if (isInterfaceLanguage(language)) response.cookie(LANGUAGE_COOKIE, language, cookieOptions(this.secure, YEAR_MS));
    response.redirect(303, safeReturnPath(back));
  }

  /** The API's access token is decoded here only to learn whom to open the session for; it is never stored. */
  private async startSession(response: Response, accessToken: string): Promise<void> {
    const payload = this.jwt.decode<TokenPayload>(accessToken);
    const id = await this.sessions.open({ userId: payload.sub, organisationId: payload.org, sessionGeneration: payload.gen });
    response.cookie(SESSION_COOKIE, id, cookieOptions(this.secure));
    response.redirect(303, '/console');
  }
}
