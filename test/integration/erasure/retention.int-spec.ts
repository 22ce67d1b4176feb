/**
 * Retention per organisation: ended requests and rejected candidates past their periods go, by the
 * worker's scheduled job; an admin sees a dry run first; every run is recorded and audited. Time is
 * simulated by moving the rows' dates back.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { RETENTION_QUEUE, RETENTION_SCHEDULER_ID } from '../../../src/queue/retention-jobs.js';
import { RetentionRunner } from '../../../src/retention/retention-runner.js';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeUniqueRequestBody } from '../../support/request-bodies.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { startStack, type TestStack } from '../../support/stack.js';

describe('retention', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let admin: Session;

  beforeAll(async () => {
    stack = await startStack();
    ({ api, worker, db } = stack);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    admin = await loginAs(api, org.users.admin);
  });

  afterAll(() => stack.stop());

  const exists = async (table: string, id: string) => (await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;

  it('reports in a dry run, then erases ended requests and deletes rejected candidates past their periods', async () => {
    await officer.put('/v1/retention-policy', { closedRequestMonths: 6 }).expect(403);
    const before = await countDomainRows(db);
    await admin.put('/v1/retention-policy', { closedRequestMonths: 0 }).expect(400);
    await admin.put('/v1/retention-policy', { closedRequestMonths: 'six' }).expect(400);
    expect(await countDomainRows(db)).toEqual(before);
    expect((await admin.put('/v1/retention-policy', { closedRequestMonths: 6, rejectedCandidateMonths: 3 }).expect(200)).body).toEqual({
      closedRequestMonths: 6,
      rejectedCandidateMonths: 3,
    });

    // An old withdrawn request, a recently closed one, an open one.
    const old = (await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    await officer.post(`/v1/tracing-requests/${old.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    await db.query(`UPDATE tracing_request SET coarse_status_since = current_date - interval '7 months' WHERE id = $1`, [old.id]);
    const recent = (await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    await officer.post(`/v1/tracing-requests/${recent.id}/close`, { outcome: 'no_match', reasonCode: 'search_exhausted' }).expect(200);
    const open = (await officer.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    await db.query(`UPDATE tracing_request SET coarse_status_since = current_date - interval '3 years' WHERE id = $1`, [open.id]);
    // A candidate rejected four months ago.
    const { a, b, found } = await reviewFlow(db, officer).reciprocalPair();
    await decide(await loginAs(api, org.users.reviewer), found.id, {
      decision: 'reject',
      reasonCode: 'different_person',
      note: 'old note',
    });
    await db.query(`UPDATE candidate_match SET updated_at = now() - interval '4 months' WHERE id = $1`, [found.id]);

    const dry = (await admin.post('/v1/retention-policy/dry-run').expect(200)).body;
    expect(dry.dryRun).toBe(true);
    expect(dry.requests.map((r: { id: string }) => r.id)).toEqual([old.id]);
    expect(dry.rejectedCandidates).toBe(1);
    expect(await exists('tracing_request', old.id)).toBe(true);
    expect(await exists('candidate_match', found.id)).toBe(true);

    // What the worker's scheduled job runs.
    await worker.get(RetentionRunner).runAll();
    expect(await exists('tracing_request', old.id)).toBe(false);
    expect(await exists('candidate_match', found.id)).toBe(false);
    expect(await db.query(`SELECT 1 FROM review_decision WHERE candidate_id = $1`, [found.id])).toEqual([]);
    for (const kept of [recent.id, open.id]) expect(await exists('tracing_request', kept)).toBe(true);
    const [tombstone] = await db.query(`SELECT reason_code, request_reference FROM erasure_tombstone WHERE entity_id = $1`, [old.id]);
    expect(tombstone).toEqual({ reason_code: 'retention_period_ended', request_reference: old.reference });
    // The pair's binding (ids and versions only) stays, so the pair is not proposed again.
    const pair = [a.soughtPeople[0].id, b.enquirer.id].sort();
    expect(await db.query(`SELECT outcome FROM pair_decision WHERE person_a_id = $1 AND person_b_id = $2`, pair)).toEqual([
      { outcome: 'rejected' },
    ]);

    const runs = await db.query(
      `SELECT dry_run, requests_erased, candidates_deleted FROM retention_run WHERE organisation_id = $1 ORDER BY ran_at`,
      [org.id],
    );
    expect(runs).toEqual([
      { dry_run: true, requests_erased: 0, candidates_deleted: 0 },
      { dry_run: false, requests_erased: 1, candidates_deleted: 1 },
    ]);
    const audited = await db.query(`SELECT action FROM audit_event WHERE organisation_id = $1 AND action LIKE 'retention%' ORDER BY id`, [
      org.id,
    ]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'retention_policy.updated',
      'retention.dry_run',
      'retention.applied',
    ]);
  });

  it('keeps one schedule in Redis for every worker', async () => {
    const queue = worker.get<Queue>(getQueueToken(RETENTION_QUEUE));
    const scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
    expect(scheduler?.every).toBeGreaterThan(0);
  });
});
