import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
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
  WITHDRAWAL_REASON_CODES,
} from '../../tracing-requests/request-vocabulary.js';
import { CloseTracingRequestDto, ReopenTracingRequestDto } from '../../tracing-requests/dto/request-closure.dto.js';
import { RequestClosureService } from '../../tracing-requests/request-closure.service.js';
import { WithdrawTracingRequestDto } from '../../tracing-requests/dto/update-tracing-request.dto.js';
import { TracingRequestReader } from '../../tracing-requests/tracing-request-reader.js';
import { TracingRequestsService } from '../../tracing-requests/tracing-requests.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { emptyRequestForm, readRequestForm, type RequestForm, toRequestBody, withAddedRow } from '../forms/request-form.js';
import type { ConsoleFieldProblem } from '../forms/failed-rules.js';
import { submitForm, validateInput } from '../forms/validate-input.js';
import type { ConsoleRequest } from '../session/console-request.js';
import { requestFormData } from './request-form-view.js';

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
    const submitted = await submitForm(CreateTracingRequestDto, body, fieldOf, (input) => this.requests.create(user, input));
    if (!submitted.ok) return this.renderForm(request, response, form, submitted.problems, 400);
    response.redirect(303, `/console/requests/${submitted.result.id}?created=1`);
  }

  @Get(':id')
  @Roles('officer', 'reviewer', 'admin', 'caseworker')
  async read(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('created') created: unknown,
    @Query('updated') updated: unknown,
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
      updated: updated !== undefined,
      mayEdit: user.roles.includes('officer') && !['withdrawn', 'closed', 'closed_no_match'].includes(tracingRequest.status),
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
    problems: ConsoleFieldProblem[],
    status: number,
  ): void {
    const t = this.pages.catalogueFor(request).t;
    const target = { title: t('form.title'), action: '/console/requests', submitLabel: t('form.submit'), edit: null };
    this.pages.render(
      request,
      response,
      'request-form',
      { ...target, ...requestFormData(form, this.pages.showProblems(request, problems)) },
      status,
    );
  }
}
