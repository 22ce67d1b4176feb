import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { domainErrorResponse } from './domain-error-response.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { summariseError } from './error-summary.js';
import { DomainError } from './domain-errors.js';

/** What a client is told to wait before sending a request again while the database restarts. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The one exception filter. Domain errors map to 4xx (domain-error-response.ts); Nest's HTTP exceptions keep their status and message; anything else is a 500
 * with a fixed text, but a database that cannot be reached is a 503 with Retry-After. Body-parser errors (malformed JSON, oversized bodies) carry fragments of the
 * submitted body in their message, so they are replaced by fixed texts too.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      const { status, body } = domainErrorResponse(error);
      response.status(status).json(body);
      return;
    }
    const parserStatus = bodyParserStatus(error);
    if (parserStatus !== undefined) {
      const message = parserStatus === 413 ? 'request body too large' : 'request body is not valid JSON';
      response.status(parserStatus).json({ statusCode: parserStatus, code: 'bad_body', message });
      return;
    }
    const fixed = quotingException(error, host.switchToHttp().getRequest<Request>());
    if (fixed) {
      response.status(fixed.statusCode).json(fixed);
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // Nothing of the request was kept (its transaction did not commit, or its outcome is unknown
      // when the connection dropped during COMMIT): the client sends it again (decision 0020).
      this.logger.warn({ code: summariseError(error).code }, 'database unavailable; answered 503');
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response
        .status(503)
        .json({ statusCode: 503, code: 'service_unavailable', message: 'the service is briefly unavailable; try again in a few seconds' });
      return;
    }
    // Class, code and call frames only: an error's message may quote what was submitted.
    this.logger.error(summariseError(error), 'unhandled error');
    response.status(500).json({ statusCode: 500, code: 'internal_error', message: 'internal error' });
  }
}

/**
 * Errors Nest and Express raise before a handler runs whose message quotes the URL: a path parameter
 * that is not percent-encoded UTF-8 ("Failed to decode param '...'", a URIError the adapter maps to
 * 400), and a path no route matches ("Cannot GET /...").
 */
function quotingException(error: unknown, request: Request): { statusCode: number; code: string; message: string } | undefined {
  if (!(error instanceof HttpException)) return undefined;
  if (error.cause instanceof URIError) return { statusCode: 400, code: 'bad_url', message: 'the URL is not valid percent-encoded UTF-8' };
  if (error.getStatus() === 404 && error.message === `Cannot ${request.method} ${request.originalUrl ?? request.url}`) {
    return { statusCode: 404, code: 'no_route', message: 'no such route' };
  }
  return undefined;
}

function bodyParserStatus(error: unknown): number | undefined {
  const candidate = (error instanceof HttpException ? (error.cause ?? error) : error) as { type?: unknown; status?: unknown };
  if (typeof candidate?.type !== 'string' || typeof candidate.status !== 'number') return undefined;
  if (candidate.type === 'entity.too.large') return 413;
  if (candidate.type.startsWith('entity.') || candidate.type.includes('charset') || candidate.type.includes('encoding')) return 400;
  return undefined;
}
