/** Turns the latencies and statuses the run recorded into the figures it prints. Pure: no I/O. */
import { quantile, round } from '../support/stats.js';
import { REQUEST_KINDS, type RequestKind } from './traffic-mix.js';

export interface Answer {
  kind: RequestKind;
  status: number;
  /** from writing the request to the end of the response, ms */
  ms: number;
}

export interface KindFigures {
  requests: number;
  /** answers per second over the whole measured run */
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** answers that were not 2xx, by status code */
  errorsByStatus: Record<string, number>;
}

export interface LatencySummary {
  durationS: number;
  overall: KindFigures;
  byKind: Partial<Record<RequestKind, KindFigures>>;
  /** requests that got no answer at all: connection errors and timeouts, as autocannon counts them */
  noAnswer: { errors: number; timeouts: number };
}

function figures(answers: readonly Answer[], durationS: number): KindFigures {
  const times = answers.map((a) => a.ms);
  const errorsByStatus: Record<string, number> = {};
  for (const { status } of answers) {
    if (status < 200 || status > 299) errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
  }
  const ms = (q: number) => (times.length === 0 ? 0 : round(quantile(times, q), 1));
  return {
    requests: answers.length,
    perSecond: durationS > 0 ? round(answers.length / durationS, 1) : 0,
    p50Ms: ms(0.5),
    p95Ms: ms(0.95),
    p99Ms: ms(0.99),
    maxMs: ms(1),
    errorsByStatus,
  };
}

/** Percentiles by the nearest rank, per kind (kinds that sent nothing are left out) and overall. */
export function summariseAnswers(
  answers: readonly Answer[],
  durationS: number,
  noAnswer: LatencySummary['noAnswer'] = { errors: 0, timeouts: 0 },
): LatencySummary {
  const byKind: Partial<Record<RequestKind, KindFigures>> = {};
  for (const kind of REQUEST_KINDS) {
    const ofKind = answers.filter((a) => a.kind === kind);
    if (ofKind.length > 0) byKind[kind] = figures(ofKind, durationS);
  }
  return { durationS: round(durationS, 1), overall: figures(answers, durationS), byKind, noAnswer };
}
