import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { toTracingRequestResponse } from '../../tracing-requests/dto/tracing-request-response.dto.js';
import { UpdateTracingRequestDto } from '../../tracing-requests/dto/update-tracing-request.dto.js';
import { mayReadCircumstances, TracingRequestReader } from '../../tracing-requests/tracing-request-reader.js';
import { TracingRequestsService } from '../../tracing-requests/tracing-requests.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { type RecordedRequest, recordedRequest, toEditForm, toUpdateBody, withRecordedDetails } from '../forms/request-edit-form.js';
import type { ConsoleFieldProblem } from '../forms/failed-rules.js';
import { readRequestForm, type RequestForm, withAddedRow } from '../forms/request-form.js';
import { submitForm } from '../forms/validate-input.js';
import type { ConsoleRequest } from '../session/console-request.js';
import { requestFormData } from './request-form-view.js';

/**
 * The officer's edit of a request: the intake form prefilled from the record, saved through
 * TracingRequestsService.update with the API's validation and the version the form was read at
 * (a change made meanwhile by someone else is a 409, not overwritten).
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('console/requests/:id/edit')
export class RequestEditPagesController {
  constructor(
    private readonly reader: TracingRequestReader,
    private readonly requests: TracingRequestsService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  @Roles('officer')
  async form(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const recorded = await this.recorded(user, id);
    this.render(request, response, id, recorded.version, toEditForm(recorded), [], 200);
  }

  @Post()
  @Roles('officer')
  async save(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const recorded = await this.recorded(user, id);
    const form = withRecordedDetails(readRequestForm(fields), recorded);
    // The form keeps the version it was read at, whatever the record's is now.
    const version = typeof fields.version === 'string' ? fields.version : '';
    const grown = withAddedRow(form, fields.action);
    if (grown) return this.render(request, response, id, version, grown, [], 200);

    const { body, changes, fieldOf } = toUpdateBody(form, recorded, fields.version);
    if (!changes) return response.redirect(303, `/console/requests/${id}`);
    const submitted = await submitForm(UpdateTracingRequestDto, body, fieldOf, (input) => this.requests.update(user, id, input));
    if (!submitted.ok) return this.render(request, response, id, version, form, submitted.problems, 400);
    response.redirect(303, `/console/requests/${id}?updated=1`);
  }

  /** The request as the API's reader gives it to this officer (audited, sealed fields opened). */
  private async recorded(user: AuthenticatedUser, id: string): Promise<RecordedRequest> {
    const entity = await this.reader.read(user, id);
    const originals = new Map(
      entity.persons.flatMap((person) => (person.birthDateOriginal === null ? [] : [[person.id, person.birthDateOriginal] as const])),
    );
    return recordedRequest(toTracingRequestResponse(entity, { withCircumstances: mayReadCircumstances(user, entity) }), originals);
  }

  private render(
    request: ConsoleRequest,
    response: Response,
    id: string,
    version: number | string,
    form: RequestForm,
    problems: ConsoleFieldProblem[],
    status: number,
  ): void {
    const t = this.pages.catalogueFor(request).t;
    const target = { title: t('edit.title'), action: `/console/requests/${id}/edit`, submitLabel: t('edit.submit'), edit: { version } };
    this.pages.render(
      request,
      response,
      'request-form',
      { ...target, ...requestFormData(form, this.pages.showProblems(request, problems)) },
      status,
    );
  }
}
