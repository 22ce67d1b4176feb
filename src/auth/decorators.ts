import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/role.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const ENROLMENT_KEY = 'auth:second-factor-enrolment';

/** No token needed (login, password set-up, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call a handler. A handler without it is refused to everyone (fail closed). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Open to a user who must enrol a second factor first (their organisation requires one and they have
 * none active): every handler without it answers them 403 until they have enrolled.
 */
export const SecondFactorEnrolment = () => SetMetadata(ENROLMENT_KEY, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);
