import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { CaseStatusService } from '../../case-status/case-status.service.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import type { ConsoleRequest } from '../session/console-request.js';

const REFERENCE = /^TR-\d{4}-\d{6,9}$/;

/** The caseworker's look-up: the coarse, survivor-facing status by reference, in the survivor's language. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console/case-status')
export class CaseStatusPageController {
  constructor(
    private readonly status: CaseStatusService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  @Roles('caseworker')
  async lookUp(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Query('reference') raw: unknown,
  ): Promise<void> {
    const t = this.pages.catalogueFor(request).t;
    const reference = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
    const data = { title: t('caseStatus.title'), reference, result: null as unknown, problem: null as string | null };
    if (reference === '') return this.pages.render(request, response, 'case-status', data);
    if (!REFERENCE.test(reference)) {
      return this.pages.render(request, response, 'case-status', { ...data, problem: 'caseStatus.hint' }, 400);
    }
    try {
      data.result = await this.status.byReference(user, reference);
      this.pages.render(request, response, 'case-status', data);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      this.pages.render(request, response, 'case-status', { ...data, problem: 'error.notFound' }, 404);
    }
  }
}
