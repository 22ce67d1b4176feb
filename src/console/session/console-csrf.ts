import { Injectable, type NestMiddleware } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import { createHmac, randomBytes } from 'node:crypto';
import { Environment } from '../../config/environment.js';
import { cookieOptions, CSRF_COOKIE, PRE_SESSION_COOKIE, SESSION_COOKIE } from './console-cookies.js';
import type { ConsoleRequest } from './console-request.js';

/** The hidden form field every console form carries. */
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection for every console form post (csrf-csrf's signed double-submit cookie): the token
 * in the form must match the cookie and be bound, by HMAC, to the session, or before sign-in to a
 * random pre-session id. The session cookie is SameSite=Strict as well; this is the second lock.
 */
@Injectable()
export class ConsoleCsrf implements NestMiddleware {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(private readonly env: Environment) {
    // A key of its own, derived from the signing secret: a CSRF token is never a bearer token.
    const secret = createHmac('sha256', env.JWT_SECRET).update('rfl-console-csrf').digest('base64url');
    const secure = env.CONSOLE_SECURE_COOKIES === 'true';
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => sessionIdentifier(request),
      cookieName: CSRF_COOKIE,
      cookieOptions: cookieOptions(secure),
      getCsrfTokenFromRequest: (request) => {
        const value: unknown = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
        return typeof value === 'string' ? value : undefined;
      },
    });
  }

  use(request: ConsoleRequest, response: Response, next: NextFunction): void {
    // Every page may hold a form: make sure a pre-session id exists before the first token is made.
    if (!request.cookies?.[SESSION_COOKIE] && !request.cookies?.[PRE_SESSION_COOKIE]) {
      const id = randomBytes(24).toString('base64url');
      response.cookie(PRE_SESSION_COOKIE, id, cookieOptions(this.env.CONSOLE_SECURE_COOKIES === 'true'));
      request.cookies = { ...request.cookies, [PRE_SESSION_COOKIE]: id };
    }
    if (request.method === 'POST' && !this.csrf.validateRequest(request)) {
      response
        .status(403)
        .type('text/plain')
        .send('This form has expired or did not come from this site. Go back, reload the page and try again.');
      return;
    }
    next();
  }

  /** A token for the page's forms; a new one whenever the session changed (sign-in, sign-out). */
  tokenFor(request: Request, response: Response): string {
    return this.csrf.generateCsrfToken(request, response);
  }
}

function sessionIdentifier(request: Request): string {
  const context = (request as ConsoleRequest).console;
  // A live session binds the token to it; otherwise the pre-session id (sign-in page, ended session).
  if (context?.sessionId) return `s:${context.sessionId}`;
  const pre: unknown = request.cookies?.[PRE_SESSION_COOKIE];
  return `p:${typeof pre === 'string' ? pre : ''}`;
}
