import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { ProposeAgreementDto } from '../../sharing-agreements/dto/sharing-agreement.dto.js';
import { OrganisationDirectory } from '../../sharing-agreements/organisation-directory.js';
import { SharingAgreementsService } from '../../sharing-agreements/sharing-agreements.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

/**
 * The admin's sharing agreements: each with its partner and state, a proposal to another
 * organisation (which approves for this side), approval of a partner's proposal, withdrawal.
 * Through SharingAgreementsService, like /v1/sharing-agreements: its rules, its audit events, and
 * another organisation's agreement is "not found".
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Roles('admin')
@Controller('console/sharing-agreements')
export class SharingAgreementsPagesController {
  constructor(
    private readonly agreements: SharingAgreementsService,
    private readonly directory: OrganisationDirectory,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() admin: AuthenticatedUser): Promise<void> {
    await this.render(request, response, admin, [], 200);
  }

  @Post()
  async propose(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const input = await validateInput(ProposeAgreementDto, { partnerOrganisationId: fields.partnerOrganisationId });
    if (!input.ok) return this.render(request, response, admin, this.pages.showProblems(request, input.fields), 400);
    try {
      await this.agreements.propose(admin, input.value.partnerOrganisationId);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const problems = this.pages.showProblems(request, [{ field: error.field, problems: [error.message] }]);
      return this.render(request, response, admin, problems, 400);
    }
    response.redirect(303, '/console/sharing-agreements');
  }

  @Post(':id/approve')
  async approve(@Res() response: Response, @CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.agreements.approve(admin, id);
    response.redirect(303, '/console/sharing-agreements');
  }

  @Post(':id/withdraw')
  async withdraw(
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.agreements.withdraw(admin, id);
    response.redirect(303, '/console/sharing-agreements');
  }

  private async render(
    request: ConsoleRequest,
    response: Response,
    admin: AuthenticatedUser,
    problems: ShownProblem[],
    status: number,
  ): Promise<void> {
    const organisations = await this.directory.list();
    const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
    const agreements = (await this.agreements.list(admin)).map((agreement) => ({
      ...agreement,
      partnerName: nameOf.get(agreement.partnerOrganisationId) ?? '',
      state: agreementState(agreement),
    }));
    this.pages.render(
      request,
      response,
      'sharing-agreements',
      {
        title: this.pages.catalogueFor(request).t('agreements.title'),
        agreements,
        partners: organisations.filter((o) => o.id !== admin.organisationId),
        problems,
      },
      status,
    );
  }
}

type AgreementState = 'active' | 'withdrawn' | 'awaitingPartner' | 'awaitingUs';

function agreementState(agreement: { active: boolean; withdrawnAt: Date | null; approvedByUs: boolean }): AgreementState {
  if (agreement.withdrawnAt) return 'withdrawn';
  if (agreement.active) return 'active';
  return agreement.approvedByUs ? 'awaitingPartner' : 'awaitingUs';
}
