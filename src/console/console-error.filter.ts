import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { domainErrorResponse } from '../common/errors/domain-error-response.js';
import { DomainError } from '../common/errors/domain-errors.js';
import { summariseError } from '../common/errors/error-summary.js';
import { ConsolePages } from './console-pages.js';
import type { ConsoleRequest } from './session/console-request.js';

/**
 * Errors on console pages become pages, not JSON: no session → the sign-in page; 403, 404, 409, 429
 * → a page that says so in the user's language. Messages shown are the domain's own, which carry
 * no personal data; anything unexpected is a plain "could not complete this".
 */
@Catch()
@Injectable()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ConsoleErrorFilter.name);

  constructor(private readonly pages: ConsolePages) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, key, message } = describe(error);
    // Class, code and call frames only: an error's message may quote what was submitted.
    if (status === 500) this.logger.error(summariseError(error), 'unhandled error on a console page');
    if (status === 401) {
      response.redirect(303, request.console?.sessionEnded ? '/console/login?ended=1' : '/console/login');
      return;
    }
    if (key === 'error.enrol' && request.method === 'GET') {
      // The organisation requires a second factor this user has not enrolled: the one page open to them.
      response.redirect(303, '/console/second-factor');
      return;
    }
    this.pages.render(request, response, 'error', { title: this.pages.catalogueFor(request).t('error.title'), key, message }, status);
  }
}

function describe(error: unknown): { status: number; key: string; message?: string } {
  if (error instanceof DomainError) {
    const { status } = domainErrorResponse(error);
    const keys: Record<number, string> = { 400: 'error.invalid', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict' };
    // Domain messages are fixed texts with ids at most (domain-error-response.ts): safe to show.
    return { status, key: keys[status] ?? 'error.server', message: error.message };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse() as { code?: string; message?: unknown };
    if (status === 403) return { status, key: body.code === 'second_factor_enrolment_required' ? 'error.enrol' : 'error.forbidden' };
    if (status === 404) return { status, key: 'error.notFound' };
    if (status === 429) return { status, key: 'error.tooMany' };
    if (status === 400) return { status, key: 'error.invalid', message: typeof body.message === 'string' ? body.message : undefined };
    if (status < 500) return { status, key: 'error.title' };
  }
  return { status: 500, key: 'error.server' };
}
