import type { EntityManager } from 'typeorm';
import type { PersonRecord } from '../persons/entities/person-record.entity.js';
import { findCandidates } from './candidate-blocking.js';
import type { PersonForMatching } from './engine/person-for-matching.js';
import { preparePerson, scorePrepared, type PairScore, type PreparedPerson } from './engine/score-pair.js';
import { loadRequestsOf, type MatchingView } from './matching-views.js';
import { toPersonForMatching } from './name-keys.js';

export interface ScoringQuery {
  person: PersonRecord;
  names: PersonForMatching['names'];
  requestId: string;
  organisationIds: readonly string[];
  keys: readonly string[];
  limit: number;
  hotKeyRows: number;
  /** the storage floor, when only pairs that can reach it matter (see PreparedPairContext) */
  reciprocityFloor?: number;
}

export interface ScoredCandidate {
  candidate: MatchingView;
  result: PairScore;
}

/**
 * Blocking, then the engine's score for every candidate blocking returned, before any floor or
 * threshold: what the match job stores from, and what the quality benchmark measures.
 * Each person is normalised once per job, however many pairs they are part of, and the people on
 * the other side of a candidate's request only when reciprocity could matter.
 */
export async function blockAndScore(manager: EntityManager, query: ScoringQuery): Promise<ScoredCandidate[]> {
  const { person, requestId } = query;
  const blocked = await findCandidates(manager, { ...query, personId: person.id });
  if (blocked.length === 0) return [];
  const blockedIds = new Set(blocked.map((c) => c.personId));
  const everyone = await loadRequestsOf(manager, [...blockedIds], requestId);
  const hidden = await hiddenRequests(manager, [...new Set(everyone.map((p) => p.requestId))]);
  const blockedPeople = everyone.filter((p) => blockedIds.has(p.id));
  // An enquirer who did not agree to be found may still be compared with other enquirers
  // (a duplicate request), but never paired with someone's sought person: that would be finding them.
  const candidates =
    person.role === 'enquirer' && hidden.has(requestId) ? blockedPeople.filter((c) => c.role === 'enquirer') : blockedPeople;
  const self = preparePerson(toPersonForMatching(person, query.names));
  const counterpartsOf = counterparts(everyone, hidden);
  return candidates.map((candidate) => ({
    candidate,
    result: scorePrepared(self, preparePerson(candidate.engine), {
      aCounterparts: () => counterpartsOf(person),
      bCounterparts: () => counterpartsOf(candidate),
      reciprocityFloor: query.reciprocityFloor,
    }),
  }));
}

async function hiddenRequests(manager: EntityManager, requestIds: readonly string[]): Promise<Set<string>> {
  const rows: { requestId: string }[] = await manager.query(
    `SELECT request_id AS "requestId" FROM intake_consent WHERE request_id = ANY($1::uuid[]) AND NOT agrees_to_be_found`,
    [requestIds],
  );
  return new Set(rows.map((r) => r.requestId));
}

/**
 * For reciprocity: the people on the other side of each request, each prepared once when first
 * asked for. An enquirer who did not agree to be found is left out, so their names never make
 * anyone else's match.
 */
function counterparts(
  everyone: readonly MatchingView[],
  hidden: ReadonlySet<string>,
): (person: Pick<MatchingView, 'requestId' | 'role'>) => PreparedPerson[] {
  const prepared = new Map<string, PreparedPerson>();
  const prepare = (view: MatchingView): PreparedPerson => {
    const known = prepared.get(view.id);
    if (known) return known;
    const fresh = preparePerson(view.engine);
    prepared.set(view.id, fresh);
    return fresh;
  };
  return (person) =>
    everyone
      .filter((other) => other.requestId === person.requestId && other.role !== person.role)
      .filter((other) => !(other.role === 'enquirer' && hidden.has(other.requestId)))
      .map(prepare);
}
