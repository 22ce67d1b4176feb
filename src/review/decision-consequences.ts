import type { EntityManager } from 'typeorm';
import type { SoughtPersonStatus, StatusReasonCode } from '../tracing-requests/request-vocabulary.js';
import { moveSoughtPerson } from '../tracing-requests/sought-person-moves.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';
import type { CandidateSide } from './candidate-sides.js';
import type { ReviewOutcome } from './confirmation-rule.js';
import { settleSoughtPerson } from './settle.js';

interface Context {
  manager: EntityManager;
  candidateId: string;
  sides: readonly [CandidateSide, CandidateSide];
  by: string;
}

/**
 * What a candidate's new state does to the people and requests of the pair. The caller holds the
 * locks of both requests. What a confirmation does depends on the pair of roles: a sought person
 * and an enquirer is a find (the sought person is match_confirmed); two sought people are two
 * searches for the same person (their requests are linked as related); two enquirers are the same
 * family filing twice (linked as duplicates). Links are for staff and carry no field across.
 */
export async function applyOutcome(context: Context, outcome: ReviewOutcome): Promise<void> {
  const { sides } = context;
  const sought = sides.filter((side) => side.role === 'sought');
  switch (outcome.state) {
    case 'awaiting_second_review':
      // Four eyes: while the first reviewer has confirmed and the second has not, the search waits.
      if (outcome.missing === 'second_reviewer') {
        for (const side of sought) await moveAlong(context, side, ['possible_match', 'on_hold'], 'second_review_pending');
      }
      break;
    case 'confirmed':
      await bindPair(context, 'confirmed');
      if (sought.length === 1) {
        await moveAlong(context, sought[0], ['possible_match', 'match_confirmed'], 'candidate_confirmed');
      } else {
        await linkRequests(context, sought.length === 2 ? 'related' : 'duplicate');
        for (const side of sought) await settle(context, side);
      }
      break;
    case 'rejected':
      await bindPair(context, 'rejected');
      for (const side of sought) await settle(context, side);
      break;
    case 'need_more_info':
    case 'pending':
      break;
  }
  for (const requestId of new Set(sides.map((side) => side.requestId))) {
    await refreshRequestStatus(context.manager, requestId, { reasonCode: reasonFor(outcome), by: context.by });
  }
}

function reasonFor(outcome: ReviewOutcome): StatusReasonCode {
  if (outcome.state === 'confirmed') return 'candidate_confirmed';
  if (outcome.state === 'rejected') return 'candidate_rejected';
  return 'second_review_pending';
}

/** The decision holds for the pair at the records' current versions, whatever the matcher version. */
async function bindPair({ manager, candidateId, sides }: Context, outcome: 'confirmed' | 'rejected'): Promise<void> {
  const [a, b] = sides;
  await manager.query(
    `INSERT INTO pair_decision (person_a_id, person_b_id, person_a_version, person_b_version, outcome, candidate_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (person_a_id, person_b_id) DO UPDATE
       SET person_a_version = EXCLUDED.person_a_version, person_b_version = EXCLUDED.person_b_version,
           outcome = EXCLUDED.outcome, candidate_id = EXCLUDED.candidate_id, decided_at = now()`,
    [a.personId, b.personId, a.personVersion, b.personVersion, outcome, candidateId],
  );
}

async function linkRequests({ manager, candidateId, sides }: Context, kind: 'related' | 'duplicate'): Promise<void> {
  const [first, second] = [sides[0].requestId, sides[1].requestId].sort();
  await manager.query(
    `INSERT INTO request_link (request_a_id, request_b_id, kind, candidate_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (request_a_id, request_b_id, kind) DO NOTHING`,
    [first, second, kind, candidateId],
  );
}

async function settle(context: Context, side: CandidateSide): Promise<void> {
  await settleSoughtPerson(context.manager, side, { reasonCode: 'review_settled', by: context.by, closedCandidateId: context.candidateId });
}

/** Moves through each status in turn, skipping those the person has already reached. */
async function moveAlong(context: Context, side: CandidateSide, path: SoughtPersonStatus[], reasonCode: StatusReasonCode): Promise<void> {
  for (const to of path) await move(context, side, to, reasonCode);
}

async function move(context: Context, side: CandidateSide, to: SoughtPersonStatus, reasonCode: StatusReasonCode): Promise<void> {
  await moveSoughtPerson(context.manager, side, to, { reasonCode, by: context.by });
}
