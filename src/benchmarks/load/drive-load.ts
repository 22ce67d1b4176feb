/**
 * The measured run: autocannon's connections each loop over one cycle of the traffic mix, with the
 * tokens of the role each kind needs. Latency per kind is autocannon's own figure for each answer;
 * the kind is known because autocannon calls the answered request's onResponse synchronously just
 * before it emits 'response' for it (lib/httpClient.js), so the last onResponse names the answer.
 */
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import type { Prng } from '../datasets/prng.js';
import type { BenchAccounts } from './bench-accounts.js';
import type { Answer } from './latency-summary.js';
import { loneRequestBody } from './load-bodies.js';
import type { SeedRows } from './seed-requests.js';
import { mixCycle, type RequestKind, type TrafficMix } from './traffic-mix.js';

export interface DriveOptions {
  apiUrl: string;
  accounts: BenchAccounts;
  seed: SeedRows;
  mix: TrafficMix;
  connections: number;
  amount: number;
  durationS: number;
  prng: Prng;
}

export interface DriveResult {
  answers: Answer[];
  durationS: number;
  errors: number;
  timeouts: number;
}

function requestOf(kind: RequestKind, options: DriveOptions): Omit<AutocannonRequest, 'onResponse'> {
  const { accounts, seed, prng } = options;
  const as = (role: keyof BenchAccounts['tokens']) => ({ authorization: `Bearer ${accounts.tokens[role]}` });
  const pick = (values: readonly string[]) => values[prng.int(values.length)];
  switch (kind) {
    case 'create':
      return {
        method: 'POST',
        headers: { ...as('officer'), 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(loneRequestBody(prng, accounts.userIds.caseworker)) }),
      };
    case 'read':
      return {
        method: 'GET',
        headers: as('officer'),
        setupRequest: (r) => ({ ...r, path: `/v1/tracing-requests/${pick(seed.requestIds)}` }),
      };
    case 'case-status':
      return {
        method: 'GET',
        headers: as('caseworker'),
        setupRequest: (r) => ({ ...r, path: `/v1/case-status/${pick(seed.references)}` }),
      };
    case 'review-queue':
      return { method: 'GET', headers: as('reviewer'), path: '/v1/review/candidates?limit=25' };
    case 'review-view':
      return {
        method: 'GET',
        headers: as('reviewer'),
        setupRequest: (r) => ({ ...r, path: `/v1/review/candidates/${pick(seed.candidateIds)}` }),
      };
  }
}

const PATHS: Record<RequestKind, string> = {
  create: '/v1/tracing-requests',
  read: '/v1/tracing-requests',
  'case-status': '/v1/case-status',
  'review-queue': '/v1/review/candidates',
  'review-view': '/v1/review/candidates',
};

export function driveLoad(options: DriveOptions, onStart: () => void = () => undefined): Promise<DriveResult> {
  const answers: Answer[] = [];
  let answered: RequestKind | undefined;
  const requests = mixCycle(options.mix).map((kind): AutocannonRequest => ({
    path: PATHS[kind],
    ...requestOf(kind, options),
    onResponse: () => (answered = kind),
  }));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // `amount` bounds the count; autocannon then ignores `duration`, so the time bound is ours.
    const instance = autocannon(
      { url: options.apiUrl, connections: options.connections, amount: options.amount, timeout: 30, requests },
      (error: Error | null, result: AutocannonResult) => {
        clearTimeout(timer);
        if (error) return reject(error);
        resolve({ answers, durationS: (performance.now() - started) / 1000, errors: result.errors, timeouts: result.timeouts });
      },
    );
    const timer = setTimeout(() => instance.stop(), options.durationS * 1000);
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (answered === undefined) throw new Error('an answer arrived without its request kind');
      answers.push({ kind: answered, status, ms });
      answered = undefined;
    });
    onStart();
  });
}
