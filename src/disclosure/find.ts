import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError } from '../common/errors/domain-errors.js';
import { CandidateMatch } from '../matching/entities/candidate-match.entity.js';
import { assertReviewable, type CandidateSide, isSafeguarded, loadSides } from '../review/candidate-sides.js';

/**
 * A confirmed find: a sought person of one request (the enquirer's side) is the same human as the
 * enquirer of another request (the found person's own record, where their contact details are).
 */
export interface Find {
  candidateId: string;
  sought: CandidateSide;
  found: CandidateSide;
  /** the enquirer who is looking: the only recipient a consent can name */
  recipientPersonId: string;
  safeguarding: boolean;
}

/** Loads a confirmed find the caller's organisation takes part in, after locking both requests in id order (for writes). */
export async function lockFind(manager: EntityManager, user: AuthenticatedUser, candidateId: string): Promise<Find> {
  return loadFind(manager, user, candidateId, { lock: true });
}

/** Loads a confirmed find the caller's organisation takes part in; `lock` first locks both requests in id order. */
export async function loadFind(
  manager: EntityManager,
  user: AuthenticatedUser,
  candidateId: string,
  options: { lock: boolean },
): Promise<Find> {
  const unlocked = await loadSides(manager, candidateId);
  await assertReviewable(manager, user, unlocked);
  if (!options.lock) return toFind(manager, candidateId, unlocked);
  for (const requestId of [...new Set(unlocked.map((side) => side.requestId))].sort()) {
    await manager.query(`SELECT 1 FROM tracing_request WHERE id = $1 FOR NO KEY UPDATE`, [requestId]);
  }
  return toFind(manager, candidateId, await loadSides(manager, candidateId));
}

async function toFind(manager: EntityManager, candidateId: string, sides: readonly CandidateSide[]): Promise<Find> {
  const candidate = await manager.findOneByOrFail(CandidateMatch, { id: candidateId });
  const sought = sides.find((side) => side.role === 'sought');
  const found = sides.find((side) => side.role === 'enquirer');
  if (candidate.reviewStatus !== 'confirmed' || !sought || !found) {
    throw new ConflictError('this candidate is not a confirmed find of a sought person');
  }
  const [recipient]: { id: string }[] = await manager.query(`SELECT id FROM person_record WHERE request_id = $1 AND role = 'enquirer'`, [
    sought.requestId,
  ]);
  return { candidateId, sought, found, recipientPersonId: recipient.id, safeguarding: isSafeguarded(sides) };
}
