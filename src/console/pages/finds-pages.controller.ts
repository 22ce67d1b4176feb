import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { ForbiddenActionError } from '../../common/errors/domain-errors.js';
import type { FieldProblem } from '../../common/validation/validation-pipe.js';
import { ConsentsService } from '../../disclosure/consents.service.js';
import { type DisclosureView, DisclosureService } from '../../disclosure/disclosure.service.js';
import { CONSENT_DECISIONS, CONSENT_SCOPES, OVERRIDE_REASONS, WITHDRAWAL_REASONS } from '../../disclosure/disclosure-vocabulary.js';
import { ConsentInputDto, ConsentWithdrawalDto, OverrideInputDto } from '../../disclosure/dto/disclosure-inputs.dto.js';
import { FindListQuery } from '../../disclosure/dto/find-list.dto.js';
import { FindListReader } from '../../disclosure/find-list.reader.js';
import { FIND_STATES } from '../../disclosure/find-state.js';
import { FindSummaryReader } from '../../disclosure/find-summary.reader.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { type ConsentForm, consentFieldOf, emptyConsentForm, readConsentForm, toConsentBody } from '../forms/consent-form.js';
import { fieldErrors, fieldId } from '../forms/form-fields.js';
import { reasonCodeFrom, submitForm, validateInput } from '../forms/validate-input.js';
import type { ConsoleRequest } from '../session/console-request.js';

type FindSummary = Awaited<ReturnType<FindSummaryReader['read']>>;

/**
 * The caseworker's pages: their finds, and a find with the found person's consent (recorded and
 * withdrawn through ConsentsService) and, on the enquirer's side, what DisclosureService releases.
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console/finds')
export class FindsPagesController {
  constructor(
    private readonly finds: FindListReader,
    private readonly summaries: FindSummaryReader,
    private readonly consents: ConsentsService,
    private readonly disclosures: DisclosureService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  @Roles('caseworker')
  async list(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const t = this.pages.catalogueFor(request).t;
    // An empty filter means "any state": the API's query has no empty values.
    const query = Object.fromEntries(Object.entries(raw).filter(([key, value]) => ['state', 'cursor'].includes(key) && value !== ''));
    const input = await validateInput(FindListQuery, { ...query, limit: '25' }, 'query');
    const state = typeof raw.state === 'string' ? raw.state : '';
    const view = { title: t('finds.title'), state, states: FIND_STATES };
    if (!input.ok) {
      this.pages.render(request, response, 'finds', { ...view, items: [], next: null, problems: input.fields }, 400);
      return;
    }
    const page = await this.finds.list(user, input.value);
    const next = page.nextCursor ? `?${new URLSearchParams({ state, cursor: page.nextCursor }).toString()}` : null;
    this.pages.render(request, response, 'finds', { ...view, items: page.items, next, problems: [] });
  }

  @Get(':id')
  @Roles('caseworker')
  async read(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('done') done: unknown,
  ): Promise<void> {
    const notice = typeof done === 'string' && ['recorded', 'withdrawn', 'overridden'].includes(done) ? done : null;
    await this.renderFind(request, response, user, id, { form: emptyConsentForm(), problems: [], notice }, 200);
  }

  @Post(':id/consent')
  @Roles('caseworker')
  async record(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const form = readConsentForm(fields);
    const submitted = await submitForm(ConsentInputDto, toConsentBody(form), consentFieldOf, (input) =>
      this.consents.record(user, id, input),
    );
    if (!submitted.ok) return this.renderFind(request, response, user, id, { form, problems: submitted.problems, notice: null }, 400);
    response.redirect(303, `/console/finds/${id}?done=recorded`);
  }

  @Post(':id/consents/:consentId/withdraw')
  @Roles('caseworker')
  async withdraw(
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const reasonCode = await reasonCodeFrom(ConsentWithdrawalDto, fields, 'choose a reason for the withdrawal');
    await this.consents.withdraw(user, id, consentId, reasonCode);
    response.redirect(303, `/console/finds/${id}?done=withdrawn`);
  }

  @Post(':id/consents/:consentId/override')
  @Roles('caseworker')
  async override(
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const reasonCode = await reasonCodeFrom(OverrideInputDto, fields, 'choose a reason for the override');
    await this.disclosures.override(user, id, consentId, reasonCode);
    response.redirect(303, `/console/finds/${id}?done=overridden`);
  }

  private async renderFind(
    request: ConsoleRequest,
    response: Response,
    user: AuthenticatedUser,
    id: string,
    page: { form: ConsentForm; problems: FieldProblem[]; notice: string | null },
    status: number,
  ): Promise<void> {
    const find = await this.summaries.read(user, id);
    const onFoundSide = find.searchedForBy !== undefined;
    this.pages.render(
      request,
      response,
      'find',
      {
        title: this.pages.catalogueFor(request).t('find.title'),
        find,
        notice: page.notice,
        form: page.form,
        ...fieldErrors(page.problems),
        fieldId,
        onFoundSide,
        // ConsentsService has the last word (the caseworker assigned, the sought person awaiting consent).
        mayRecord: onFoundSide && find.identityCheck.state === 'passed' && find.consents.length === 0,
        disclosure: await this.disclosureFor(user, find),
        vocabulary: {
          decisions: CONSENT_DECISIONS,
          scopes: CONSENT_SCOPES,
          withdrawalReasons: WITHDRAWAL_REASONS,
          overrideReasons: OVERRIDE_REASONS,
        },
      },
      status,
    );
  }

  /** What the enquirer's side may pass on, when the caller is assigned to that request; null for anyone else. */
  private async disclosureFor(user: AuthenticatedUser, find: FindSummary): Promise<DisclosureView | null> {
    if (!find.soughtPerson) return null;
    try {
      return await this.disclosures.read(user, find.soughtPerson.requestId, find.soughtPerson.personId);
    } catch (error) {
      if (error instanceof ForbiddenActionError) return null;
      throw error;
    }
  }
}
