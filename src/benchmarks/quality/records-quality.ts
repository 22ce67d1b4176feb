import type { DataSource } from 'typeorm';
import type { Environment } from '../../config/environment.js';
import { blockAndScore } from '../../matching/candidate-scoring.js';
import type { PairScore } from '../../matching/engine/score-pair.js';
import { storedBlockingKeys, toPersonForMatching } from '../../matching/name-keys.js';
import { PersonRecord } from '../../persons/entities/person-record.entity.js';
import { openPersonRecord } from '../../persons/sealed-person.js';
import { openBenchKeys, type BenchKeys } from '../support/bench-services.js';
import { quantile } from '../support/stats.js';
import { atThreshold, expectedCalibrationError, type ScoredLabel } from './classification-metrics.js';
import type { LabelledRecord } from './labelled-files.js';
import { loadRecords } from './load-records.js';

export interface RecordsFigures {
  records: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
  pairCompleteness: number;
  candidatesPerRecord: number;
  candidatesP99: number;
  ece: number;
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Every unordered pair of records that share a truth id. */
export function truePairsOf(records: readonly { id: string; truthId: string }[]): Set<string> {
  const groups = new Map<string, string[]>();
  for (const r of records) groups.set(r.truthId, [...(groups.get(r.truthId) ?? []), r.id]);
  const pairs = new Set<string>();
  for (const ids of groups.values())
    for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) pairs.add(pairKey(ids[i], ids[j]));
  return pairs;
}

export interface ScoredRecordPair extends ScoredLabel {
  result: PairScore;
}

export interface RecordCandidates {
  truePairs: Set<string>;
  /** one entry per unordered pair that blocking proposed from either side */
  candidates: Map<string, ScoredRecordPair>;
  /** how many candidates blocking returned for each record */
  candidateCounts: number[];
}

/**
 * Stores the records through the real schema, then runs blocking and scoring for each against all
 * the others as the match job does. A pair counts once, whichever side's blocking found it.
 */
export async function scoreRecordCandidates(
  db: DataSource,
  env: Environment,
  records: readonly LabelledRecord[],
  progress: (done: number) => void,
): Promise<RecordCandidates> {
  const keys = await openBenchKeys((db.options as { url: string }).url);
  try {
    return await scoreLoaded(db, env, keys, records, progress);
  } finally {
    await keys.close();
  }
}

async function scoreLoaded(
  db: DataSource,
  env: Environment,
  keys: BenchKeys,
  records: readonly LabelledRecord[],
  progress: (done: number) => void,
): Promise<RecordCandidates> {
  const { organisationId, loaded } = await loadRecords(db, keys, records);
  const idOf = new Map(loaded.map((l) => [l.personId, l.record.id]));
  const truePairs = truePairsOf(records);
  const candidates = new Map<string, ScoredRecordPair>();
  const candidateCounts: number[] = [];
  for (const [index, entry] of loaded.entries()) {
    const stored = await db.manager.findOneOrFail(PersonRecord, { where: { id: entry.personId }, relations: { names: true } });
    const person = await openPersonRecord(keys.vault, stored);
    const results = await blockAndScore(db.manager, keys.vault, {
      person,
      names: person.names,
      requestId: entry.requestId,
      organisationIds: [organisationId],
      keys: storedBlockingKeys(keys.index, toPersonForMatching(person, person.names)),
      limit: env.BLOCKING_CANDIDATE_LIMIT,
      hotKeyRows: env.BLOCKING_HOT_KEY_ROWS,
    });
    candidateCounts.push(results.length);
    for (const { candidate, result } of results) {
      const key = pairKey(entry.record.id, idOf.get(candidate.id) ?? candidate.id);
      candidates.set(key, { score: result.score, same: truePairs.has(key), result });
    }
    if ((index + 1) % 250 === 0) progress(index + 1);
  }
  return { truePairs, candidates, candidateCounts };
}

export function recordsFigures(
  records: number,
  { truePairs, candidates, candidateCounts }: RecordCandidates,
  threshold: number,
): RecordsFigures {
  const scored = [...candidates.values()];
  const blockedTrue = scored.filter((c) => c.same).length;
  return {
    records,
    truePairs: truePairs.size,
    ...atThreshold(scored, threshold, truePairs.size),
    pairCompleteness: truePairs.size === 0 ? 1 : blockedTrue / truePairs.size,
    candidatesPerRecord: candidateCounts.reduce((a, b) => a + b, 0) / Math.max(1, candidateCounts.length),
    candidatesP99: quantile(candidateCounts, 0.99),
    ece: expectedCalibrationError(scored),
  };
}

export async function recordsQuality(
  db: DataSource,
  env: Environment,
  records: readonly LabelledRecord[],
  progress: (done: number) => void,
): Promise<RecordsFigures> {
  return recordsFigures(records.length, await scoreRecordCandidates(db, env, records, progress), env.MATCH_REVIEW_THRESHOLD);
}
