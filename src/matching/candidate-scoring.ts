import { In, type EntityManager } from 'typeorm';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { IntakeConsent } from '../tracing-requests/entities/intake-consent.entity.js';
import { findCandidates } from './candidate-blocking.js';
import type { PersonForMatching } from './engine/person-for-matching.js';
import { scorePair, type PairScore } from './engine/score-pair.js';
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
  candidate: PersonRecord;
  result: PairScore;
}

/**
 * Blocking, then the engine's score for every candidate blocking returned, before any floor or
 * threshold: what the match job stores from, and what the quality benchmark measures.
 */
export async function blockAndScore(manager: EntityManager, query: ScoringQuery): Promise<ScoredCandidate[]> {
  const { person, requestId } = query;
  const blocked = await findCandidates(manager, { ...query, personId: person.id });
  const blockedPeople = blocked.length
    ? await manager.find(PersonRecord, { where: { id: In(blocked.map((c) => c.personId)) }, relations: { names: true } })
    : [];
  // An enquirer who did not agree to be found may still be compared with other enquirers
  // (a duplicate request), but never paired with someone's sought person: that would be finding them.
  const hidden = person.role === 'enquirer' && !(await manager.findOneByOrFail(IntakeConsent, { requestId })).agreesToBeFound;
  const candidates = hidden ? blockedPeople.filter((c) => c.role === 'enquirer') : blockedPeople;
  const self = toPersonForMatching(person, query.names);
  const counterpartsOf = await counterparts(manager, [requestId, ...candidates.map((c) => c.requestId)]);
  return candidates.map((candidate) => ({
    candidate,
    result: scorePair(self, toPersonForMatching(candidate, candidate.names), {
      aCounterparts: counterpartsOf(person),
      bCounterparts: counterpartsOf(candidate),
    }),
  }));
}

/**
 * For reciprocity: the people on the other side of each request. An enquirer who did not agree to
 * be found is left out, so their names never make anyone else's match.
 */
async function counterparts(manager: EntityManager, requestIds: string[]): Promise<(person: PersonRecord) => PersonForMatching[]> {
  const ids = [...new Set(requestIds)];
  const everyone = await manager.find(PersonRecord, { where: { requestId: In(ids) }, relations: { names: true } });
  const hidden = new Set(
    (await manager.find(IntakeConsent, { where: { requestId: In(ids), agreesToBeFound: false } })).map((c) => c.requestId),
  );
  return (person) =>
    everyone
      .filter((other) => other.requestId === person.requestId && other.role !== person.role)
      .filter((other) => !(other.role === 'enquirer' && hidden.has(other.requestId)))
      .map((other) => toPersonForMatching(other, other.names));
}
