import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { CreateUserDto, toUserResponse } from '../../users/dto/user.dto.js';
import { ROLES } from '../../users/role.js';
import type { IssuedSetupCode } from '../../users/users.service.js';
import { UsersService } from '../../users/users.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { formChoices, formText } from '../forms/form-values.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

interface UsersPage {
  issued?: IssuedSetupCode;
  problems?: ShownProblem[];
  draft?: { email: string; displayName: string; roles: string[] };
}

/**
 * The admin's users of their organisation: invite (a one-time set-up code, shown once), deactivate,
 * and a password reset (a new code). Through UsersService, like /v1/users.
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Roles('admin')
@Controller('console/users')
export class UsersPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() admin: AuthenticatedUser): Promise<void> {
    await this.render(request, response, admin, {}, 200);
  }

  @Post()
  async invite(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const roles = formChoices(fields.roles);
    const draft = { email: formText(fields.email), displayName: formText(fields.displayName), roles };
    const input = await validateInput(CreateUserDto, draft);
    if (!input.ok) return this.render(request, response, admin, { problems: this.pages.showProblems(request, input.fields), draft }, 400);
    // The code is shown on this answer only (no redirect that could be reloaded or bookmarked).
    await this.render(request, response, admin, { issued: await this.users.create(admin, input.value) }, 201);
  }

  @Post(':id/deactivate')
  async deactivate(
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.users.deactivate(admin, id);
    response.redirect(303, '/console/users');
  }

  @Post(':id/password-reset')
  async resetPassword(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.render(request, response, admin, { issued: await this.users.resetPassword(admin, id) }, 200);
  }

  private async render(
    request: ConsoleRequest,
    response: Response,
    admin: AuthenticatedUser,
    page: UsersPage,
    status: number,
  ): Promise<void> {
    const t = this.pages.catalogueFor(request).t;
    const users = (await this.users.list(admin)).map(toUserResponse);
    this.pages.render(
      request,
      response,
      'users',
      {
        title: t('users.title'),
        users,
        self: admin.id,
        roles: ROLES,
        issued: page.issued
          ? { email: page.issued.user.email, code: page.issued.setupCode, expiresAt: page.issued.setupCodeExpiresAt.toISOString() }
          : null,
        problems: page.problems ?? [],
        draft: page.draft ?? { email: '', displayName: '', roles: [] },
      },
      status,
    );
  }
}
