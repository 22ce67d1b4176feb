import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles, SecondFactorEnrolment } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { SecondFactorService } from '../../second-factor/second-factor.service.js';
import { ROLES } from '../../users/role.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import type { ConsoleRequest } from '../session/console-request.js';

interface EnrolmentPage {
  started?: { secret: string; otpauthUri: string };
  recoveryCodes?: string[];
  problem?: string;
  disabled?: boolean;
}

const codeOf = (fields: Record<string, unknown>): string => (typeof fields.code === 'string' ? fields.code.trim().slice(0, 64) : '');

/**
 * Every user's own second factor: its state, enrolment (the secret and otpauth URI shown once,
 * then a code to confirm, then the recovery codes shown once), and turning it off with a current
 * code where the service's rule allows it (the form is shown only there; elsewhere the page says
 * why not). Open to a user whose organisation requires a factor they have not enrolled yet, like
 * the API's routes.
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Roles(...ROLES)
@SecondFactorEnrolment()
@Controller('console/second-factor')
export class SecondFactorPagesController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  async status(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.render(request, response, user, {}, 200);
  }

  @Post('enrolment')
  async start(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    // Shown on this answer only: no redirect that could be reloaded.
    await this.render(request, response, user, { started: await this.secondFactor.start(user) }, 200);
  }

  @Post('enrolment/confirm')
  async confirm(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    await this.withCode(request, response, user, async () => ({
      recoveryCodes: (await this.secondFactor.confirm(user, codeOf(fields))).recoveryCodes,
    }));
  }

  @Post('disable')
  async disable(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    // A refusal (role, organisation) is the service's ForbiddenActionError: audited there, a 403 page here.
    await this.withCode(request, response, user, async () => {
      await this.secondFactor.disable(user, codeOf(fields));
      return { disabled: true };
    });
  }

  /** Runs an action that spends a code: its page on success, the same page saying the code was refused otherwise. */
  private async withCode(request: ConsoleRequest, response: Response, user: AuthenticatedUser, action: () => Promise<EnrolmentPage>) {
    let page: EnrolmentPage;
    try {
      page = await action();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return this.render(request, response, user, { problem: 'secondFactor.codeRefused' }, 400);
    }
    await this.render(request, response, user, page, 200);
  }

  private async render(request: ConsoleRequest, response: Response, user: AuthenticatedUser, page: EnrolmentPage, status: number) {
    const t = this.pages.catalogueFor(request).t;
    const state = await this.secondFactor.status(user.id);
    const required = await this.secondFactor.isRequired(user.organisationId);
    const refusal = await this.secondFactor.disableRefusal(user);
    this.pages.render(request, response, 'second-factor', { title: t('secondFactor.title'), state, required, refusal, ...page }, status);
  }
}
