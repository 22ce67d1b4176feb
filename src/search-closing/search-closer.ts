import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Environment } from '../config/environment.js';
import { withdrawFromMatching } from '../matching/name-keys.js';
import { notifyEnquirerStatus } from '../notifications/status-notifications.js';
import { counterpartsInReview, settleCounterparts } from '../review/settle.js';
import type { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { NOT_PAST_SEARCHING } from '../tracing-requests/request-lifecycle.js';
import { changeLifecycle } from '../tracing-requests/status-recorder.js';

const CHUNK = 200;

type Closable = Pick<TracingRequest, 'id' | 'organisationId' | 'lifecycle' | 'status' | 'version'>;

/** Open requests whose search began SEARCH_PERIOD_DAYS or more days ago (intake or last reopening). */
const PERIOD_OVER = `r.lifecycle = 'open' AND r.search_started_on <= (now() AT TIME ZONE 'UTC')::date - $1::int`;

/** … none of whose sought people is past searching. */
const EXPIRED = `
  ${PERIOD_OVER}
  AND NOT EXISTS (
    SELECT 1 FROM person_record p WHERE p.request_id = r.id AND p.role = 'sought' AND p.status <> ALL ($2::text[]))`;

/**
 * Ends searches whose period has run out, in two steps, for the enquirer and then for staff:
 * 1. every open request without news is told "ended" on the day its period runs out, whatever its
 *    sought people's state: one with a candidate in review or awaiting consent reads exactly like
 *    one that never had a candidate (decision 0018); staff go on working it;
 * 2. requests none of whose sought people is past searching close as `closed_no_match`. A found
 *    person who refused is back at `searching`, so their request closes by this same rule; the
 *    enquirer heard "ended" at the period's end already, and a late closure changes nothing for them.
 *
 * Safe to run twice at once (two workers, a redelivered job): each chunk locks its requests with
 * SKIP LOCKED and checks them again under the lock before closing; a closed request no longer matches.
 */
@Injectable()
export class SearchCloser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  /** Returns how many requests were closed. */
  async closeExpired(): Promise<number> {
    await this.endPeriodsForEnquirers();
    let total = 0;
    for (;;) {
      const { locked, closed, counterparts } = await this.dataSource.transaction((manager) => this.closeChunk(manager));
      // Sought people of other requests whose only candidates were with a closed one search again.
      await settleCounterparts(this.dataSource, counterparts, null);
      total += closed;
      // Nothing left, or everything locked turned out busy: the next run takes what remains.
      if (locked === 0 || closed === 0) return total;
    }
  }

  /** Step 1; returns how many requests the enquirer now hears as "ended". */
  async endPeriodsForEnquirers(): Promise<number> {
    let total = 0;
    for (;;) {
      const ended = await this.dataSource.transaction(async (manager) => {
        // Busy requests (SKIP LOCKED) wait for the next run; an ended one no longer matches.
        const [rows]: [{ id: string; organisationId: string }[], number] = await manager.query(
          `UPDATE tracing_request SET enquirer_status = 'ended', enquirer_status_since = (now() AT TIME ZONE 'UTC')::date
            WHERE id IN (SELECT r.id FROM tracing_request r WHERE ${PERIOD_OVER} AND r.enquirer_status = 'searching'
                          ORDER BY r.search_started_on, r.id LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED)
              AND enquirer_status = 'searching'
           RETURNING id, organisation_id AS "organisationId"`,
          [this.env.SEARCH_PERIOD_DAYS],
        );
        for (const request of rows) {
          await notifyEnquirerStatus(manager, { organisationId: request.organisationId, requestId: request.id, status: 'ended' });
          await this.audit.record(
            {
              actor: null,
              organisationId: request.organisationId,
              action: 'tracing_request.search_period_ended',
              entityType: 'tracing_request',
              entityId: request.id,
              reasonCode: 'search_period_ended',
            },
            manager,
          );
        }
        return rows.length;
      });
      total += ended;
      if (ended < CHUNK) return total;
    }
  }

  private async closeChunk(manager: EntityManager): Promise<{ locked: number; closed: number; counterparts: string[] }> {
    const params = [this.env.SEARCH_PERIOD_DAYS, NOT_PAST_SEARCHING];
    const locked: { id: string }[] = await manager.query(
      `SELECT r.id FROM tracing_request r WHERE ${EXPIRED} ORDER BY r.search_started_on, r.id LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED`,
      params,
    );
    if (locked.length === 0) return { locked: 0, closed: 0, counterparts: [] };
    // Checked again in a statement of its own: writers move a sought person only while holding the
    // request's lock, which is now ours, so what this sees holds until the commit.
    const closable: Closable[] = await manager.query(
      `SELECT r.id, r.organisation_id AS "organisationId", r.lifecycle, r.status, r.version
         FROM tracing_request r WHERE r.id = ANY ($3::uuid[]) AND ${EXPIRED}`,
      [...params, locked.map((row) => row.id)],
    );
    const counterparts: string[] = [];
    for (const request of closable) {
      const reasonCode = 'search_period_ended';
      counterparts.push(...(await counterpartsInReview(manager, request.id)));
      await changeLifecycle(manager, request, 'closed_no_match', { reasonCode, by: null });
      // A closed search leaves matching, as an officer's closure does: its keys go, its open candidates are withdrawn.
      await withdrawFromMatching(manager, request.id);
      await this.audit.record(
        {
          actor: null,
          organisationId: request.organisationId,
          action: 'tracing_request.closed_no_match',
          entityType: 'tracing_request',
          entityId: request.id,
          reasonCode,
        },
        manager,
      );
    }
    return { locked: locked.length, closed: closable.length, counterparts };
  }
}
