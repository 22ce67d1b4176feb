import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Environment } from '../config/environment.js';
import { User } from '../users/user.entity.js';
import { afterFailure, type LockoutPolicy } from './login-lockout.js';

/** Failed-login bookkeeping. Written even though the login answers 4xx: it is security bookkeeping, not domain data. */
@Injectable()
export class LoginLockoutService {
  private readonly policy: LockoutPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    env: Environment,
  ) {
    this.policy = {
      limit: env.LOGIN_FAILURE_LIMIT,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
    };
  }

  /** Counts one failed attempt (`reasonCode`: which step failed) and locks the account when it reaches the limit. */
  async recordFailure(userId: string, organisationId: string, reasonCode: 'bad_password' | 'bad_second_factor'): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) return;
      const now = new Date();
      const next = afterFailure({ count: user.failedLoginCount, windowStart: user.failedLoginWindowStart }, now, this.policy);
      await manager.update(
        User,
        { id: userId },
        {
          failedLoginCount: next.state.count,
          failedLoginWindowStart: next.state.windowStart,
          ...(next.lockUntil && { lockedUntil: next.lockUntil }),
        },
      );
      const about = { actor: null, organisationId, entityType: 'user', entityId: userId, outcome: 'denied' as const };
      await this.audit.record({ ...about, action: 'auth.login_failed', reasonCode }, manager);
      if (next.lockUntil) await this.audit.record({ ...about, action: 'auth.account_locked', reasonCode: 'too_many_failures' }, manager);
    });
  }

  /** A refused attempt on a locked account: audited, not counted (the lock does not grow). */
  async recordRefusedWhileLocked(userId: string, organisationId: string): Promise<void> {
    await this.audit.record({
      actor: null,
      organisationId,
      action: 'auth.login_failed',
      reasonCode: 'account_locked',
      entityType: 'user',
      entityId: userId,
      outcome: 'denied',
    });
  }

  /** A complete login (every factor passed) starts the count afresh. */
  async reset(userId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(User)
      .set({ failedLoginCount: 0, failedLoginWindowStart: null, lockedUntil: null })
      .where('id = :id AND (failed_login_count > 0 OR locked_until IS NOT NULL)', { id: userId })
      .execute();
  }
}
