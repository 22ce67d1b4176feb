import type { Fault } from './fault-plan.js';

export interface FaultSummary {
  faults: {
    workerKills: number;
    /** kills where the worker's jobs_in_progress gauge read at least 1 just before the SIGKILL */
    workerKillsWithJobInHand: number;
    redisRestarts: number;
    redisRestartsWithDataRemoved: number;
    postgresRestarts: number;
  };
  requests: {
    /** tracing requests created (201) */
    accepted: number;
    /** edits accepted (200), each a new version of a person record */
    editsAccepted: number;
    /** answers by method and status, including refusals while a server was down */
    answers: Record<string, number>;
    /** accepted requests or person versions missing from Postgres */
    lost: number;
  };
  matching: {
    /** records of open requests whose current version has no finished match run, at the end */
    unmatched: number;
    candidatePairs: number;
    duplicatedPairs: number;
    duplicatedRuns: number;
  };
  recovery: {
    /** per restart: seconds from the server's start to the API's /ready answering 200 again */
    readySeconds: { redis: number[]; postgres: number[] };
    /** seconds from the end of the last fault until every record's current version was matched */
    allMatchedSeconds: number | null;
  };
  durationSeconds: number;
}

export function countFaults(done: readonly { fault: Fault; withJobInHand?: boolean }[]): FaultSummary['faults'] {
  const of = (kind: Fault['kind']) => done.filter((d) => d.fault.kind === kind);
  return {
    workerKills: of('worker-kill').length,
    workerKillsWithJobInHand: of('worker-kill').filter((d) => d.withJobInHand).length,
    redisRestarts: of('redis-restart').length,
    redisRestartsWithDataRemoved: of('redis-restart').filter((d) => d.fault.kind === 'redis-restart' && d.fault.removeData).length,
    postgresRestarts: of('postgres-restart').length,
  };
}

/** Reasons the run fails: lost accepted work, a record never matched, a pair or run stored twice. */
export function failures(summary: FaultSummary): string[] {
  const reasons: string[] = [];
  if (summary.requests.lost > 0) reasons.push(`${summary.requests.lost} accepted requests or edits lost`);
  if (summary.matching.unmatched > 0) reasons.push(`${summary.matching.unmatched} record versions never matched`);
  if (summary.matching.duplicatedPairs > 0) reasons.push(`${summary.matching.duplicatedPairs} candidate pairs stored more than once`);
  if (summary.matching.duplicatedRuns > 0) reasons.push(`${summary.matching.duplicatedRuns} match runs stored more than once`);
  return reasons;
}

const seconds = (values: number[]) =>
  values.length === 0 ? 'none' : `median ${median(values).toFixed(1)} s, max ${Math.max(...values).toFixed(1)} s`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatSummary(summary: FaultSummary): string {
  const { faults, requests, matching, recovery } = summary;
  const answers = Object.entries(requests.answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key}: ${n}`)
    .join(', ');
  const reasons = failures(summary);
  return [
    `faults injected: ${faults.workerKills} worker kills (${faults.workerKillsWithJobInHand} with a match job in hand), ` +
      `${faults.redisRestarts} Redis restarts (${faults.redisRestartsWithDataRemoved} with its data removed), ` +
      `${faults.postgresRestarts} PostgreSQL restarts`,
    `requests accepted: ${requests.accepted} created, ${requests.editsAccepted} edits; lost: ${requests.lost}`,
    `answers: ${answers}`,
    `matching: ${matching.unmatched} record versions unmatched, ${matching.candidatePairs} candidate pairs, ` +
      `${matching.duplicatedPairs} duplicated pairs, ${matching.duplicatedRuns} duplicated match runs`,
    `time to recover: API ready after a Redis restart ${seconds(recovery.readySeconds.redis)}; ` +
      `after a PostgreSQL restart ${seconds(recovery.readySeconds.postgres)}; every record matched ` +
      (recovery.allMatchedSeconds === null
        ? 'NOT within the time allowed'
        : `${recovery.allMatchedSeconds.toFixed(1)} s after the last fault`),
    `run took ${summary.durationSeconds.toFixed(0)} s`,
    reasons.length === 0 ? 'PASS: nothing accepted was lost or duplicated' : `FAIL: ${reasons.join('; ')}`,
  ].join('\n');
}
