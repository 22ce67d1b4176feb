import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { mayMatchAcross } from '../sharing-agreements/active-agreements.js';
import type { SoughtPersonStatus } from '../tracing-requests/request-vocabulary.js';

/** One record of a candidate pair, with what the workflow needs of it and of its request. */
export interface CandidateSide {
  personId: string;
  role: 'enquirer' | 'sought';
  status: SoughtPersonStatus | null;
  personVersion: number;
  organisationId: string;
  requestId: string;
  reference: string;
  lifecycle: string;
  safeguardingFlags: string[];
}

const SIDES_SQL = `
  SELECT p.id AS "personId", p.role, p.status, p.version AS "personVersion", p.organisation_id AS "organisationId",
         r.id AS "requestId", r.reference, r.lifecycle, r.safeguarding_flags AS "safeguardingFlags"
  FROM candidate_match c
  JOIN person_record p ON p.id IN (c.person_a_id, c.person_b_id)
  JOIN tracing_request r ON r.id = p.request_id
  WHERE c.id = $1
  ORDER BY p.id`;

/** Both sides of a candidate, a first, or "not found". */
export async function loadSides(manager: EntityManager, candidateId: string): Promise<[CandidateSide, CandidateSide]> {
  const rows: CandidateSide[] = await manager.query(SIDES_SQL, [candidateId]);
  if (rows.length !== 2) throw new NotFoundError('candidate match');
  return [rows[0], rows[1]];
}

/**
 * A reviewer works candidates of which one record belongs to their organisation; a pair spanning
 * two organisations only while a sharing agreement between them lives (withdrawing it hides the
 * pair on both sides). Anyone else gets the same "not found" as for an unknown id.
 */
export async function assertReviewable(manager: EntityManager, user: AuthenticatedUser, sides: readonly CandidateSide[]): Promise<void> {
  if (!sides.some((side) => side.organisationId === user.organisationId)) throw new NotFoundError('candidate match');
  const [x, y] = organisationsOf(sides);
  if (y !== undefined && !(await mayMatchAcross(manager, x, y))) throw new NotFoundError('candidate match');
}

export function organisationsOf(sides: readonly CandidateSide[]): string[] {
  return [...new Set(sides.map((side) => side.organisationId))];
}

export function isSafeguarded(sides: readonly CandidateSide[]): boolean {
  return sides.some((side) => side.safeguardingFlags.length > 0);
}

/** For the audit trail: the request of the pair on the caller's side (the first, when both are). */
export function ownRequest(user: AuthenticatedUser, sides: readonly CandidateSide[]): string | undefined {
  return sides.find((side) => side.organisationId === user.organisationId)?.requestId;
}
