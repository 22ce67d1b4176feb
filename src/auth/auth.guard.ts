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
import { PUBLIC_KEY, ROLES_KEY } from './decorators.js';
import type { TokenPayload } from './token-payload.js';

/**
 * Global guard: every handler needs a valid bearer token of an active user whose session generation
 * still matches (deactivation, role change and password reset bump it), and one of the handler's roles.
 * The user row is read on every request, so a deactivation takes effect at once.
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
    const user = await this.authenticate(request);
    request.user = user;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!allowed.some((role) => user.roles.includes(role))) {
      await this.audit.record({ actor: user, action: 'access.denied_by_role', outcome: 'denied' });
      throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: 'your role does not allow this' });
    }
    return true;
  }

  private async authenticate(request: Request): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw unauthorized();
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized();
    }
    const user = await this.users.findOne({ where: { id: payload.sub, organisationId: payload.org } });
    if (!user || !user.isActive || user.sessionGeneration !== payload.gen) throw unauthorized();
    return { id: user.id, organisationId: user.organisationId, roles: user.roles, sourceIp: request.ip ?? null };
  }
}

function unauthorized(): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message: 'a valid bearer token is required' });
}
