import { type AuthenticatedUser, hasRole } from './authenticated-user.js';

const user = (roles: AuthenticatedUser['roles']): AuthenticatedUser => ({ id: 'u', organisationId: 'o', roles, sourceIp: null });

describe('hasRole', () => {
  it('is true when the user holds any of the roles named, false otherwise', () => {
    expect(hasRole(user(['officer']), 'officer')).toBe(true);
    expect(hasRole(user(['officer', 'caseworker']), 'reviewer', 'caseworker')).toBe(true);
    expect(hasRole(user(['auditor']), 'officer', 'admin')).toBe(false);
    expect(hasRole(user([]), 'officer')).toBe(false);
    expect(hasRole(user(['admin']))).toBe(false);
  });
});
