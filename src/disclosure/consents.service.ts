import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, ForbiddenActionError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors.js';
import { FieldVault } from '../key-store/field-vault.js';
import { recordNotification } from '../notifications/record-notification.js';
import { moveSoughtPerson } from '../tracing-requests/sought-person-moves.js';
import { refreshRequestStatus } from '../tracing-requests/status-recorder.js';
import type { ConsentInputDto } from './dto/disclosure-inputs.dto.js';
import { isFoundPersonsCaseworker } from './disclosure-policy.js';
import { type Find, lockFind } from './find.js';

/**
 * The found person's consent, recorded by a caseworker of their side: what may be shared (that they
 * were found, a message, contact details, whereabouts), with whom (the enquirer looking for them),
 * until when, by whom. A grant is the moment the enquirer's side may hear news; a refusal sends the
 * search back to `searching`, so the enquirer hears exactly what they heard before.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  async record(user: AuthenticatedUser, candidateId: string, input: ConsentInputDto): Promise<{ consentId: string }> {
    assertConsentShape(input);
    return this.dataSource.transaction(async (manager) => {
      const find = await lockFind(manager, user, candidateId);
      await assertFoundPersonsCaseworker(manager, user, find);
      if (find.sought.status !== 'awaiting_consent') {
        throw new ConflictError(
          find.sought.status === 'match_confirmed'
            ? "the enquirer's identity and risk check must pass before the found person is asked"
            : `consent is not awaited: the sought person is ${find.sought.status}`,
        );
      }
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO found_person_consent
           (candidate_id, found_person_id, recipient_person_id, decision, scopes, message, valid_until, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          candidateId,
          find.found.personId,
          find.recipientPersonId,
          input.decision,
          input.scopes,
          // The found person's own words, sealed with their key.
          await this.vault.seal({ id: find.found.personId, type: 'person' }, 'consent_message', input.message ?? null),
          input.validUntil ?? null,
          user.id,
        ],
      );
      const reasonCode = input.decision === 'granted' ? 'consent_granted' : 'consent_refused';
      // The enquirer's side acts on a consent (a disclosure, or nothing); the found person's side recorded it.
      await recordNotification(manager, {
        organisationId: find.sought.organisationId,
        type: 'consent.recorded',
        ids: { consentId: row.id, candidateMatchId: candidateId },
      });
      await moveSoughtPerson(manager, find.sought, input.decision === 'granted' ? 'contact_shared' : 'searching', {
        reasonCode,
        by: user.id,
      });
      await refreshRequestStatus(manager, find.sought.requestId, { reasonCode, by: user.id });
      await this.audit.record(
        {
          actor: user,
          action: `found_person_consent.${input.decision}`,
          entityType: 'candidate_match',
          entityId: candidateId,
          requestId: find.found.requestId,
        },
        manager,
      );
      return { consentId: row.id };
    });
  }

  /** Stops every future disclosure under this consent; what was already shared cannot be unshared. */
  async withdraw(user: AuthenticatedUser, candidateId: string, consentId: string, reasonCode: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const find = await lockFind(manager, user, candidateId);
      await assertFoundPersonsCaseworker(manager, user, find);
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE found_person_consent SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_reason = $4
         WHERE id = $1 AND candidate_id = $2 AND decision = 'granted' AND withdrawn_at IS NULL RETURNING id`,
        [consentId, candidateId, user.id, reasonCode],
      );
      if (rows.length === 0) throw new NotFoundError('granted consent');
      await this.audit.record(
        {
          actor: user,
          action: 'found_person_consent.withdrawn',
          entityType: 'candidate_match',
          entityId: candidateId,
          reasonCode,
          requestId: find.found.requestId,
        },
        manager,
      );
    });
  }
}

function assertConsentShape(input: ConsentInputDto): void {
  if (input.decision === 'granted' && !input.scopes.includes('found')) {
    throw new InvalidInputError('scopes', "a grant must include 'found': nothing else can be shared without it");
  }
  if (input.decision === 'refused' && (input.scopes.length > 0 || input.message !== undefined)) {
    throw new InvalidInputError('scopes', 'a refusal shares nothing: no scopes, no message');
  }
  if (input.message !== undefined && !input.scopes.includes('message')) {
    throw new InvalidInputError('message', "a message needs the 'message' scope");
  }
  if (input.validUntil !== undefined && input.validUntil < new Date().toISOString().slice(0, 10)) {
    throw new InvalidInputError('validUntil', 'validUntil must not be in the past');
  }
}

/** The caseworker assigned to the found person's request, or any caseworker of that organisation when none is. */
async function assertFoundPersonsCaseworker(manager: EntityManager, user: AuthenticatedUser, find: Find): Promise<void> {
  const [request]: { caseworkerId: string | null }[] = await manager.query(
    `SELECT caseworker_id AS "caseworkerId" FROM tracing_request WHERE id = $1`,
    [find.found.requestId],
  );
  const mayRecord = isFoundPersonsCaseworker(user, { organisationId: find.found.organisationId, caseworkerId: request.caseworkerId });
  if (!mayRecord) throw new ForbiddenActionError("only the found person's caseworker records or withdraws their consent");
}
