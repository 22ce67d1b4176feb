import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { InvalidInputError } from '../../common/errors/domain-errors.js';
import { CreateWebhookReceiverDto, toReceiverResponse } from '../../notifications/dto/webhook-receiver.dto.js';
import { RECEIVER_AUDIENCES } from '../../notifications/notification-events.js';
import { WebhookReceiversService } from '../../notifications/webhook-receivers.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { formText } from '../forms/form-values.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

interface ReceiversPage {
  created?: { url: string; signingSecret: string };
  problems?: ShownProblem[];
  draft?: { url: string; audience: string };
}

/**
 * The admin's webhook receivers – the only outbound connections the service makes: list, add (the
 * URL checked by the API's rule, receiver-url.ts), deactivate, delete. The signing secret is shown
 * once, on the answer to the addition, as the API returns it once; never again.
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Roles('admin')
@Controller('console/webhook-receivers')
export class WebhookReceiversPagesController {
  constructor(
    private readonly receivers: WebhookReceiversService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() admin: AuthenticatedUser): Promise<void> {
    await this.render(request, response, admin, {}, 200);
  }

  @Post()
  async create(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const draft = { url: formText(fields.url), audience: formText(fields.audience) };
    const input = await validateInput(CreateWebhookReceiverDto, draft);
    if (!input.ok) return this.render(request, response, admin, { problems: this.pages.showProblems(request, input.fields), draft }, 400);
    try {
      const { receiver, signingSecret } = await this.receivers.create(admin, input.value);
      // No redirect: the secret is on this answer only, which cannot be reloaded into a second showing.
      await this.render(request, response, admin, { created: { url: receiver.url, signingSecret } }, 201);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const problems = this.pages.showProblems(request, [{ field: error.field, problems: [error.message] }]);
      await this.render(request, response, admin, { problems, draft }, 400);
    }
  }

  @Post(':id/deactivate')
  async deactivate(
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.receivers.deactivate(admin, id);
    response.redirect(303, '/console/webhook-receivers');
  }

  /** A form cannot send DELETE: a post to …/delete does what DELETE /v1/webhook-receivers/{id} does. */
  @Post(':id/delete')
  async remove(@Res() response: Response, @CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.receivers.remove(admin, id);
    response.redirect(303, '/console/webhook-receivers');
  }

  private async render(request: ConsoleRequest, response: Response, admin: AuthenticatedUser, page: ReceiversPage, status: number) {
    this.pages.render(
      request,
      response,
      'webhook-receivers',
      {
        title: this.pages.catalogueFor(request).t('receivers.title'),
        receivers: (await this.receivers.list(admin)).map(toReceiverResponse),
        audiences: RECEIVER_AUDIENCES,
        created: page.created ?? null,
        problems: page.problems ?? [],
        draft: page.draft ?? { url: '', audience: 'staff' },
      },
      status,
    );
  }
}
