import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault } from '../key-store/field-vault.js';
import { announceCandidatesForReview } from '../notifications/candidate-notices.js';
import type { MatchPersonJob } from '../queue/matching-jobs.js';
import { blockAndScore } from './candidate-scoring.js';
import { upsertCandidates } from './candidate-writer.js';
import { MATCHER_VERSION } from './engine/person-for-matching.js';
import { lockMatchSubject, type MatchSubject } from './match-subject.js';
import type { MatchingView } from './matching-views.js';
import { replaceNameKeys, storedBlockingKeys, toPersonForMatching } from './name-keys.js';
import { moveMatchedRecords, proposeOthersAndRecordRuns } from './possible-match.js';

export type MatchOutcome = 'matched' | 'gone' | 'superseded' | 'request_closed' | 'other_matcher_version';

/** What the locked part of a match job hands to the steps after it. */
interface MatchedPerson {
  person: MatchSubject;
  /** candidates at or above the review threshold */
  proposed: Pick<MatchingView, 'id' | 'role'>[];
  scored: number;
  stored: number;
}

/**
 * Runs one match job: blocking on stored keys, scoring with the engine, an idempotent upsert of
 * candidates above the storage floor, and `possible_match` for sought people with a candidate at or
 * above the review threshold. State is re-read under locks first, so a redelivered or stale job
 * changes nothing; nothing moves backwards.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
    private readonly vault: FieldVault,
    private readonly index: BlindIndex,
  ) {}

  async matchPerson(job: MatchPersonJob): Promise<MatchOutcome> {
    // Queued for another matcher (a rolling upgrade): the workers of that version, or the
    // reconciler of this one, take the record; this one changes nothing.
    if (job.matcherVersion !== MATCHER_VERSION) return 'other_matcher_version';
    const started = performance.now();
    const matched = await this.dataSource.transaction(async (manager): Promise<MatchOutcome | MatchedPerson> => {
      // Request and person locked, and everything the job needs of them read, in one statement.
      const subject = await lockMatchSubject(manager, this.vault, job.personId);
      if (!subject) return 'gone';
      if (subject.lifecycle !== 'open') return 'request_closed';
      if (subject.version > job.personVersion) return 'superseded';

      const keys = await this.currentKeys(manager, subject);
      const scored = await blockAndScore(manager, this.vault, {
        person: subject,
        names: subject.names,
        requestId: subject.requestId,
        organisationIds: subject.organisationIds,
        keys,
        limit: this.env.BLOCKING_CANDIDATE_LIMIT,
        hotKeyRows: this.env.BLOCKING_HOT_KEY_ROWS,
        reciprocityFloor: this.env.MATCH_STORAGE_FLOOR,
      });
      const kept = scored.filter(({ result }) => result.score >= this.env.MATCH_STORAGE_FLOOR);
      const open = await upsertCandidates(
        manager,
        kept.map(({ candidate, result }) => ({
          organisationId: subject.organisationId,
          personId: subject.id,
          candidateId: candidate.id,
          result,
        })),
      );
      // Only pairs left open count: a pair a reviewer decided at these versions proposes nothing.
      const openIds = new Set(open.filter((o) => o.score >= this.env.MATCH_REVIEW_THRESHOLD).flatMap((o) => [o.personAId, o.personBId]));
      const proposed = kept.filter(({ candidate }) => openIds.has(candidate.id)).map((c) => c.candidate);
      const request = {
        id: subject.requestId,
        organisationId: subject.organisationId,
        lifecycle: subject.lifecycle,
        status: subject.requestStatus,
      };
      await moveMatchedRecords(
        manager,
        [{ ...subject, request }],
        new Set(proposed.length > 0 ? [subject.id] : []),
        this.env.MATCH_REVIEW_THRESHOLD,
      );
      await announceCandidatesForReview(manager, {
        personId: subject.id,
        candidateIds: proposed.map((c) => c.id),
        matcherVersion: MATCHER_VERSION,
        reviewThreshold: this.env.MATCH_REVIEW_THRESHOLD,
      });
      return { person: subject, proposed, scored: scored.length, stored: kept.length };
    });
    if (typeof matched === 'string') return matched;
    // Only sought people move, so enquirers on the other side cost nothing.
    const others = matched.proposed.filter((other) => other.role === 'sought').map((other) => other.id);
    const run = {
      personId: matched.person.id,
      personVersion: matched.person.version,
      scored: matched.scored,
      stored: matched.stored,
      durationMs: performance.now() - started,
    };
    await proposeOthersAndRecordRuns(this.dataSource, others, [run], this.env.MATCH_REVIEW_THRESHOLD);
    return 'matched';
  }

  /** The person's stored keys, rewritten first when an older matcher made them (or none exist). */
  private async currentKeys(manager: EntityManager, subject: MatchSubject): Promise<string[]> {
    if (subject.keysCurrent) return subject.keys;
    if (subject.role === 'enquirer' && subject.agreesToBeFound === null) throw new Error('the request has no intake consent');
    const isTarget = subject.role === 'sought' || subject.agreesToBeFound === true;
    const self = toPersonForMatching(subject, subject.names);
    await replaceNameKeys(manager, this.index, self, subject.organisationId, isTarget);
    return storedBlockingKeys(this.index, self);
  }
}
