import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Page } from '../common/pagination/cursor.js';
import type { ReviewQueueQuery } from './dto/review-queue.query.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';
import { mayMatchAcrossSql } from '../sharing-agreements/active-agreements.js';
import { OPEN_REVIEW_STATUSES } from './review-vocabulary.js';

/** A queue entry: what a reviewer needs to pick a candidate, no personal data. */
export interface QueueItem {
  id: string;
  band: string;
  score: number;
  roles: string;
  reviewStatus: string;
  version: number;
  createdAt: Date;
  claimed: 'by_you' | 'by_another' | null;
  claimExpiresAt: Date | null;
  safeguarding: boolean;
  references: string[];
}

interface QueueRow extends Omit<QueueItem, 'claimed'> {
  claimedBy: string | null;
  bandRank: number;
  createdAtExact: string;
}

/**
 * Open candidates of the reviewer's organisation (and those across a live sharing agreement)
 * whose two requests are still open: best band
 * first, then oldest, by keyset pagination. Filters are bound parameters, never spliced text.
 */
@Injectable()
export class ReviewQueueReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: ReviewQueueQuery): Promise<Page<QueueItem>> {
    const limit = query.limit ?? 25;
    const position = query.cursor ? decodeQueueCursor(query.cursor) : null;
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT c.id, c.band, c.score, c.roles, c.review_status AS "reviewStatus", c.version, c.created_at AS "createdAt",
              CASE WHEN c.claim_expires_at > now() THEN c.claimed_by END AS "claimedBy",
              CASE WHEN c.claim_expires_at > now() THEN c.claim_expires_at END AS "claimExpiresAt",
              cardinality(ra.safeguarding_flags) + cardinality(rb.safeguarding_flags) > 0 AS safeguarding,
              -- the other organisation's reference never crosses over
              array_remove(ARRAY[CASE WHEN pa.organisation_id = $1 THEN ra.reference END,
                                 CASE WHEN pb.organisation_id = $1 THEN rb.reference END], NULL) AS "references",
              c.band_rank AS "bandRank",
              to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtExact"
       FROM candidate_match c
       JOIN person_record pa ON pa.id = c.person_a_id
       JOIN tracing_request ra ON ra.id = pa.request_id
       JOIN person_record pb ON pb.id = c.person_b_id
       JOIN tracing_request rb ON rb.id = pb.request_id
       WHERE (c.organisation_id = $1 OR c.other_organisation_id = $1) AND c.review_status = ANY($2::text[])
         AND (c.other_organisation_id IS NULL OR ${mayMatchAcrossSql('c.organisation_id', 'c.other_organisation_id')})
         AND ra.lifecycle = 'open' AND rb.lifecycle = 'open'
         AND ($3::text IS NULL OR c.band = $3)
         AND ($4::boolean IS NULL OR (cardinality(ra.safeguarding_flags) + cardinality(rb.safeguarding_flags) > 0) = $4)
         AND ($5::text IS NULL OR (ra.reference = $5 AND pa.organisation_id = $1) OR (rb.reference = $5 AND pb.organisation_id = $1))
         AND ($6::timestamptz IS NULL OR c.created_at >= $6)
         AND ($7::timestamptz IS NULL OR c.created_at < $7)
         AND ($8::int IS NULL OR (c.band_rank, c.created_at, c.id) > ($8, $9::timestamptz, $10::uuid))
       ORDER BY c.band_rank, c.created_at, c.id
       LIMIT $11`,
      [
        user.organisationId,
        OPEN_REVIEW_STATUSES,
        query.band ?? null,
        query.safeguarding ?? null,
        query.reference ?? null,
        query.createdFrom ?? null,
        query.createdTo ?? null,
        position?.bandRank ?? null,
        position?.createdAt ?? null,
        position?.id ?? null,
        limit + 1,
      ],
    );
    await this.audit.record({ actor: user, action: 'review_queue.read' });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ claimedBy, bandRank: _rank, createdAtExact: _exact, ...row }) => ({
        ...row,
        claimed: claimedBy === null ? null : claimedBy === user.id ? 'by_you' : 'by_another',
      })),
      nextCursor:
        rows.length > limit && last ? encodeQueueCursor({ bandRank: last.bandRank, createdAt: last.createdAtExact, id: last.id }) : null,
    };
  }
}
