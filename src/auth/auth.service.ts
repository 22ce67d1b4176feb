import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthenticationError } from '../common/errors/domain-errors.js';
import { Environment } from '../config/environment.js';
import { PasswordSetupCode } from '../users/password-setup-code.entity.js';
import { hashSetupCode } from '../users/setup-codes.js';
import { User } from '../users/user.entity.js';
import type { TokenResponseDto } from './dto/login.dto.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import type { TokenPayload } from './token-payload.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly env: Environment,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<TokenResponseDto> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.isActive) {
      if (user)
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
    const payload: TokenPayload = { sub: user.id, org: user.organisationId, gen: user.sessionGeneration };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.env.TOKEN_TTL_SECONDS, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.env.TOKEN_TTL_SECONDS };
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
}
