import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, NotFoundError } from '../common/errors/domain-errors.js';
import { PasswordSetupCode } from './password-setup-code.entity.js';
import type { Role } from './role.js';
import { newSetupCode } from './setup-codes.js';
import { User } from './user.entity.js';

export interface IssuedSetupCode {
  user: User;
  setupCode: string;
  setupCodeExpiresAt: Date;
}

/** An admin's management of their own organisation's accounts. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(admin: AuthenticatedUser): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { organisationId: admin.organisationId }, order: { createdAt: 'ASC' } });
  }

  create(admin: AuthenticatedUser, input: { email: string; displayName: string; roles: Role[] }): Promise<IssuedSetupCode> {
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: input.email })
        .getExists();
      if (taken) throw new ConflictError('an account with this email already exists');
      const user = await manager.save(User, manager.create(User, { ...input, organisationId: admin.organisationId, passwordHash: null }));
      const issued = await issueSetupCode(manager, user);
      await this.audit.record({ actor: admin, action: 'user.created', entityType: 'user', entityId: user.id }, manager);
      return issued;
    });
  }

  changeRoles(admin: AuthenticatedUser, userId: string, roles: Role[]): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockOwnUser(manager, admin, userId);
      if (user.id === admin.id && !roles.includes('admin')) throw new ConflictError('an admin cannot remove their own admin role');
      await manager.update(User, { id: user.id }, { roles, sessionGeneration: () => 'session_generation + 1' });
      await this.audit.record({ actor: admin, action: 'user.roles_changed', entityType: 'user', entityId: user.id }, manager);
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  deactivate(admin: AuthenticatedUser, userId: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockOwnUser(manager, admin, userId);
      if (user.id === admin.id) throw new ConflictError('an admin cannot deactivate their own account');
      if (!user.isActive) throw new ConflictError('the account is already deactivated');
      await manager.update(User, { id: user.id }, { isActive: false, sessionGeneration: () => 'session_generation + 1' });
      await this.audit.record({ actor: admin, action: 'user.deactivated', entityType: 'user', entityId: user.id }, manager);
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  /** Lifts a lockout after failed logins, at once. */
  unlock(admin: AuthenticatedUser, userId: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockOwnUser(manager, admin, userId);
      await manager.update(User, { id: user.id }, { lockedUntil: null, failedLoginCount: 0, failedLoginWindowStart: null });
      await this.audit.record({ actor: admin, action: 'user.unlocked', entityType: 'user', entityId: user.id }, manager);
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  /** Clears the password, ends every session and hands out a new one-time code. */
  resetPassword(admin: AuthenticatedUser, userId: string): Promise<IssuedSetupCode> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockOwnUser(manager, admin, userId);
      if (!user.isActive) throw new ConflictError('the account is deactivated');
      await manager.update(User, { id: user.id }, { passwordHash: null, sessionGeneration: () => 'session_generation + 1' });
      const issued = await issueSetupCode(manager, user);
      await this.audit.record({ actor: admin, action: 'user.password_reset', entityType: 'user', entityId: user.id }, manager);
      return issued;
    });
  }

  private async lockOwnUser(manager: EntityManager, admin: AuthenticatedUser, userId: string): Promise<User> {
    const user = await manager.findOne(User, {
      where: { id: userId, organisationId: admin.organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new NotFoundError('user');
    return user;
  }
}

/** Spends any earlier unused codes of the user and issues a new one. */
export async function issueSetupCode(manager: EntityManager, user: User): Promise<IssuedSetupCode> {
  const now = new Date();
  await manager
    .createQueryBuilder()
    .update(PasswordSetupCode)
    .set({ usedAt: now })
    .where('user_id = :id AND used_at IS NULL', { id: user.id })
    .execute();
  const { code, codeHash, expiresAt } = newSetupCode(now);
  await manager.insert(PasswordSetupCode, { userId: user.id, codeHash, expiresAt });
  return { user, setupCode: code, setupCodeExpiresAt: expiresAt };
}
