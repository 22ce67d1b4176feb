import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Headers every answer carries besides its Content-Security-Policy (helmet 8 option names). */
const common = {
  // Browsers ignore HSTS over plain http, so it is harmless on loopback and right behind the TLS proxy.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
} as const;

/** JSON answers load nothing, run nothing and may be framed by nobody. */
const apiHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
});

/**
 * Swagger UI loads its scripts and stylesheet from /docs/ itself; its page template carries two
 * inline <style> blocks, so styles alone allow 'unsafe-inline'. Scripts stay 'self' (the page's
 * initialiser is a file, swagger-ui-init.js), and no upgrade-insecure-requests, which would break
 * the page on plain-http loopback.
 */
const docsHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
});

/**
 * The web console's pages: its own stylesheet and nothing else – no script at all (the pages work
 * without one), no inline style, forms only to itself, never framed.
 */
const consoleHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      scriptSrc: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  },
});

export function isConsolePath(path: string): boolean {
  return path === '/console' || path.startsWith('/console/');
}

export function isDocsPath(path: string): boolean {
  return path === '/docs' || path.startsWith('/docs/');
}

/** Security headers on every answer, errors included: the API's strict policy, or the docs page's own. */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  if (isDocsPath(request.path)) {
    docsHeaders(request, response, next);
    return;
  }
  // Answers carry personal data: no browser or intermediary may keep a copy.
  response.setHeader('Cache-Control', 'no-store');
  if (isConsolePath(request.path)) {
    consoleHeaders(request, response, next);
    return;
  }
  apiHeaders(request, response, next);
}
