import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { FieldVault } from '../key-store/field-vault.js';
import { answersShown, isFoundPersonsCaseworker } from './disclosure-policy.js';
import { type Find, loadFind } from './find.js';
import { identityCheckState, type RecordedCheck } from './identity-check-rule.js';

/**
 * Where a confirmed find stands, for the staff of either side: the identity check and the consents.
 * Who is searching is told to the found person's side (their caseworker may tell the found person)
 * only if the enquirer agreed at intake to their identity being shared; the reverse never happens here.
 */
@Injectable()
export class FindSummaryReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  async read(user: AuthenticatedUser, candidateId: string) {
    return this.dataSource.transaction(async (manager) => {
      const find = await loadFind(manager, user, candidateId, { lock: false });
      const checks: (RecordedCheck & { methods: string[]; checkedAt: Date })[] = await manager.query(
        `SELECT reviewer_id AS "reviewerId", outcome, methods, checked_at AS "checkedAt" FROM identity_check WHERE candidate_id = $1 ORDER BY checked_at`,
        [candidateId],
      );
      const consents: {
        id: string;
        decision: string;
        scopes: string[];
        validUntil: string | null;
        recordedAt: Date;
        withdrawnAt: Date | null;
        overrides: number;
      }[] = await manager.query(
        `SELECT fc.id, fc.decision, fc.scopes, fc.valid_until::text AS "validUntil", fc.recorded_at AS "recordedAt",
                fc.withdrawn_at AS "withdrawnAt",
                (SELECT count(*)::int FROM disclosure_override o WHERE o.consent_id = fc.id) AS overrides
         FROM found_person_consent fc WHERE fc.candidate_id = $1 ORDER BY fc.recorded_at`,
        [candidateId],
      );
      const onFoundSide = find.found.organisationId === user.organisationId;
      const onSoughtSide = find.sought.organisationId === user.organisationId;
      const [enquirer]: { relationship: string; mayBeNamed: boolean; names: string[] }[] = await manager.query(
        `SELECT s.relationship_to_enquirer AS relationship, ic.agrees_to_identity_shared AS "mayBeNamed",
                (SELECT coalesce(array_agg(n.value ORDER BY n.position), '{}') FROM name_variant n WHERE n.person_id = $2) AS names
         FROM person_record s JOIN intake_consent ic ON ic.request_id = s.request_id WHERE s.id = $1`,
        [find.sought.personId, find.recipientPersonId],
      );
      await this.audit.record(
        {
          actor: user,
          action: 'find.read',
          entityType: 'candidate_match',
          entityId: candidateId,
          requestId: onFoundSide ? find.found.requestId : find.sought.requestId,
        },
        manager,
      );
      return {
        candidateId,
        safeguarding: find.safeguarding,
        soughtPersonStatus: onSoughtSide ? find.sought.status : undefined,
        // Ids of the caller's own organisation's records only: where its disclosure is read (DisclosureService).
        soughtPerson: onSoughtSide ? { requestId: find.sought.requestId, personId: find.sought.personId } : undefined,
        identityCheck: {
          state: identityCheckState(checks, find.safeguarding),
          checks: checks.map((c) => ({ outcome: c.outcome, methods: c.methods, checkedAt: c.checkedAt, byYou: c.reviewerId === user.id })),
        },
        consents: answersShown(consents, await this.isEnquirersCaseworker(manager, user, find)),
        searchedForBy: onFoundSide
          ? {
              relationship: enquirer.relationship,
              names: enquirer.mayBeNamed ? await this.openNames(find.recipientPersonId, enquirer.names) : undefined,
            }
          : undefined,
      };
    });
  }

  /** The enquirer's names, sealed with their key, opened only when they agreed to be named. */
  private async openNames(personId: string, sealed: readonly string[]): Promise<string[]> {
    const names: string[] = [];
    for (const value of sealed) names.push((await this.vault.open({ id: personId, type: 'person' }, 'name', value)) as string);
    return names;
  }

  /** A caseworker, not also a reviewer or admin, who is not the found person's caseworker. */
  private async isEnquirersCaseworker(manager: EntityManager, user: AuthenticatedUser, find: Find): Promise<boolean> {
    if (!hasRole(user, 'caseworker') || hasRole(user, 'reviewer', 'admin')) return false;
    const [request]: { caseworkerId: string | null }[] = await manager.query(
      `SELECT caseworker_id AS "caseworkerId" FROM tracing_request WHERE id = $1`,
      [find.found.requestId],
    );
    return !isFoundPersonsCaseworker(user, { organisationId: find.found.organisationId, caseworkerId: request.caseworkerId });
  }
}
