import type { EntityManager } from 'typeorm';
import { IllegalTransitionError } from '../common/errors/domain-errors.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { canMovePerson } from './request-lifecycle.js';
import type { SoughtPersonStatus, StatusReasonCode } from './request-vocabulary.js';
import { recordStatusChange } from './status-recorder.js';

export interface SoughtPersonState {
  personId: string;
  requestId: string;
  status: SoughtPersonStatus | null;
}

/**
 * Moves a sought person and records the change; the caller holds the request's lock and refreshes
 * the request's status afterwards. `strict` refuses an illegal move with 409; otherwise a move the
 * lifecycle does not allow is skipped (nothing moves backwards because of a side effect).
 */
export async function moveSoughtPerson(
  manager: EntityManager,
  person: SoughtPersonState,
  to: SoughtPersonStatus,
  cause: { reasonCode: StatusReasonCode; by: string | null; strict?: boolean },
): Promise<boolean> {
  const from = person.status;
  if (from === null || from === to || !canMovePerson(from, to)) {
    if (cause.strict) throw new IllegalTransitionError(from ?? 'none', to);
    return false;
  }
  await manager.update(PersonRecord, { id: person.personId }, { status: to });
  await recordStatusChange(manager, {
    requestId: person.requestId,
    personId: person.personId,
    from,
    to,
    reasonCode: cause.reasonCode,
    by: cause.by,
  });
  person.status = to;
  return true;
}
