import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../users/user.entity.js';
import type { Role } from '../users/role.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ENROLMENT_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators.js';
import type { TokenPayload } from './token-payload.js';

/**
 * Global guard: every handler needs a valid bearer token of an active user whose session generation
 * still matches (deactivation, role change and password reset bump it), and one of the handler's roles.
 * The user row is read on every request, so a deactivation takes effect at once; so is the organisation's
 * second-factor policy: a user it requires to enrol reaches only the enrolment handlers until they have.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const { user, mustEnrol } = await this.authenticate(request);
    request.user = user;

    if (mustEnrol && !this.reflector.getAllAndOverride<boolean>(ENROLMENT_KEY, targets)) {
      await this.audit.record({ actor: user, action: 'access.denied_second_factor_required', outcome: 'denied' });
      throw new ForbiddenException({
        statusCode: 403,
        code: 'second_factor_enrolment_required',
        message: 'your organisation requires a second factor: enrol one first',
      });
    }

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!allowed.some((role) => user.roles.includes(role))) {
      await this.audit.record({ actor: user, action: 'access.denied_by_role', outcome: 'denied' });
      throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: 'your role does not allow this' });
    }
    return true;
  }

  private async authenticate(request: Request): Promise<{ user: AuthenticatedUser; mustEnrol: boolean }> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw unauthorized();
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized();
    }
    if (payload.use !== 'access' || typeof payload.sub !== 'string' || typeof payload.org !== 'string') throw unauthorized();
    const rows: AccountRow[] = await this.users.query(
      `SELECT u.id, u.organisation_id, u.roles, u.is_active, u.session_generation,
              o.second_factor_required AND NOT EXISTS (
                SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS must_enrol
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.organisation_id = $2`,
      [payload.sub, payload.org],
    );
    const row = rows[0];
    if (!row || !row.is_active || row.session_generation !== payload.gen) throw unauthorized();
    return {
      user: { id: row.id, organisationId: row.organisation_id, roles: row.roles, sourceIp: request.ip ?? null },
      mustEnrol: row.must_enrol,
    };
  }
}

interface AccountRow {
  id: string;
  organisation_id: string;
  roles: Role[];
  is_active: boolean;
  session_generation: number;
  must_enrol: boolean;
}

function unauthorized(): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message: 'a valid bearer token is required' });
}
