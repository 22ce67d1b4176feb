import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Environment } from '../config/environment.js';
import { announceCandidatesForReview } from '../notifications/candidate-notices.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import type { MatchPersonJob } from '../queue/matching-jobs.js';
import { IntakeConsent } from '../tracing-requests/entities/intake-consent.entity.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { recordStatusChange, refreshRequestStatus } from '../tracing-requests/status-recorder.js';
import { blockAndScore } from './candidate-scoring.js';
import { recordMatchRun, upsertCandidates } from './candidate-writer.js';
import { MATCHER_VERSION, type PersonForMatching } from './engine/person-for-matching.js';
import { replaceNameKeys, toPersonForMatching } from './name-keys.js';
import { blockingKeys } from './engine/blocking-keys.js';
import { matchingOrganisations } from '../sharing-agreements/active-agreements.js';

export type MatchOutcome = 'matched' | 'gone' | 'superseded' | 'request_closed' | 'other_matcher_version';

/** What the locked part of a match job hands to the steps after it. */
interface MatchedPerson {
  person: PersonRecord;
  /** candidates at or above the review threshold */
  proposed: Pick<PersonRecord, 'id' | 'requestId' | 'role'>[];
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
  ) {}

  async matchPerson(job: MatchPersonJob): Promise<MatchOutcome> {
    // Queued for another matcher (a rolling upgrade): the workers of that version, or the
    // reconciler of this one, take the record; this one changes nothing.
    if (job.matcherVersion !== MATCHER_VERSION) return 'other_matcher_version';
    const started = performance.now();
    const matched = await this.dataSource.transaction(async (manager): Promise<MatchOutcome | MatchedPerson> => {
      const [found]: { requestId: string }[] = await manager.query(`SELECT request_id AS "requestId" FROM person_record WHERE id = $1`, [
        job.personId,
      ]);
      if (!found) return 'gone';
      // Lock the request first, as writers do, so the derived status is computed on a stable set.
      // FOR NO KEY UPDATE still keeps writers out, but not the foreign-key checks of other jobs'
      // candidate rows that name this person: with FOR UPDATE, two jobs whose records were each
      // other's candidates waited on each other's person row (a deadlock in bulk re-scores).
      const request = await manager.findOne(TracingRequest, { where: { id: found.requestId }, lock: { mode: 'for_no_key_update' } });
      if (!request) return 'gone';
      if (request.lifecycle !== 'open') return 'request_closed';
      const person = await manager.findOneOrFail(PersonRecord, { where: { id: job.personId }, lock: { mode: 'for_no_key_update' } });
      if (person.version > job.personVersion) return 'superseded';

      const startsSearching = person.role === 'sought' && person.status === 'submitted';
      if (startsSearching) await this.move(manager, person, 'searching');

      // Read under the person's lock: names change only with the person's version.
      const names: PersonForMatching['names'] = await manager.query(
        `SELECT value, part FROM name_variant WHERE person_id = $1 ORDER BY position`,
        [person.id],
      );
      const keys = await this.currentKeys(manager, person, names, request.organisationId);
      const scored = await blockAndScore(manager, {
        person,
        names,
        requestId: request.id,
        organisationIds: await matchingOrganisations(manager, request.organisationId),
        keys,
        limit: this.env.BLOCKING_CANDIDATE_LIMIT,
        hotKeyRows: this.env.BLOCKING_HOT_KEY_ROWS,
        reciprocityFloor: this.env.MATCH_STORAGE_FLOOR,
      });
      const kept = scored.filter(({ result }) => result.score >= this.env.MATCH_STORAGE_FLOOR);
      const open = await upsertCandidates(
        manager,
        kept.map(({ candidate, result }) => ({
          organisationId: request.organisationId,
          personId: person.id,
          candidateId: candidate.id,
          result,
        })),
      );
      // Only pairs left open count: a pair a reviewer decided at these versions proposes nothing.
      const openIds = new Set(open.filter((o) => o.score >= this.env.MATCH_REVIEW_THRESHOLD).flatMap((o) => [o.personAId, o.personBId]));
      const proposed = kept.filter(({ candidate }) => openIds.has(candidate.id)).map((c) => c.candidate);
      if (proposed.length > 0) await this.propose(manager, person);
      await announceCandidatesForReview(manager, {
        personId: person.id,
        candidateIds: proposed.map((c) => c.id),
        matcherVersion: MATCHER_VERSION,
        reviewThreshold: this.env.MATCH_REVIEW_THRESHOLD,
      });
      // A re-run that moved nothing leaves the request's status as it was.
      if (startsSearching) await refreshRequestStatus(manager, request.id, { reasonCode: 'matching_started', by: null });
      return { person, proposed, scored: scored.length, stored: kept.length };
    });
    if (typeof matched === 'string') return matched;
    // The other side of each proposal moves in a transaction of its own, one request at a time,
    // after this record's locks are released: locking another request while holding this one
    // deadlocked two jobs proposing each other. The run is recorded last, so a crash in between
    // leaves the record without a run, and the reconciler has the job done again.
    for (const other of matched.proposed) await this.dataSource.transaction((manager) => this.propose(manager, other));
    await recordMatchRun(this.dataSource.manager, {
      personId: matched.person.id,
      personVersion: matched.person.version,
      scored: matched.scored,
      stored: matched.stored,
      durationMs: performance.now() - started,
    });
    return 'matched';
  }

  /** Moves a sought person of a proposed pair from searching to possible_match, and their request with them. */
  private async propose(manager: EntityManager, person: Pick<PersonRecord, 'id' | 'requestId' | 'role'>): Promise<void> {
    if (person.role !== 'sought') return;
    // Request before person, the order every writer locks in.
    const request = await manager.findOne(TracingRequest, { where: { id: person.requestId }, lock: { mode: 'for_no_key_update' } });
    if (request?.lifecycle !== 'open') return;
    const current = await manager.findOneOrFail(PersonRecord, { where: { id: person.id }, lock: { mode: 'for_no_key_update' } });
    if (current.status !== 'searching') return;
    // The proposal may have gone since the job stored it (the other request closed or withdrawn, the
    // pair decided): only a candidate still open for review moves anyone.
    const [open]: unknown[] = await manager.query(
      `SELECT 1 FROM candidate_match c
       JOIN person_record o ON o.id = CASE WHEN c.person_a_id = $1 THEN c.person_b_id ELSE c.person_a_id END
       JOIN tracing_request r ON r.id = o.request_id AND r.lifecycle = 'open'
       WHERE (c.person_a_id = $1 OR c.person_b_id = $1) AND c.score >= $2
         AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')
       LIMIT 1`,
      [current.id, this.env.MATCH_REVIEW_THRESHOLD],
    );
    if (!open) return;
    await this.move(manager, current, 'possible_match');
    await refreshRequestStatus(manager, current.requestId, { reasonCode: 'candidate_proposed', by: null });
  }

  private async move(manager: EntityManager, person: PersonRecord, to: 'searching' | 'possible_match'): Promise<void> {
    await manager.update(PersonRecord, { id: person.id }, { status: to });
    const reasonCode = to === 'searching' ? 'matching_started' : 'candidate_proposed';
    await recordStatusChange(manager, { requestId: person.requestId, personId: person.id, from: person.status, to, reasonCode, by: null });
    person.status = to;
  }

  /** The person's stored keys, rewritten first when an older matcher made them. */
  private async currentKeys(
    manager: EntityManager,
    person: PersonRecord,
    names: PersonForMatching['names'],
    organisationId: string,
  ): Promise<string[]> {
    const rows: { key: string; matcher_version: number }[] = await manager.query(
      `SELECT key, matcher_version FROM person_name_key WHERE person_id = $1`,
      [person.id],
    );
    if (rows.length > 0 && rows.every((r) => r.matcher_version === MATCHER_VERSION)) return rows.map((r) => r.key);
    const isTarget =
      person.role === 'sought' || (await manager.findOneByOrFail(IntakeConsent, { requestId: person.requestId })).agreesToBeFound;
    const self = toPersonForMatching(person, names);
    await replaceNameKeys(manager, self, organisationId, isTarget);
    return blockingKeys(self);
  }
}
