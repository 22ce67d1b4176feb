import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { SecondFactorService } from '../../second-factor/second-factor.service.js';
import { ChangeRolesDto, toUserResponse } from '../../users/dto/user.dto.js';
import { ROLES } from '../../users/role.js';
import { UsersService } from '../../users/users.service.js';
import { ConsoleErrorFilter } from '../console-error.filter.js';
import { ConsolePages } from '../console-pages.js';
import { formChoices } from '../forms/form-values.js';
import { validateInput } from '../forms/validate-input.js';
import type { ShownProblem } from '../i18n/field-messages.js';
import type { ConsoleRequest } from '../session/console-request.js';

/**
 * One user of the admin's organisation: change their roles, lift a lockout, reset their second
 * factor. Through UsersService and SecondFactorService, like /v1/users/{id}/…, with their rules
 * (an admin keeps their own admin role and cannot reset their own factor) and their audit events.
 * A role change or a factor reset ends the user's sessions, console ones included (the guard
 * compares the session generation).
 */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Roles('admin')
@Controller('console/users')
export class UserAccountPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
    private readonly pages: ConsolePages,
  ) {}

  @Get(':id')
  async show(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.render(request, response, admin, id, [], null, 200);
  }

  @Post(':id/roles')
  async changeRoles(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() fields: Record<string, unknown>,
  ): Promise<void> {
    const draft = formChoices(fields.roles);
    const input = await validateInput(ChangeRolesDto, { roles: draft });
    if (!input.ok) return this.render(request, response, admin, id, this.pages.showProblems(request, input.fields), draft, 400);
    await this.users.changeRoles(admin, id, input.value.roles);
    response.redirect(303, `/console/users/${id}?changed=roles`);
  }

  @Post(':id/unlock')
  async unlock(@Res() response: Response, @CurrentUser() admin: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.unlock(admin, id);
    response.redirect(303, `/console/users/${id}?changed=unlocked`);
  }

  @Post(':id/second-factor/reset')
  async resetSecondFactor(
    @Res() response: Response,
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.secondFactor.resetByAdmin(admin, id);
    response.redirect(303, `/console/users/${id}?changed=secondFactor`);
  }

  private async render(
    request: ConsoleRequest,
    response: Response,
    admin: AuthenticatedUser,
    id: string,
    problems: ShownProblem[],
    draft: string[] | null,
    status: number,
  ): Promise<void> {
    // The organisation's own list: another organisation's user is "not found", as in the API.
    const user = (await this.users.list(admin)).find((candidate) => candidate.id === id);
    if (!user) throw new NotFoundError('user');
    const shown = toUserResponse(user);
    const changed = typeof request.query.changed === 'string' ? request.query.changed : null;
    this.pages.render(
      request,
      response,
      'user-account',
      {
        title: this.pages.catalogueFor(request).t('account.title'),
        account: shown,
        isSelf: user.id === admin.id,
        hasSecondFactor: await this.secondFactor.isActive(user.id),
        roles: ROLES,
        chosen: draft ?? shown.roles,
        changed: ['roles', 'unlocked', 'secondFactor'].includes(changed ?? '') ? changed : null,
        problems,
      },
      status,
    );
  }
}
