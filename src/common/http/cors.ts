import type { CorsOptions } from '@nestjs/common/internal';

/**
 * CORS for the origins CORS_ORIGINS lists, and for no other. An unlisted origin's request, preflight
 * included, gets no CORS header at all (the cors package skips itself when the origin callback says
 * no), so the browser refuses it. Bearer tokens travel in a header, never in cookies: no credentials.
 */
export function corsOptions(allowed: readonly string[]): CorsOptions {
  const origins = new Set(allowed);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
  };
}
