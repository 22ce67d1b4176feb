import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { type CursorPosition, decodeCursor, encodeCursor, type Page } from '../common/pagination/cursor.js';
import { mayMatchAcrossSql } from '../sharing-agreements/active-agreements.js';
import type { LatestConsent } from './disclosure-policy.js';
import type { FindListItemDto, FindListQuery } from './dto/find-list.dto.js';
import { findState } from './find-state.js';
import type { RecordedCheck } from './identity-check-rule.js';

interface FindRow {
  candidateId: string;
  isFoundSide: boolean;
  ownRequestId: string;
  ownReference: string;
  safeguarding: boolean;
  confirmedAt: Date | null;
  checks: RecordedCheck[];
  consent: (LatestConsent & { recordedAt: string; overrides: number }) | null;
  createdAtExact: string;
}

/**
 * Confirmed finds (the sought person of one request is the enquirer of another) a caseworker takes
 * part in, newest first:
 * - on the found person's side, those whose consent they may record (their organisation's request,
 *   assigned to them or to nobody – the rule of ConsentsService), in every state;
 * - on the enquirer's side, those of a request assigned to them, and only while a disclosure is
 *   released: before the found person's consent the enquirer's side hears nothing, not from a list either.
 * A pair across two organisations shows only while their sharing agreement lives.
 */
const FINDS_SQL = `
  SELECT c.id AS "candidateId", side.is_found AS "isFoundSide",
         CASE WHEN side.is_found THEN rf.id ELSE rs.id END AS "ownRequestId",
         CASE WHEN side.is_found THEN rf.reference ELSE rs.reference END AS "ownReference",
         cardinality(rf.safeguarding_flags) + cardinality(rs.safeguarding_flags) > 0 AS safeguarding,
         (SELECT max(d.decided_at) FROM review_decision d WHERE d.candidate_id = c.id AND d.decision = 'confirm') AS "confirmedAt",
         (SELECT coalesce(json_agg(json_build_object('reviewerId', ic.reviewer_id, 'outcome', ic.outcome)), '[]')
          FROM identity_check ic WHERE ic.candidate_id = c.id) AS checks,
         (SELECT json_build_object('decision', fc.decision, 'scopes', fc.scopes, 'validUntil', fc.valid_until::text,
                                   'withdrawn', fc.withdrawn_at IS NOT NULL, 'recordedAt', fc.recorded_at,
                                   'overrides', (SELECT count(DISTINCT o.user_id) FROM disclosure_override o WHERE o.consent_id = fc.id))
          FROM found_person_consent fc WHERE fc.candidate_id = c.id ORDER BY fc.recorded_at DESC, fc.id DESC LIMIT 1) AS consent,
         to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtExact"
  FROM candidate_match c
  JOIN person_record s ON s.id IN (c.person_a_id, c.person_b_id) AND s.role = 'sought'
  JOIN tracing_request rs ON rs.id = s.request_id
  JOIN person_record f ON f.id IN (c.person_a_id, c.person_b_id) AND f.id <> s.id AND f.role = 'enquirer'
  JOIN tracing_request rf ON rf.id = f.request_id
  CROSS JOIN LATERAL (SELECT f.organisation_id = $1 AND (rf.caseworker_id IS NULL OR rf.caseworker_id = $2) AS is_found) side
  WHERE (c.organisation_id = $1 OR c.other_organisation_id = $1) AND c.review_status = 'confirmed'
    AND (side.is_found OR (s.organisation_id = $1 AND rs.caseworker_id = $2))
    AND ${mayMatchAcrossSql('f.organisation_id', 's.organisation_id')}
    AND ($3::timestamptz IS NULL OR c.created_at >= $3)
    AND ($4::timestamptz IS NULL OR c.created_at < $4)
    AND ($5::timestamptz IS NULL OR (c.created_at, c.id) < ($5, $6::uuid))
  ORDER BY c.created_at DESC, c.id DESC
  LIMIT $7`;

/** Rows read per round: the state is derived in code (from the workflow's own rules), so a filter may skip rows. */
const BATCH = 200;

@Injectable()
export class FindListReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: FindListQuery): Promise<Page<FindListItemDto>> {
    const limit = query.limit ?? 25;
    const today = new Date().toISOString().slice(0, 10);
    const found: { item: FindListItemDto; position: CursorPosition }[] = [];
    let position = query.cursor ? decodeCursor(query.cursor) : null;
    for (;;) {
      const rows: FindRow[] = await this.dataSource.query(FINDS_SQL, [
        user.organisationId,
        user.id,
        query.createdFrom ?? null,
        query.createdTo ?? null,
        position?.createdAt ?? null,
        position?.id ?? null,
        BATCH,
      ]);
      for (const row of rows) {
        position = { createdAt: row.createdAtExact, id: row.candidateId };
        const item = toItem(row, today);
        if (item && (query.state === undefined || item.state === query.state)) found.push({ item, position });
        if (found.length > limit) break;
      }
      if (found.length > limit || rows.length < BATCH) break;
    }
    await this.audit.record({ actor: user, action: 'finds.listed' });
    const page = found.slice(0, limit);
    return {
      items: page.map((entry) => entry.item),
      nextCursor: found.length > limit ? encodeCursor(page[page.length - 1].position) : null,
    };
  }
}

function toItem(row: FindRow, today: string): FindListItemDto | null {
  const state = findState({
    checks: row.checks,
    consent: row.consent ?? undefined,
    context: { safeguarding: row.safeguarding, overrides: row.consent?.overrides ?? 0, today },
  });
  if (!row.isFoundSide && state !== 'released') return null;
  return {
    candidateId: row.candidateId,
    side: row.isFoundSide ? 'found_person' : 'enquirer',
    state,
    requestId: row.ownRequestId,
    reference: row.ownReference,
    safeguarding: row.safeguarding,
    confirmedAt: row.confirmedAt?.toISOString(),
    consentRecordedAt: row.consent ? new Date(row.consent.recordedAt).toISOString() : undefined,
  };
}
