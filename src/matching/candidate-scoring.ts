import type { EntityManager } from 'typeorm';
import type { PersonRecord } from '../persons/entities/person-record.entity.js';
import { findCandidates } from './candidate-blocking.js';
import { preparePerson, scorePrepared, type PairScore, type PreparedPerson } from './engine/score-pair.js';
import { loadMatchingViews, type MatchingView } from './matching-views.js';
import { toPersonForMatching } from './name-keys.js';

export interface ScoringQuery {
  person: PersonRecord;
  names: PersonRecord['names'];
  requestId: string;
  organisationId: string;
  keys: readonly string[];
  limit: number;
  hotKeyRows: number;
}

export interface ScoredCandidate {
  candidate: MatchingView;
  result: PairScore;
}

/**
 * Blocking, then the engine's score for every candidate blocking returned, before any floor or
 * threshold: what the match job stores from, and what the quality benchmark measures.
 * Each person is normalised once per job, however many pairs they are part of.
 */
export async function blockAndScore(manager: EntityManager, query: ScoringQuery): Promise<ScoredCandidate[]> {
  const { person, requestId } = query;
  const blocked = await findCandidates(manager, { ...query, personId: person.id });
  if (blocked.length === 0) return [];
  const blockedPeople = await loadMatchingViews(manager, { personIds: blocked.map((c) => c.personId) });
  // An enquirer who did not agree to be found may still be compared with other enquirers
  // (a duplicate request), but never paired with someone's sought person: that would be finding them.
  const hidden = person.role === 'enquirer' && (await hiddenRequests(manager, [requestId])).has(requestId);
  const candidates = hidden ? blockedPeople.filter((c) => c.role === 'enquirer') : blockedPeople;
  const self = preparePerson(toPersonForMatching(person, query.names));
  const counterpartsOf = await counterparts(manager, [requestId, ...candidates.map((c) => c.requestId)]);
  const selfCounterparts = counterpartsOf(person);
  return candidates.map((candidate) => ({
    candidate,
    result: scorePrepared(self, preparePerson(candidate.engine), {
      aCounterparts: selfCounterparts,
      bCounterparts: counterpartsOf(candidate),
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
 * For reciprocity: the people on the other side of each request. An enquirer who did not agree to
 * be found is left out, so their names never make anyone else's match.
 */
async function counterparts(
  manager: EntityManager,
  requestIds: string[],
): Promise<(person: Pick<MatchingView, 'requestId' | 'role'>) => PreparedPerson[]> {
  const ids = [...new Set(requestIds)];
  const [everyone, hidden] = [await loadMatchingViews(manager, { requestIds: ids }), await hiddenRequests(manager, ids)];
  const byRequest = new Map<string, { view: MatchingView; prepared: PreparedPerson }[]>();
  for (const view of everyone) {
    if (view.role === 'enquirer' && hidden.has(view.requestId)) continue;
    const list = byRequest.get(view.requestId) ?? [];
    list.push({ view, prepared: preparePerson(view.engine) });
    byRequest.set(view.requestId, list);
  }
  return (person) => (byRequest.get(person.requestId) ?? []).filter((o) => o.view.role !== person.role).map((o) => o.prepared);
}
