/**
 * From the HTTP response to a new tracing request to the commit of its true match's candidate row:
 * the API's transaction and outbox row, the relay to BullMQ, a worker taking the job, matching and
 * committing. Requests go one at a time (an idle system); the candidate row is watched by polling
 * every 2 ms from another connection, so a figure is late by about 1 ms plus one query on average.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { hashPassword } from '../../auth/password-hashing.js';
import { MATCHER_VERSION } from '../../matching/engine/person-for-matching.js';
import type { QueryRecord } from './generate-people.js';
import type { LoadedDataset } from './load-dataset.js';
import { say } from './progress.js';
import { requestBody } from './request-body.js';

const POLL_MS = 2;
const TIMEOUT_MS = 30_000;

/** Gives the benchmark's officer a fresh password and logs in through the API; returns the bearer token. */
export async function logInAsOfficer(pool: pg.Pool, apiUrl: string, dataset: LoadedDataset): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await pool.query(`UPDATE app_user SET password_hash = $1 WHERE id = $2`, [await hashPassword(password), dataset.queryOfficerId]);
  const response = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: dataset.queryOfficerEmail, password }),
  });
  if (response.status !== 200) throw new Error(`login failed with HTTP ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function measureQueueE2e(options: {
  pool: pg.Pool;
  apiUrl: string;
  token: string;
  queries: readonly QueryRecord[];
}): Promise<{ times: number[]; timedOut: number }> {
  const times: number[] = [];
  let timedOut = 0;
  for (const [index, query] of options.queries.entries()) {
    const response = await fetch(`${options.apiUrl}/v1/tracing-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(requestBody(query.request)),
    });
    const answered = performance.now();
    if (response.status !== 201) throw new Error(`POST /v1/tracing-requests answered HTTP ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { soughtPeople: Array<{ id: string }> };
    const personId = body.soughtPeople[0].id;
    let seen: number | undefined;
    while (performance.now() - answered < TIMEOUT_MS) {
      const { rowCount } = await options.pool.query(
        `SELECT 1 FROM candidate_match
         WHERE matcher_version = $3
           AND ((person_a_id = $1 AND person_b_id = ANY($2::uuid[])) OR (person_b_id = $1 AND person_a_id = ANY($2::uuid[])))`,
        [personId, query.trueMatchIds, MATCHER_VERSION],
      );
      if (rowCount) {
        seen = performance.now();
        break;
      }
      await sleep(POLL_MS);
    }
    if (seen === undefined) timedOut += 1;
    else times.push(seen - answered);
    if ((index + 1) % 10 === 0) say(`queue end-to-end: ${index + 1}/${options.queries.length} requests`);
    await sleep(50);
  }
  return { times, timedOut };
}
