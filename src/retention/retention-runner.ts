import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { type ErasedIds, erasedSubjects, eraseRows } from '../erasure/erase-rows.js';
import { ErasureJobs } from '../erasure/erasure-jobs.js';
import { KeyStore } from '../key-store/key-store.js';
import { counterpartsInReview, settleCounterparts } from '../review/settle.js';

const CHUNK = 100;

/** What one run did, or would do. */
export interface RetentionReport {
  runId: string;
  dryRun: boolean;
  requests: { id: string; reference: string; endedOn: string }[];
  rejectedCandidates: number;
}

interface Policy {
  organisationId: string;
  closedRequestMonths: number | null;
  rejectedCandidateMonths: number | null;
}

/** Requests that ended (closed, closed without a match, withdrawn) at least N months ago; the day they ended is the coarse status's day. */
const DUE_REQUESTS = `
  SELECT id, reference, coarse_status_since::text AS "endedOn" FROM tracing_request
  WHERE organisation_id = $1 AND lifecycle <> 'open' AND $2::int IS NOT NULL
    AND coarse_status_since <= (now() AT TIME ZONE 'UTC')::date - make_interval(months => $2::int)`;

const DUE_CANDIDATES = `
  FROM candidate_match WHERE organisation_id = $1 AND review_status = 'rejected' AND $2::int IS NOT NULL
    AND updated_at <= now() - make_interval(months => $2::int)`;

/**
 * Applies an organisation's retention policy: ended requests past their period are erased as an
 * admin's erasure would (tombstone, queues, workers' memos), rejected candidates past theirs are
 * deleted with their decisions and notes (the pair's binding stays: ids and versions only, so the
 * pair is not proposed again). A dry run reports the same without touching anything. Every run is
 * recorded with its counts and audited.
 */
@Injectable()
export class RetentionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: ErasureJobs,
    private readonly keys: KeyStore,
  ) {}

  async runAll(): Promise<number> {
    const policies: Policy[] = await this.dataSource.query(
      `SELECT organisation_id AS "organisationId", closed_request_months AS "closedRequestMonths",
              rejected_candidate_months AS "rejectedCandidateMonths" FROM retention_policy`,
    );
    let erased = 0;
    for (const policy of policies) erased += (await this.run(policy, { dryRun: false, actor: null })).requests.length;
    return erased;
  }

  async run(policy: Policy, options: { dryRun: boolean; actor: AuthenticatedUser | null }): Promise<RetentionReport> {
    if (options.dryRun) {
      const requests = await this.dataSource.query(`${DUE_REQUESTS} ORDER BY coarse_status_since, id`, [
        policy.organisationId,
        policy.closedRequestMonths,
      ]);
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${DUE_CANDIDATES}`, [
        policy.organisationId,
        policy.rejectedCandidateMonths,
      ]);
      return this.record(policy, { dryRun: true, actor: options.actor, requests, rejectedCandidates: n });
    }
    const requests: RetentionReport['requests'] = [];
    for (;;) {
      const chunk = await this.eraseChunk(policy);
      requests.push(...chunk);
      if (chunk.length < CHUNK) break;
    }
    const deleted = await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(`DELETE ${DUE_CANDIDATES} RETURNING id`, [
        policy.organisationId,
        policy.rejectedCandidateMonths,
      ]);
      // Their decision notes were sealed with the pair's key: it goes with them.
      await this.keys.destroy(rows.map((row) => ({ id: row.id, type: 'candidate' as const })));
      return rows.length;
    });
    return this.record(policy, { dryRun: false, actor: options.actor, requests, rejectedCandidates: deleted });
  }

  private async eraseChunk(policy: Policy): Promise<RetentionReport['requests']> {
    const done: { request: RetentionReport['requests'][number]; erased: ErasedIds; counterparts: string[] }[] =
      await this.dataSource.transaction(async (manager) => {
        const due: RetentionReport['requests'] = await manager.query(
          `${DUE_REQUESTS} ORDER BY coarse_status_since, id LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED`,
          [policy.organisationId, policy.closedRequestMonths],
        );
        const results = [];
        for (const request of due) results.push({ request, ...(await this.eraseRequest(manager, policy.organisationId, request)) });
        return results;
      });
    for (const { erased, counterparts } of done) {
      await this.jobs.purge(erased);
      await settleCounterparts(this.dataSource, counterparts, null);
    }
    return done.map((d) => d.request);
  }

  private async eraseRequest(manager: EntityManager, organisationId: string, request: { id: string; reference: string }) {
    const people: { id: string }[] = await manager.query(`SELECT id FROM person_record WHERE request_id = $1`, [request.id]);
    const personIds = people.map((p) => p.id);
    const counterparts = (await counterpartsInReview(manager, request.id)).filter((id) => !personIds.includes(id));
    const erased = await eraseRows(manager, {
      organisationId,
      requestId: request.id,
      reference: request.reference,
      personIds,
      wholeRequest: true,
      reasonCode: 'retention_period_ended',
      by: null,
    });
    // As an admin's erasure does: the keys go before the rows commit (erasure.service.ts).
    await this.keys.destroy(erasedSubjects(erased));
    return { erased, counterparts };
  }

  private async record(
    policy: Policy,
    run: { dryRun: boolean; actor: AuthenticatedUser | null; requests: RetentionReport['requests']; rejectedCandidates: number },
  ): Promise<RetentionReport> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO retention_run (organisation_id, dry_run, requests_erased, candidates_deleted, requested_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          policy.organisationId,
          run.dryRun,
          run.dryRun ? 0 : run.requests.length,
          run.dryRun ? 0 : run.rejectedCandidates,
          run.actor?.id ?? null,
        ],
      );
      await this.audit.record(
        {
          actor: run.actor,
          organisationId: policy.organisationId,
          action: run.dryRun ? 'retention.dry_run' : 'retention.applied',
          entityType: 'retention_run',
          entityId: id,
        },
        manager,
      );
      return { runId: id, dryRun: run.dryRun, requests: run.requests, rejectedCandidates: run.rejectedCandidates };
    });
  }
}
