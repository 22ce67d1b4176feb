import type { Role } from '../users/role.js';

/** Who is calling, as the auth guard resolved it from the token and the database. */
export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  roles: readonly Role[];
  sourceIp: string | null;
}

export function hasRole(user: AuthenticatedUser, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
