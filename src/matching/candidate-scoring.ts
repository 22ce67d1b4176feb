import type { EntityManager } from 'typeorm';
import type { FieldVault } from '../key-store/field-vault.js';
import type { PersonForMatching } from './engine/person-for-matching.js';
import type { HotKeyMemo } from './hot-key-memo.js';
import {
  completeScore,
  preparePerson,
  reciprocityCanReach,
  scoreFields,
  type PairScore,
  type PreparedPerson,
} from './engine/score-pair.js';
import { loadBlockedPeople, loadPeople, type MatchingView } from './matching-views.js';
import { toPersonForMatching, type PersonFields } from './name-keys.js';

export interface ScoringQuery {
  person: PersonFields & { requestId: string };
  names: PersonForMatching['names'];
  requestId: string;
  organisationIds: readonly string[];
  keys: readonly string[];
  limit: number;
  hotKeyRows: number;
  /** hot keys this process has learned (see HotKeyMemo) */
  hotKeys?: HotKeyMemo;
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
 * Each person is normalised once per job, however many pairs they are part of. The people on the
 * other side of a candidate's request are read only for candidates that reciprocity could lift to
 * the floor: most candidates stay far under it, and reading every candidate's request cost about
 * as much as reading the candidates.
 */
export async function blockAndScore(manager: EntityManager, vault: FieldVault, query: ScoringQuery): Promise<ScoredCandidate[]> {
  const { person, requestId, reciprocityFloor } = query;
  const { candidates: blockedPeople, ownRequest } = await loadBlockedPeople(manager, vault, query);
  if (blockedPeople.length === 0) return [];
  const loaded = [...ownRequest, ...blockedPeople];
  const candidates = comparableCandidates(person, ownRequest, blockedPeople);
  const self = preparePerson(toPersonForMatching(person, query.names));
  const fields = candidates.map((candidate) => ({ candidate, fields: scoreFields(self, preparePerson(candidate.engine)) }));
  const within = fields.filter((f) => reciprocityFloor === undefined || reciprocityCanReach(f.fields, reciprocityFloor));
  const otherRequests = [...new Set(within.map((f) => f.candidate.requestId))].filter((id) => id !== requestId);
  const known = new Set(loaded.map((p) => p.id));
  const everyone = [...loaded, ...(await loadPeople(manager, vault, [], otherRequests, known))];
  const counterpartsOf = counterparts(everyone);
  return fields.map(({ candidate, fields: scored }) => ({
    candidate,
    result: completeScore(scored, {
      aCounterparts: () => counterpartsOf(person),
      bCounterparts: () => counterpartsOf(candidate),
      reciprocityFloor,
    }),
  }));
}

/**
 * The candidates a record may be paired with. An enquirer who did not agree to be found may still
 * be compared with other enquirers (a duplicate request), but never paired with someone's sought
 * person: that would be finding them.
 */
export function comparableCandidates(
  person: Pick<MatchingView, 'role'>,
  ownRequest: readonly MatchingView[],
  blocked: readonly MatchingView[],
): readonly MatchingView[] {
  const isHidden = ownRequest.some((p) => p.requestHidden);
  return person.role === 'enquirer' && isHidden ? blocked.filter((c) => c.role === 'enquirer') : blocked;
}

/**
 * For reciprocity: the people on the other side of each request, each prepared once when first
 * asked for. An enquirer who did not agree to be found is left out, so their names never make
 * anyone else's match.
 */
export function counterparts(
  everyone: readonly MatchingView[],
  prepare: (view: MatchingView) => PreparedPerson = preparedOnce(),
): (person: Pick<MatchingView, 'requestId' | 'role'>) => PreparedPerson[] {
  const byRequest = new Map<string, MatchingView[]>();
  for (const view of everyone) {
    if (view.role === 'enquirer' && view.requestHidden) continue;
    const people = byRequest.get(view.requestId) ?? [];
    people.push(view);
    byRequest.set(view.requestId, people);
  }
  return (person) => (byRequest.get(person.requestId) ?? []).filter((other) => other.role !== person.role).map(prepare);
}

/** Prepares each person once, however many pairs they are part of, when first asked for. */
export function preparedOnce(): (view: MatchingView) => PreparedPerson {
  const prepared = new Map<string, PreparedPerson>();
  return (view) => {
    let person = prepared.get(view.id);
    if (!person) {
      person = preparePerson(view.engine);
      prepared.set(view.id, person);
    }
    return person;
  };
}
