import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError } from '../common/errors/domain-errors.js';
import { Environment } from '../config/environment.js';
import { CandidateMatch } from '../matching/entities/candidate-match.entity.js';
import { assertReviewable, loadSides, ownRequest } from './candidate-sides.js';
import { OPEN_REVIEW_STATUSES } from './review-vocabulary.js';

export interface ClaimState {
  id: string;
  version: number;
  claimExpiresAt: Date | null;
}

/**
 * A claim is a lease on a candidate: while it lasts, only its holder decides, so two reviewers never
 * work the same pair unknowingly. It expires by itself (a reviewer who walks away blocks nobody for
 * long), and taking or giving it up moves the candidate's version, so a decision prepared against
 * an older state answers 409.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  async claim(user: AuthenticatedUser, candidateId: string): Promise<ClaimState> {
    return this.dataSource.transaction(async (manager) => {
      const sides = await loadSides(manager, candidateId);
      await assertReviewable(manager, user, sides);
      // TypeORM answers an UPDATE with [rows, count].
      const [rows]: [ClaimState[], number] = await manager.query(
        `UPDATE candidate_match
         SET claimed_by = $2, claim_expires_at = now() + make_interval(mins => $3), version = version + 1
         WHERE id = $1 AND review_status = ANY($4::text[])
           AND (claimed_by IS NULL OR claimed_by = $2 OR claim_expires_at <= now())
         RETURNING id, version, claim_expires_at AS "claimExpiresAt"`,
        [candidateId, user.id, this.env.REVIEW_CLAIM_MINUTES, OPEN_REVIEW_STATUSES],
      );
      if (rows.length === 0) {
        const current = await manager.findOneByOrFail(CandidateMatch, { id: candidateId });
        throw new ConflictError(
          (OPEN_REVIEW_STATUSES as readonly string[]).includes(current.reviewStatus)
            ? 'another reviewer holds a claim on this candidate; try again when it is released or expires'
            : `this candidate is ${current.reviewStatus} and no longer open for review`,
        );
      }
      await this.audit.record(
        {
          actor: user,
          action: 'candidate_match.claim',
          entityType: 'candidate_match',
          entityId: candidateId,
          requestId: ownRequest(user, sides),
        },
        manager,
      );
      return rows[0];
    });
  }

  async release(user: AuthenticatedUser, candidateId: string): Promise<ClaimState> {
    return this.dataSource.transaction(async (manager) => {
      const sides = await loadSides(manager, candidateId);
      await assertReviewable(manager, user, sides);
      const [rows]: [ClaimState[], number] = await manager.query(
        `UPDATE candidate_match SET claimed_by = NULL, claim_expires_at = NULL, version = version + 1
         WHERE id = $1 AND claimed_by = $2 AND claim_expires_at > now()
         RETURNING id, version, claim_expires_at AS "claimExpiresAt"`,
        [candidateId, user.id],
      );
      if (rows.length === 0) throw new ConflictError('you hold no live claim on this candidate');
      await this.audit.record(
        {
          actor: user,
          action: 'candidate_match.release',
          entityType: 'candidate_match',
          entityId: candidateId,
          requestId: ownRequest(user, sides),
        },
        manager,
      );
      return rows[0];
    });
  }
}
