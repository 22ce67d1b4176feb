import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, ForbiddenActionError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { hashRecoveryCode, verifyRecoveryCode } from './recovery-code-hashing.js';
import { acceptedTotpStep, isTotpCodeShape, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp-codes.js';
import { TotpSecretBox } from './totp-secret-box.js';
import { UserTotp } from './user-totp.entity.js';

export type SecondFactorStatus = 'none' | 'pending' | 'active';

export type DisableRefusal = 'role' | 'organisation';

const DISABLE_REFUSALS: Record<DisableRefusal, string> = {
  role: 'admins and reviewers cannot turn off their own second factor',
  organisation: 'your organisation requires a second factor',
};

/** Enrolment, checking and removal of a user's TOTP and recovery codes. */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: TotpSecretBox,
    private readonly audit: AuditService,
  ) {}

  async status(userId: string): Promise<{ status: SecondFactorStatus; recoveryCodesLeft: number }> {
    const totp = await this.dataSource.getRepository(UserTotp).findOneBy({ userId });
    const status: SecondFactorStatus = !totp ? 'none' : totp.confirmedAt ? 'active' : 'pending';
    const recoveryCodesLeft =
      status === 'active' ? await this.dataSource.getRepository(RecoveryCode).countBy({ userId, usedAt: IsNull() }) : 0;
    return { status, recoveryCodesLeft };
  }

  async isRequired(organisationId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: organisationId })).secondFactorRequired;
  }

  async isActive(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(UserTotp).existsBy({ userId, confirmedAt: Not(IsNull()) });
  }

  /** A new, not yet active secret; replaces a pending one. The secret leaves the service only here, once. */
  async start(actor: AuthenticatedUser): Promise<{ secret: string; otpauthUri: string }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockUser(manager, actor.id);
      const existing = await manager.findOneBy(UserTotp, { userId: user.id });
      if (existing?.confirmedAt) throw new ConflictError('a second factor is already active; disable it before enrolling again');
      const secret = newTotpSecret();
      const sealed = this.box.seal(secret, user.id);
      await manager.upsert(
        UserTotp,
        { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, confirmedAt: null, lastUsedStep: null },
        ['userId'],
      );
      await this.audit.record({ actor, action: 'second_factor.enrolment_started', entityType: 'user', entityId: user.id }, manager);
      return { secret, otpauthUri: totpUri(secret, user.email) };
    });
  }

  /** Activates the pending secret with a valid code and hands out fresh recovery codes, once. */
  async confirm(actor: AuthenticatedUser, code: string): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = newRecoveryCodes();
    const hashes = await Promise.all(recoveryCodes.map((c) => hashRecoveryCode(normaliseRecoveryCode(c) as string)));
    await this.dataSource.transaction(async (manager) => {
      await lockUser(manager, actor.id);
      const totp = await this.loadTotp(manager, actor.id);
      if (!totp) throw new ConflictError('no enrolment was started');
      if (totp.confirmedAt) throw new ConflictError('the second factor is already active');
      if (!(await this.spendTotpCode(manager, totp, code))) throw new InvalidInputError('code', 'the code is not valid');
      await manager.update(UserTotp, { userId: actor.id }, { confirmedAt: new Date() });
      await manager.delete(RecoveryCode, { userId: actor.id });
      await manager.insert(
        RecoveryCode,
        hashes.map((codeHash) => ({ userId: actor.id, codeHash })),
      );
      await this.audit.record({ actor, action: 'second_factor.enrolled', entityType: 'user', entityId: actor.id }, manager);
    });
    return { recoveryCodes };
  }

  /**
   * Why this user may not turn their own second factor off, or null when they may: admins and
   * reviewers keep theirs (issue 11), and so does anyone whose organisation requires one.
   */
  async disableRefusal(actor: AuthenticatedUser): Promise<DisableRefusal | null> {
    if (actor.roles.includes('admin') || actor.roles.includes('reviewer')) return 'role';
    if (await this.isRequired(actor.organisationId)) return 'organisation';
    return null;
  }

  /** Turns the second factor off with a current code, where disableRefusal allows it; a refusal is audited. */
  async disable(actor: AuthenticatedUser, code: string): Promise<void> {
    const refusal = await this.disableRefusal(actor);
    if (refusal) {
      await this.audit.record({
        actor,
        action: 'second_factor.disable_refused',
        entityType: 'user',
        entityId: actor.id,
        outcome: 'denied',
      });
      throw new ForbiddenActionError(DISABLE_REFUSALS[refusal]);
    }
    await this.dataSource.transaction(async (manager) => {
      await lockUser(manager, actor.id);
      const totp = await this.loadTotp(manager, actor.id);
      if (!totp?.confirmedAt) throw new ConflictError('no second factor is active');
      if (!(await this.spendTotpCode(manager, totp, code))) throw new InvalidInputError('code', 'the code is not valid');
      await manager.delete(RecoveryCode, { userId: actor.id });
      await manager.delete(UserTotp, { userId: actor.id });
      await this.audit.record({ actor, action: 'second_factor.disabled', entityType: 'user', entityId: actor.id }, manager);
    });
  }

  /** An admin removes the second factor of another user of their organisation (lost phone and codes). */
  async resetByAdmin(admin: AuthenticatedUser, userId: string): Promise<void> {
    if (userId === admin.id) throw new ForbiddenActionError('admins cannot reset their own second factor');
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId, organisationId: admin.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('user');
      await manager.delete(RecoveryCode, { userId });
      await manager.delete(UserTotp, { userId });
      await manager.update(User, { id: userId }, { sessionGeneration: () => 'session_generation + 1' });
      await this.audit.record({ actor: admin, action: 'second_factor.reset_by_admin', entityType: 'user', entityId: userId }, manager);
    });
  }

  /**
   * The second login step: a current TOTP code not used before, or an unused recovery code (spent
   * now). False for anything else, whatever its shape.
   */
  async verifyForLogin(userId: string, organisationId: string, code: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await lockUser(manager, userId);
      const totp = await this.loadTotp(manager, userId);
      if (!totp?.confirmedAt) return false;
      if (isTotpCodeShape(code)) return this.spendTotpCode(manager, totp, code);
      const normalised = normaliseRecoveryCode(code);
      if (!normalised) return false;
      const unused = await manager.find(RecoveryCode, { where: { userId, usedAt: IsNull() } });
      for (const candidate of unused) {
        if (await verifyRecoveryCode(candidate.codeHash, normalised)) {
          await manager.update(RecoveryCode, { id: candidate.id }, { usedAt: new Date() });
          const actor = null;
          await this.audit.record(
            { actor, organisationId, action: 'auth.recovery_code_used', entityType: 'user', entityId: userId },
            manager,
          );
          return true;
        }
      }
      return false;
    });
  }

  private loadTotp(manager: EntityManager, userId: string): Promise<UserTotp | null> {
    return manager.createQueryBuilder(UserTotp, 't').addSelect('t.secretCiphertext').where('t.user_id = :userId', { userId }).getOne();
  }

  /** Checks a TOTP code and records its step, so the same code (or an older one) never works again. Caller holds the user's lock. */
  private async spendTotpCode(manager: EntityManager, totp: UserTotp, code: string): Promise<boolean> {
    const secret = this.box.open({ ciphertext: totp.secretCiphertext, keyId: totp.keyId }, totp.userId);
    const lastUsed = totp.lastUsedStep === null ? null : Number(totp.lastUsedStep);
    const step = acceptedTotpStep(secret, code, Date.now(), lastUsed);
    if (step === null) return false;
    await manager.update(UserTotp, { userId: totp.userId }, { lastUsedStep: String(step) });
    return true;
  }
}

/** Serialises a user's second-factor changes and checks, so a code cannot be spent twice by racing requests. */
async function lockUser(manager: EntityManager, userId: string): Promise<User> {
  const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw new NotFoundError('user');
  return user;
}
