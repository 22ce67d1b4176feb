import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, InvalidInputError, VersionConflictError } from '../common/errors/domain-errors.js';
import { CandidateMatch } from '../matching/entities/candidate-match.entity.js';
import { FieldVault } from '../key-store/field-vault.js';
import { recordNotification } from '../notifications/record-notification.js';
import { assertReviewable, type CandidateSide, isSafeguarded, loadSides, organisationsOf, ownRequest } from './candidate-sides.js';
import { hasConfirmed, reviewOutcome } from './confirmation-rule.js';
import { applyOutcome } from './decision-consequences.js';
import type { DecisionInputDto } from './dto/decision-input.dto.js';
import { ReviewDecision } from './entities/review-decision.entity.js';
import { DECISION_REASONS, OPEN_REVIEW_STATUSES } from './review-vocabulary.js';

export interface DecisionResult {
  candidateId: string;
  reviewStatus: string;
  version: number;
}

/**
 * A reviewer's decision on a claimed candidate, in one transaction with everything it causes:
 * the candidate's new state, the people's statuses, links between requests, the pair's binding and
 * the audit event. The candidate's version is checked (optimistic concurrency): of two reviewers
 * racing, exactly one wins and the other gets 409.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  async decide(user: AuthenticatedUser, candidateId: string, input: DecisionInputDto): Promise<DecisionResult> {
    assertReasonFits(input);
    return this.dataSource.transaction(async (manager) => {
      const unlocked = await loadSides(manager, candidateId);
      await assertReviewable(manager, user, unlocked);
      // Requests first, in id order, as every writer locks them; then the candidate.
      for (const requestId of [...new Set(unlocked.map((side) => side.requestId))].sort()) {
        await manager.query(`SELECT 1 FROM tracing_request WHERE id = $1 FOR NO KEY UPDATE`, [requestId]);
      }
      const sides = await loadSides(manager, candidateId);
      const candidate = await manager.findOneOrFail(CandidateMatch, { where: { id: candidateId }, lock: { mode: 'pessimistic_write' } });
      assertDecidable(user, candidate, sides, input.version);

      const earlier = await manager.find(ReviewDecision, { where: { candidateId }, order: { decidedAt: 'ASC' } });
      if (input.decision === 'confirm' && hasConfirmed(earlier, user.id)) {
        throw new ConflictError('you have confirmed this candidate already; a second, different reviewer must confirm it');
      }
      if (input.decision === 'need_more_info') await askFollowUp(manager, user, candidate, sides, input);
      const decision = await manager.save(
        manager.create(ReviewDecision, {
          candidateId,
          reviewerId: user.id,
          organisationId: user.organisationId,
          decision: input.decision,
          reasonCode: input.reasonCode,
          // Sealed with the pair's key, destroyed when either person is erased.
          note: await this.vault.seal({ id: candidateId, type: 'candidate' }, 'decision_note', input.note ?? null),
          candidateVersion: candidate.version,
        }),
      );
      const outcome = reviewOutcome([...earlier, decision], { organisations: organisationsOf(sides), safeguarding: isSafeguarded(sides) });
      const version = candidate.version + 1;
      await manager.update(
        CandidateMatch,
        { id: candidateId },
        { reviewStatus: outcome.state, version, claimedBy: null, claimExpiresAt: null },
      );
      await applyOutcome({ manager, candidateId, sides, by: user.id }, outcome);
      // Each organisation of the pair hears of it (under an agreement, each side acts for itself).
      for (const organisationId of organisationsOf(sides)) {
        await recordNotification(manager, {
          organisationId,
          type: 'decision.made',
          ids: { candidateMatchId: candidateId, decisionId: decision.id },
        });
      }
      await this.audit.record(
        {
          actor: user,
          action: `review_decision.${input.decision}`,
          entityType: 'candidate_match',
          entityId: candidateId,
          reasonCode: input.reasonCode,
          requestId: ownRequest(user, sides),
        },
        manager,
      );
      return { candidateId, reviewStatus: outcome.state, version };
    });
  }
}

function assertReasonFits(input: DecisionInputDto): void {
  const allowed: readonly string[] = DECISION_REASONS[input.decision];
  if (!allowed.includes(input.reasonCode)) {
    throw new InvalidInputError('reasonCode', `reasonCode for ${input.decision} must be one of: ${allowed.join(', ')}`);
  }
  if (input.decision === 'need_more_info' && !input.followUp) {
    throw new InvalidInputError('followUp', 'need_more_info needs followUp: the record to ask about and a standard form');
  }
  if (input.decision !== 'need_more_info' && input.followUp) {
    throw new InvalidInputError('followUp', 'followUp goes only with need_more_info');
  }
}

function assertDecidable(user: AuthenticatedUser, candidate: CandidateMatch, sides: readonly CandidateSide[], version: number): void {
  if (candidate.version !== version) throw new VersionConflictError('candidate match', version, candidate.version);
  if (!(OPEN_REVIEW_STATUSES as readonly string[]).includes(candidate.reviewStatus)) {
    throw new ConflictError(`this candidate is ${candidate.reviewStatus} and no longer open for review`);
  }
  if (sides.some((side) => side.lifecycle !== 'open')) throw new ConflictError('a request of this pair is no longer open');
  const claimLive = candidate.claimedBy === user.id && candidate.claimExpiresAt !== null && candidate.claimExpiresAt > new Date();
  if (!claimLive) throw new ConflictError('claim this candidate before deciding (your claim is missing or has expired)');
}

/** The question goes to the officer of the record it is about, as one of the standard forms. */
async function askFollowUp(
  manager: EntityManager,
  user: AuthenticatedUser,
  candidate: CandidateMatch,
  sides: readonly CandidateSide[],
  input: DecisionInputDto,
): Promise<void> {
  const followUp = input.followUp!;
  const side = sides.find((s) => s.personId === followUp.personId && s.organisationId === user.organisationId);
  if (!side) throw new InvalidInputError('followUp.personId', 'followUp.personId must be a record of this pair in your organisation');
  await manager.query(`INSERT INTO follow_up_question (request_id, person_id, candidate_id, form, asked_by) VALUES ($1, $2, $3, $4, $5)`, [
    side.requestId,
    side.personId,
    candidate.id,
    followUp.form,
    user.id,
  ]);
}
