import { Injectable, type NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Response } from 'express';
import type { TokenPayload } from '../../auth/token-payload.js';
import { Environment } from '../../config/environment.js';
import { cookieOptions, SESSION_COOKIE } from './console-cookies.js';
import type { ConsoleRequest } from './console-request.js';
import { ConsoleSessions } from './console-sessions.js';

/** Lifetime of the bearer token minted for one console request: it never leaves the process. */
const REQUEST_TOKEN_SECONDS = 60;

/**
 * Turns the session cookie into what the API's own guard understands: a short-lived access token in
 * the Authorization header, minted here for this request only. So the console goes through the same
 * AuthGuard (active account, session generation, organisation's second-factor policy, roles) and the
 * same rate limits as the API, and no rule is written twice. A header the client sent is dropped:
 * console pages are reached with the cookie or not at all.
 */
@Injectable()
export class ConsoleSessionMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  async use(request: ConsoleRequest, response: Response, next: NextFunction): Promise<void> {
    delete request.headers.authorization;
    const id: unknown = request.cookies?.[SESSION_COOKIE];
    request.console = { sessionEnded: false };
    if (typeof id === 'string' && /^[A-Za-z0-9_-]{43}$/.test(id)) {
      const owner = await this.sessions.resume(id);
      if (owner) {
        const payload: TokenPayload = { sub: owner.userId, org: owner.organisationId, gen: owner.sessionGeneration, use: 'access' };
        const token = await this.jwt.signAsync(payload, { expiresIn: REQUEST_TOKEN_SECONDS, algorithm: 'HS256' });
        request.headers.authorization = `Bearer ${token}`;
        request.console.sessionId = id;
      } else {
        request.console.sessionEnded = true;
        response.clearCookie(SESSION_COOKIE, cookieOptions(this.env.CONSOLE_SECURE_COOKIES === 'true'));
      }
    } else if (id !== undefined) {
      request.console.sessionEnded = true;
    }
    next();
  }
}
