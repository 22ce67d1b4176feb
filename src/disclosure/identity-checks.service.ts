import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, InvalidInputError } from '../common/errors/domain-errors.js';
import { moveSoughtPerson } from '../tracing-requests/sought-person-moves.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';
import { CHECK_REASONS } from './disclosure-vocabulary.js';
import type { IdentityCheckInputDto } from './dto/disclosure-inputs.dto.js';
import { lockFind } from './find.js';
import { identityCheckState, type IdentityCheckState, type RecordedCheck } from './identity-check-rule.js';

/**
 * Before anyone contacts a found person, a reviewer checks the enquirer's identity and the risk they
 * pose, and records it (four eyes when either request is flagged). Only a passed check moves the
 * sought person to awaiting_consent, where a caseworker may approach the found person.
 */
@Injectable()
export class IdentityChecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async record(user: AuthenticatedUser, candidateId: string, input: IdentityCheckInputDto): Promise<{ state: IdentityCheckState }> {
    const allowed: readonly string[] = CHECK_REASONS[input.outcome];
    if (!allowed.includes(input.reasonCode)) {
      throw new InvalidInputError('reasonCode', `reasonCode for ${input.outcome} must be one of: ${allowed.join(', ')}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const find = await lockFind(manager, user, candidateId);
      if (find.sought.status !== 'match_confirmed') {
        throw new ConflictError(`the identity check is closed: the sought person is ${find.sought.status}`);
      }
      const earlier: RecordedCheck[] = await manager.query(
        `SELECT reviewer_id AS "reviewerId", outcome FROM identity_check WHERE candidate_id = $1`,
        [candidateId],
      );
      if (earlier.some((check) => check.reviewerId === user.id)) {
        throw new ConflictError('you have recorded a check on this find already; a second, different reviewer must record theirs');
      }
      if (identityCheckState(earlier, find.safeguarding) === 'failed') throw new ConflictError('the identity check has failed already');
      await manager.query(
        `INSERT INTO identity_check (candidate_id, reviewer_id, outcome, methods, reason_code) VALUES ($1, $2, $3, $4, $5)`,
        [candidateId, user.id, input.outcome, input.methods, input.reasonCode],
      );
      const state = identityCheckState([...earlier, { reviewerId: user.id, outcome: input.outcome }], find.safeguarding);
      if (state === 'passed') {
        await moveSoughtPerson(manager, find.sought, 'awaiting_consent', { reasonCode: 'identity_checked', by: user.id });
        await refreshRequestStatus(manager, find.sought.requestId, { reasonCode: 'identity_checked', by: user.id });
      }
      await this.audit.record(
        {
          actor: user,
          action: `identity_check.${input.outcome}`,
          entityType: 'candidate_match',
          entityId: candidateId,
          reasonCode: input.reasonCode,
          requestId: find.sought.requestId,
        },
        manager,
      );
      return { state };
    });
  }
}
