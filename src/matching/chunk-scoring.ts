import type { EntityManager } from 'typeorm';
import type { FieldVault } from '../key-store/field-vault.js';
import { findCandidates } from './candidate-blocking.js';
import type { HotKeyMemo } from './hot-key-memo.js';
import { comparableCandidates, counterparts, preparedOnce, type ScoredCandidate } from './candidate-scoring.js';
import { completeScore, reciprocityCanReach, scoreFields, type FieldScore } from './engine/score-pair.js';
import type { MatchSubject } from './match-subject.js';
import { loadPeople, type MatchingView } from './matching-views.js';

export interface ChunkScoringSettings {
  limit: number;
  hotKeyRows: number;
  hotKeys?: HotKeyMemo;
  /** the storage floor: reciprocity is looked at only where it could lift a pair to it */
  reciprocityFloor: number;
}

interface Pair {
  first: MatchingView;
  second: MatchingView;
  fields: FieldScore;
}

/** One key for an unordered pair of records. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * blockAndScore for a chunk of records at once (a bulk re-score): the same candidates and the same
 * scores as one job per record, with the work shared. Blocking is still one statement per record,
 * but every candidate of the chunk is read, and its profile opened and prepared, once – in one
 * statement and one read of the key store – however many of the chunk's records blocked it; a
 * pair of two records of the chunk that block each other is scored once for both; and the
 * candidates' requests are read for reciprocity in one statement for the whole chunk. The records
 * must have current keys. Returns each record's scored candidates by record id; a record erased
 * since it was read is left out.
 */
export async function blockAndScoreChunk(
  manager: EntityManager,
  vault: FieldVault,
  subjects: readonly MatchSubject[],
  settings: ChunkScoringSettings,
): Promise<Map<string, ScoredCandidate[]>> {
  const blocked = new Map<string, string[]>();
  for (const subject of subjects) {
    const found = await findCandidates(manager, {
      personId: subject.id,
      requestId: subject.requestId,
      organisationIds: subject.organisationIds,
      keys: subject.keys,
      limit: settings.limit,
      hotKeyRows: settings.hotKeyRows,
      hotKeys: settings.hotKeys,
    });
    blocked.set(
      subject.id,
      found.map((candidate) => candidate.personId),
    );
  }
  const ownRequests = new Set(subjects.map((subject) => subject.requestId));
  const loaded = await loadPeople(manager, vault, [...new Set([...blocked.values()].flat())], [...ownRequests]);
  const viewById = new Map(loaded.map((view) => [view.id, view]));
  const byRequest = new Map<string, MatchingView[]>();
  for (const view of loaded) {
    const members = byRequest.get(view.requestId) ?? [];
    members.push(view);
    byRequest.set(view.requestId, members);
  }
  const prepare = preparedOnce();

  const pairs = new Map<string, Pair>();
  const chosen = new Map<string, { candidate: MatchingView; key: string }[]>();
  for (const subject of subjects) {
    const self = viewById.get(subject.id);
    if (!self) continue;
    const ownRequest = byRequest.get(subject.requestId) ?? [];
    const candidates = (blocked.get(subject.id) ?? []).flatMap((id) => viewById.get(id) ?? []);
    const picked = comparableCandidates(self, ownRequest, candidates).map((candidate) => {
      const key = pairKey(subject.id, candidate.id);
      if (!pairs.has(key)) pairs.set(key, { first: self, second: candidate, fields: scoreFields(prepare(self), prepare(candidate)) });
      return { candidate, key };
    });
    chosen.set(subject.id, picked);
  }

  // Reciprocity: the requests of pairs it could lift to the floor, those not read yet, in one statement.
  const within = [...pairs.values()].filter((pair) => reciprocityCanReach(pair.fields, settings.reciprocityFloor));
  const fullyRead = new Set(ownRequests);
  const otherRequests = [...new Set(within.flatMap((pair) => [pair.first.requestId, pair.second.requestId]))].filter(
    (id) => !fullyRead.has(id),
  );
  const more = await loadPeople(manager, vault, [], otherRequests, new Set(viewById.keys()));
  const counterpartsOf = counterparts([...loaded, ...more], prepare);

  const results = new Map<string, ScoredCandidate['result']>();
  for (const [key, pair] of pairs) {
    results.set(
      key,
      completeScore(pair.fields, {
        aCounterparts: () => counterpartsOf(pair.first),
        bCounterparts: () => counterpartsOf(pair.second),
        reciprocityFloor: settings.reciprocityFloor,
      }),
    );
  }
  return new Map(
    [...chosen].map(([subjectId, picked]) => [
      subjectId,
      picked.map(({ candidate, key }) => ({ candidate, result: results.get(key) as ScoredCandidate['result'] })),
    ]),
  );
}
