/**
 * The officer's side of the run: submits new tracing requests and edits of accepted ones through
 * HTTP at a steady pace, whatever is failing, and keeps the ledger of what the API accepted. A
 * refused or unanswered call is counted, never retried with the same body: it was not accepted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AcceptedWork, type RequestAnswer } from './accepted-work.js';
import { createBody, editBody, randomPick } from './traffic-bodies.js';

/** Calls in flight at most; a tick that finds this many waiting is skipped (and counted). */
const MAX_IN_FLIGHT = 16;
const CALL_TIMEOUT_MS = 15_000;
/** Share of calls that edit an accepted request instead of creating one. */
const EDIT_SHARE = 0.3;

export interface TrafficCounts {
  /** answers by HTTP status; 'no answer' for a refused connection or a timeout */
  answers: Record<string, number>;
  skippedTicks: number;
}

export interface Traffic {
  work: AcceptedWork;
  counts: TrafficCounts;
  /** Stops submitting and waits for the calls in flight. */
  stop(): Promise<void>;
}

export function startTraffic(options: { apiUrl: string; email: string; password: string; ratePerSecond: number }): Traffic {
  const work = new AcceptedWork();
  const counts: TrafficCounts = { answers: {}, skippedTicks: 0 };
  const pick = randomPick();
  const inFlight = new Set<Promise<void>>();
  let token: string | undefined;
  let stopping = false;

  const tally = (key: string) => (counts.answers[key] = (counts.answers[key] ?? 0) + 1);

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown } | null> => {
    token ??= await logIn(options, tally);
    if (!token) return null;
    try {
      const response = await fetch(`${options.apiUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      const json = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
      tally(`${method} ${response.status}`);
      if (response.status === 401) token = undefined;
      return { status: response.status, json };
    } catch {
      tally(`${method} no answer`);
      token = undefined;
      return null;
    }
  };

  const operate = async () => {
    const accepted = [...work.requests.keys()];
    if (accepted.length > 0 && Math.random() < EDIT_SHARE) {
      const id = pick(accepted);
      const request = work.requests.get(id)!;
      const sought = [...request.persons.keys()][1];
      const answer = await call('PATCH', `/v1/tracing-requests/${id}`, editBody(pick, request.version, sought));
      if (answer?.status === 200) work.edited(answer.json as RequestAnswer);
      if (answer?.status === 409) {
        const current = await call('GET', `/v1/tracing-requests/${id}`);
        if (current?.status === 200) work.refreshed(current.json as RequestAnswer);
      }
      return;
    }
    const answer = await call('POST', '/v1/tracing-requests', createBody(pick));
    if (answer?.status === 201) work.created(answer.json as RequestAnswer);
  };

  const loop = (async () => {
    const interval = 1000 / options.ratePerSecond;
    let next = performance.now();
    while (!stopping) {
      if (inFlight.size >= MAX_IN_FLIGHT) counts.skippedTicks += 1;
      else {
        const operation: Promise<void> = operate().finally(() => inFlight.delete(operation));
        inFlight.add(operation);
      }
      next += interval;
      await sleep(Math.max(0, next - performance.now()));
    }
  })();

  return {
    work,
    counts,
    stop: async () => {
      stopping = true;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

/** A bearer token, or undefined when the login was refused or not answered (counted as such). */
async function logIn(
  options: { apiUrl: string; email: string; password: string },
  tally: (key: string) => void,
): Promise<string | undefined> {
  try {
    const response = await fetch(`${options.apiUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: options.email, password: options.password }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    tally(`login ${response.status}`);
    if (response.status !== 200) return undefined;
    return ((await response.json()) as { accessToken: string }).accessToken;
  } catch {
    tally('login no answer');
    return undefined;
  }
}
