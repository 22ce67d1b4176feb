import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import type { FieldProblem } from '../../common/validation/validation-pipe.js';
import { CreateTracingRequestDto } from '../../tracing-requests/dto/create-tracing-request.dto.js';
import { ListTracingRequestsQuery } from '../../tracing-requests/dto/list-tracing-requests.query.js';
import {
  toStatusChangeResponse,
  toTracingRequestResponse,
  toTracingRequestSummary,
} from '../../tracing-requests/dto/tracing-request-response.dto.js';
import {
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  REOPEN_REASONS,
  REQUEST_STATUSES,
  SAFEGUARDING_FLAGS,
  WITHDRAWAL_REASON_CODES,
} from '../../tracing-requests/request-vocabulary.js';
import { CloseTracingRequestDto, ReopenTracingRequestDto } from '../../tracing-requests/dto/request-closure.dto.js';
import { RequestClosureService } from '../../tracing-requests/request-closure.service.js';
import { WithdrawTracingRequestDto } from '../../tracing-requests/dto/update-tracing-request.dto.js';
import { TracingRequestReader } from '../../tracing-requests/tracing-request-reader.js';
import { TracingRequestsService } from '../../tracing-requests/tracing-requests.service.js';
import { NAME_PARTS, RELATIONSHIPS, SEXES } from '../../persons/person-vocabulary.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { emptyRequestForm, fieldId, readRequestForm, type RequestForm, toRequestBody, withAddedRow } from '../forms/request-form.js';
import type { FailedRule } from '../forms/failed-rules.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

/** Scripts offered in the form; the API takes any ISO 15924 code, these are the ones the matcher reads. */
const SCRIPTS = ['', 'Arab', 'Latn', 'Cyrl', 'Ethi', 'Grek'];
/** Languages the survivor-facing status has texts in (src/case-status/messages). */
const STATUS_LANGUAGES = ['ar', 'en', 'fr', 'uk', 'ti', 'am', 'so', 'ps', 'prs', 'ckb'];

