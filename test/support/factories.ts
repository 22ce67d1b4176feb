import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password-hashing.js';
import { Organisation } from '../../src/organisations/organisation.entity.js';
import type { Role } from '../../src/users/role.js';
import { User } from '../../src/users/user.entity.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
}

export interface TestOrganisation {
  id: string;
  users: Record<Role, TestUser>;
}

const ROLES: Role[] = ['officer', 'reviewer', 'caseworker', 'admin', 'auditor'];

/** A fresh organisation with one user per role. Unique per call: tests share one database. */
export async function makeOrganisation(dataSource: DataSource): Promise<TestOrganisation> {
  const suffix = randomBytes(4).toString('hex');
  const organisation = await dataSource.getRepository(Organisation).save({ name: `Test Society ${suffix}`, code: `test-${suffix}` });
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    const email = `${role}.${suffix}@test.example`;
    const user = await dataSource.getRepository(User).save({
      organisationId: organisation.id,
      email,
      displayName: `${role} ${suffix}`,
      roles: [role],
      passwordHash,
    });
    users[role] = { id: user.id, email, password, roles: [role] };
  }
  return { id: organisation.id, users };
}

/** One more user of an organisation (e.g. a second reviewer for four eyes), with the organisation's test password. */
export async function addUser(dataSource: DataSource, organisation: TestOrganisation, role: Role): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const email = `${role}.${suffix}@test.example`;
  const { password } = organisation.users[role];
  const user = await dataSource.getRepository(User).save({
    organisationId: organisation.id,
    email,
    displayName: `${role} ${suffix}`,
    roles: [role],
    passwordHash: await hashPassword(password),
  });
  return { id: user.id, email, password, roles: [role] };
}
