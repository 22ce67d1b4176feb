/**
 * `create-admin`: bootstraps an organisation's first admin. The account gets no password; a one-time
 * set-up code is issued instead (only its hash is stored), so no default password ever exists.
 */
import 'reflect-metadata';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';
import { issueSetupCode } from '../users/users.service.js';

export interface CreateAdminOptions {
  organisationCode: string;
  /** needed only when the organisation does not exist yet */
  organisationName?: string;
  email: string;
  displayName: string;
}

export interface CreatedAdmin {
  organisationId: string;
  organisationName: string;
  /** false when an organisation with the code already existed and was used */
  organisationCreated: boolean;
  userId: string;
  /** the one-time code, shown once; only its hash is stored */
  setupCode: string;
  expiresAt: Date;
}

/** A refusal the person at the terminal can act on: malformed input, an e-mail already in use. */
export class CreateAdminRefused extends Error {}

// The same rules as the schema's CHECK constraints, checked first for a readable message.
const ORGANISATION_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

export function createAdminProblems(options: CreateAdminOptions): string[] {
  const problems: string[] = [];
  if (!ORGANISATION_CODE.test(options.organisationCode)) {
    problems.push('the organisation code must be 2-40 characters: lower-case letters, digits and "-", not starting with "-"');
  }
  if (options.organisationName !== undefined && !between(options.organisationName.trim(), 1, 200)) {
    problems.push('the organisation name must be 1-200 characters');
  }
  if (!EMAIL.test(options.email.trim()) || options.email.trim().length > 254) problems.push('the e-mail address is not valid');
  if (!between(options.displayName.trim(), 1, 200)) problems.push('the display name must be 1-200 characters');
  return problems;
}

const between = (text: string, min: number, max: number) => text.length >= min && text.length <= max;

/** Creates the organisation if its code is new, then the admin, in one transaction. */
export async function createAdmin(database: DataSource | string, options: CreateAdminOptions): Promise<CreatedAdmin> {
  const problems = createAdminProblems(options);
  if (problems.length > 0) throw new CreateAdminRefused(problems.join('; '));
  const own = typeof database === 'string' ? new DataSource(dataSourceOptions(database)) : null;
  const dataSource = own ?? (database as DataSource);
  if (own) await own.initialize();
  try {
    return await dataSource.transaction((manager) => createInTransaction(manager, options));
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
      throw new CreateAdminRefused('the organisation or the e-mail address was created by someone else meanwhile; run the command again');
    }
    throw error;
  } finally {
    if (own) await own.destroy();
  }
}

async function createInTransaction(manager: EntityManager, options: CreateAdminOptions): Promise<CreatedAdmin> {
  const email = options.email.trim();
  const emailTaken = await manager
    .getRepository(User)
    .createQueryBuilder('u')
    .where('lower(u.email) = lower(:email)', { email })
    .getExists();
  if (emailTaken) throw new CreateAdminRefused('an account with this e-mail address already exists');

  let organisation = await manager.findOneBy(Organisation, { code: options.organisationCode });
  const organisationCreated = organisation === null;
  if (!organisation) {
    const name = options.organisationName?.trim();
    if (!name)
      throw new CreateAdminRefused(
        `there is no organisation with the code ${options.organisationCode}; give --organisation-name to create it`,
      );
    const sameName = await manager.findOneBy(Organisation, { name });
    if (sameName) throw new CreateAdminRefused(`an organisation named "${name}" already exists, with the code ${sameName.code}`);
    organisation = await manager.save(Organisation, manager.create(Organisation, { name, code: options.organisationCode }));
  }

  const user = await manager.save(
    User,
    manager.create(User, {
      organisationId: organisation.id,
      email,
      displayName: options.displayName.trim(),
      roles: ['admin'],
      passwordHash: null,
    }),
  );
  const issued = await issueSetupCode(manager, user);

  // No authenticated actor: the audit trail shows these as made from the command line.
  const audit = (action: string, entityType: string, entityId: string) => ({
    organisationId: organisation.id,
    actorUserId: null,
    action,
    entityType,
    entityId,
    reasonCode: 'command_line',
    outcome: 'allowed' as const,
  });
  if (organisationCreated) await manager.insert(AuditEvent, audit('organisation.created', 'organisation', organisation.id));
  await manager.insert(AuditEvent, audit('user.created', 'user', user.id));

  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationCreated,
    userId: user.id,
    setupCode: issued.setupCode,
    expiresAt: issued.setupCodeExpiresAt,
  };
}
