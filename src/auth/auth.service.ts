import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthenticationError } from '../common/errors/domain-errors.js';
import { Environment } from '../config/environment.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { PasswordSetupCode } from '../users/password-setup-code.entity.js';
import { hashSetupCode } from '../users/setup-codes.js';
import { User } from '../users/user.entity.js';
import type { SecondFactorChallengeDto, TokenResponseDto } from './dto/login.dto.js';
import { isLocked } from './login-lockout.js';
import { LoginLockoutService } from './login-lockout.service.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import type { TokenPayload } from './token-payload.js';

/**
 * Login in one or two steps. Every refusal is the same AuthenticationError (401): unknown account,
 * wrong password, inactive or locked account and a wrong second factor are not told apart.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly env: Environment,
    private readonly audit: AuditService,
    private readonly lockout: LoginLockoutService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  async login(email: string, password: string): Promise<TokenResponseDto | SecondFactorChallengeDto> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user) throw new AuthenticationError();
    if (!user.isActive) {
      await this.audit.record({
        actor: null,
        organisationId: user.organisationId,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        outcome: 'denied',
      });
      throw new AuthenticationError();
    }
    if (isLocked(user.lockedUntil, new Date())) {
      await this.lockout.recordRefusedWhileLocked(user.id, user.organisationId);
      throw new AuthenticationError();
    }
    if (!valid) {
      await this.lockout.recordFailure(user.id, user.organisationId, 'bad_password');
      throw new AuthenticationError();
    }
    if (await this.secondFactor.isActive(user.id)) {
      const payload: TokenPayload = { sub: user.id, org: user.organisationId, gen: user.sessionGeneration, use: 'second_factor' };
      const expiresIn = this.env.SECOND_FACTOR_CHALLENGE_SECONDS;
      const challengeToken = await this.jwt.signAsync(payload, { expiresIn, algorithm: 'HS256' });
      return { secondFactorRequired: true, challengeToken, expiresIn };
    }
    return this.issueAccessToken(user);
  }

  /** The second step: the challenge from the password step and a TOTP or recovery code. Failures count towards the lockout. */
  async completeSecondFactor(challengeToken: string, code: string): Promise<TokenResponseDto> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(challengeToken, { algorithms: ['HS256'] });
    } catch {
      throw new AuthenticationError();
    }
    if (payload.use !== 'second_factor' || typeof payload.sub !== 'string' || typeof payload.org !== 'string')
      throw new AuthenticationError();
    const user = await this.dataSource.getRepository(User).findOneBy({ id: payload.sub, organisationId: payload.org });
    if (!user || !user.isActive || user.sessionGeneration !== payload.gen) throw new AuthenticationError();
    if (isLocked(user.lockedUntil, new Date())) {
      await this.lockout.recordRefusedWhileLocked(user.id, user.organisationId);
      throw new AuthenticationError();
    }
    if (!(await this.secondFactor.verifyForLogin(user.id, user.organisationId, code))) {
      await this.lockout.recordFailure(user.id, user.organisationId, 'bad_second_factor');
      throw new AuthenticationError();
    }
    return this.issueAccessToken(user);
  }

  /** Redeems a one-time code: sets the password, spends the code, ends every earlier session. */
  async setPassword(code: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const setup = await manager.findOne(PasswordSetupCode, {
        where: { codeHash: hashSetupCode(code), usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!setup) throw new AuthenticationError();
      const user = await manager.findOneByOrFail(User, { id: setup.userId });
      if (!user.isActive) throw new AuthenticationError();
      await manager.update(PasswordSetupCode, { id: setup.id }, { usedAt: new Date() });
      await manager.update(User, { id: user.id }, { passwordHash, sessionGeneration: () => 'session_generation + 1' });
      const actor = { id: user.id, organisationId: user.organisationId, roles: user.roles, sourceIp: null };
      await this.audit.record({ actor, action: 'auth.password_set', entityType: 'user', entityId: user.id }, manager);
    });
  }

  private async issueAccessToken(user: User): Promise<TokenResponseDto> {
    await this.lockout.reset(user.id);
    const payload: TokenPayload = { sub: user.id, org: user.organisationId, gen: user.sessionGeneration, use: 'access' };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.env.TOKEN_TTL_SECONDS, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.TOKEN_TTL_SECONDS, secondFactorRequired: false };
  }
}
