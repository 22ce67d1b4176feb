import { type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { NO_RATE_LIMIT_KEY } from './rate-limit.decorators.js';

/**
 * @nestjs/throttler's guard with this API's answer: 429 with a plain `Retry-After` (the throttler
 * would name it after the throttler) and the house error body. Counters are not advertised in
 * X-RateLimit-* headers: the per-account count would tell a caller how often others tried an email.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    return this.reflector.getAllAndOverride<boolean>(NO_RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]) === true;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'rate_limited',
        message: `too many requests; try again in ${seconds} seconds`,
        retryAfterSeconds: seconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