/** The officer's pages: the organisation's requests, a request with its history, and the intake form. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console/requests')
export class RequestsPagesController {
  constructor(
    private readonly reader: TracingRequestReader,
    private readonly requests: TracingRequestsService,
    private readonly closure: RequestClosureService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  @Roles('officer', 'reviewer', 'admin')
  async list(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const t = this.pages.catalogueFor(request).t;
    // Empty filter fields mean "any": the API's query has no empty values.
    const query = Object.fromEntries(
      Object.entries(raw).filter(([key, value]) => ['status', 'reference', 'cursor'].includes(key) && value !== ''),
    );
    const input = await validateInput(ListTracingRequestsQuery, { ...query, limit: '25' }, 'query');
    const filters = {
      status: typeof raw.status === 'string' ? raw.status : '',
      reference: typeof raw.reference === 'string' ? raw.reference : '',
    };
    if (!input.ok) {
      this.pages.render(
        request,
        response,
        'requests',
        {
          title: t('requests.title'),
          filters,
          statuses: REQUEST_STATUSES,
          items: [],
          problems: this.pages.showProblems(request, input.fields),
        },
        400,
      );
      return;
    }
    const page = await this.reader.list(user, input.value);
    const next = page.nextCursor ? `?${new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()}` : null;
    this.pages.render(request, response, 'requests', {
      title: t('requests.title'),
      filters,
      statuses: REQUEST_STATUSES,
      items: page.items.map(toTracingRequestSummary),
      next,
      problems: [],
    });
  }

  @Get('new')
  @Roles('officer')
  newForm(@Req() request: ConsoleRequest, @Res() response: Response): void {
    this.renderForm(request, response, emptyRequestForm(), [], 200);
  }

  @Post()
  @Roles('officer')
  async create(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const form = readRequestForm(fields);
    const grown = withAddedRow(form, fields.action);
    if (grown) return this.renderForm(request, response, grown, [], 200);

    const { body, fieldOf } = toRequestBody(form);
    const input = await validateInput(CreateTracingRequestDto, body);
    if (!input.ok) {
      const problems = input.fields.map((problem) => ({ ...problem, field: fieldOf(problem.field) }));
      return this.renderForm(request, response, form, problems, 400);
    }
    try {
      const created = await this.requests.create(user, input.value);
      response.redirect(303, `/console/requests/${created.id}?created=1`);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      this.renderForm(request, response, form, [{ field: fieldOf(error.field), problems: [error.message] }], 400);
    }
  }

  @Get(':id')
  @Roles('officer', 'reviewer', 'admin', 'caseworker')
  async read(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('created') created: unknown,
  ): Promise<void> {
    const tracingRequest = toTracingRequestResponse(await this.reader.read(user, id), { withCircumstances: false });
    const history = (await this.reader.history(user, id)).map(toStatusChangeResponse);
    const people = new Map([tracingRequest.enquirer, ...tracingRequest.soughtPeople].map((p, index) => [p.id, index]));
    const t = this.pages.catalogueFor(request).t;
    this.pages.render(request, response, 'request', {
      title: t('request.title', { reference: tracingRequest.reference }),
      request: tracingRequest,
      history,
      people,
      created: created !== undefined,
      mayWithdraw: user.roles.includes('officer') && !['withdrawn', 'closed', 'closed_no_match'].includes(tracingRequest.status),
      withdrawalReasons: WITHDRAWAL_REASON_CODES,
      // The API decides (a refused consent closes only by the schedule: 409); the page offers what the lifecycle allows.
      mayClose: user.roles.includes('officer') && !['withdrawn', 'closed', 'closed_no_match'].includes(tracingRequest.status),
      mayReopen: user.roles.includes('officer') && ['closed', 'closed_no_match'].includes(tracingRequest.status),
      closureOutcomes: CLOSURE_OUTCOMES,
      closureReasons: CLOSURE_REASONS,
      reopenReasons: REOPEN_REASONS,
    });
  }

  @Post(':id/close')
  @Roles('officer')
  async close(
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const input = await validateInput(CloseTracingRequestDto, { outcome: fields.outcome, reasonCode: fields.reasonCode });
    if (!input.ok) throw new InvalidInputError('reasonCode', 'choose an outcome and one of its reasons');
    await this.closure.close(user, id, input.value);
    response.redirect(303, `/console/requests/${id}`);
  }

  @Post(':id/reopen')
  @Roles('officer')
  async reopen(
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const input = await validateInput(ReopenTracingRequestDto, { reasonCode: fields.reasonCode });
    if (!input.ok) throw new InvalidInputError('reasonCode', 'choose a reason for reopening');
    await this.closure.reopen(user, id, input.value.reasonCode);
    response.redirect(303, `/console/requests/${id}`);
  }

  @Post(':id/withdraw')
  @Roles('officer')
  async withdraw(
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const input = await validateInput(WithdrawTracingRequestDto, { reasonCode: fields.reasonCode });
    if (!input.ok) throw new InvalidInputError('reasonCode', 'choose a reason for the withdrawal');
    await this.requests.withdraw(user, id, input.value.reasonCode);
    response.redirect(303, `/console/requests/${id}`);
  }

  private renderForm(
    request: ConsoleRequest,
    response: Response,
    form: RequestForm,
    problems: (FieldProblem & { rules?: FailedRule[] })[],
    status: number,
  ): void {
    const t = this.pages.catalogueFor(request).t;
    const byField = new Map<string, ShownProblem[]>();
    for (const shown of this.pages.showProblems(request, problems)) byField.set(shown.field, [...(byField.get(shown.field) ?? []), shown]);
    this.pages.render(
      request,
      response,
      'request-form',
      {
        title: t('form.title'),
        form,
        problems: [...byField].map(([field, messages]) => ({ field, id: fieldId(field), messages })),
        errorsOf: (field: string) => byField.get(field) ?? [],
        fieldId,
        vocabulary: {
          parts: NAME_PARTS,
          scripts: SCRIPTS,
          sexes: SEXES,
          relationships: RELATIONSHIPS,
          flags: SAFEGUARDING_FLAGS,
          languages: STATUS_LANGUAGES,
        },
      },
      status,
    );
  }
}
