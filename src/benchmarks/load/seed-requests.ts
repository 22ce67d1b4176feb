/**
 * Before the measured run: reciprocal pairs through the API, then a wait until the workers have
 * matched them, so that reads, case statuses and the review queue have real rows to serve.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { Prng } from '../datasets/prng.js';
import { callApi } from './api-call.js';
import type { BenchAccounts } from './bench-accounts.js';
import { reciprocalPairBodies } from './load-bodies.js';

export interface SeedRows {
  requestIds: string[];
  references: string[];
  candidateIds: string[];
}

export async function seedRequests(options: {
  apiUrl: string;
  pool: pg.Pool;
  accounts: BenchAccounts;
  pairs: number;
  prng: Prng;
  timeoutMs?: number;
}): Promise<SeedRows> {
  const { apiUrl, accounts } = options;
  const requestIds: string[] = [];
  const references: string[] = [];
  for (let i = 0; i < options.pairs; i += 1) {
    for (const body of reciprocalPairBodies(options.prng, accounts.userIds.caseworker)) {
      const created = await callApi(apiUrl, 'POST', '/v1/tracing-requests', { token: accounts.tokens.officer, body, expect: 201 });
      requestIds.push(String(created.id));
      references.push(String(created.reference));
    }
  }
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  let candidateIds: string[] = [];
  while (Date.now() < deadline) {
    const page = await callApi(apiUrl, 'GET', '/v1/review/candidates?limit=100', { token: accounts.tokens.reviewer, expect: 200 });
    candidateIds = (page.items as { id: string }[]).map((item) => item.id);
    if (candidateIds.length >= options.pairs) break;
    await sleep(500);
  }
  if (candidateIds.length === 0) throw new Error('the workers matched none of the seeded pairs in time');
  return { requestIds, references, candidateIds };
}
