import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp, type ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Environment } from '../config/environment.js';
import { LOGIN_RATE_LIMIT_KEY } from './rate-limit.decorators.js';
import { normaliseEmail, type TrackerHash } from './tracker-hash.js';

const MINUTE_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const reflector = new Reflector();

type HttpRequest = Request & { user?: AuthenticatedUser };

function requestOf(context: ExecutionContext): HttpRequest {
  return context.switchToHttp().getRequest<HttpRequest>();
}

function isLogin(context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(LOGIN_RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]) === true;
}

function isWrite(context: ExecutionContext): boolean {
  return WRITE_METHODS.has(requestOf(context).method);
}

function submittedEmail(request: HttpRequest): string | undefined {
  const email: unknown = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? normaliseEmail(email) : undefined;
}

/** The client's address as Express resolved it (TRUST_PROXY_HOPS); IPv6 counted per /64 like the throttler does. */
function addressOf(request: HttpRequest): string {
  return normalizeIp(request.ip ?? 'unknown');
}

/**
 * The four limits, each over one minute, each counting one kind of caller in Redis:
 * - `login-address` and `login-account`: login routes, per client address and per submitted email;
 *   either one exhausted refuses the attempt, so spreading guesses over many accounts from one
 *   address, or over many addresses against one account, are both slowed.
 * - `writes`: POST/PUT/PATCH/DELETE per signed-in user (per address on the public set-password);
 *   login is not counted here, it has its own.
 * - `reads`: every other method per signed-in user.
 * Anonymous reads (health, readiness) are not counted. The AuthGuard runs first, so `request.user`
 * is the verified caller, never a claim the client made.
 */
export function throttlers(env: Environment, hash: TrackerHash): ThrottlerOptions[] {
  const login = { ttl: MINUTE_MS, limit: env.RATE_LIMIT_LOGIN_PER_MINUTE };
  return [
    {
      name: 'login-address',
      ...login,
      skipIf: (context) => !isLogin(context),
      getTracker: (request) => hash.of('address', addressOf(request as HttpRequest)),
    },
    {
      name: 'login-account',
      ...login,
      skipIf: (context) => !isLogin(context) || submittedEmail(requestOf(context)) === undefined,
      getTracker: (request) => hash.of('email', submittedEmail(request as HttpRequest) ?? ''),
    },
    {
      name: 'writes',
      ttl: MINUTE_MS,
      limit: env.RATE_LIMIT_WRITES_PER_MINUTE,
      skipIf: (context) => !isWrite(context) || isLogin(context),
      getTracker: (request) => {
        const { user } = request as HttpRequest;
        return user ? hash.of('user', user.id) : hash.of('address', addressOf(request as HttpRequest));
      },
    },
    {
      name: 'reads',
      ttl: MINUTE_MS,
      limit: env.RATE_LIMIT_READS_PER_MINUTE,
      skipIf: (context) => isWrite(context) || requestOf(context).user === undefined,
      getTracker: (request) => hash.of('user', (request as HttpRequest).user!.id),
    },
  ];
}

/** One counter per throttler and caller across every route (a user's writes share one budget). */
export function counterKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
  return `${throttlerName}:${tracker}`;
}
