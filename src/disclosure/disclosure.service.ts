import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { ConflictError, ForbiddenActionError, NotFoundError } from '../common/errors/domain-errors.js';
import { FieldVault } from '../key-store/field-vault.js';
import { openContact } from '../persons/person-writer.js';
import type { ConsentScope } from './disclosure-vocabulary.js';
import { releasableScopes } from './disclosure-policy.js';
import { lockFind } from './find.js';

/**
 * What the enquirer's side may pass on. The same answer – nothing to release – whether there is no
 * candidate, a confirmed find without consent, a refusal, a withdrawn or lapsed consent, or a flag
 * not yet overridden by two people: before the found person's consent, not even the fact of a find
 * reaches this side.
 */
export interface DisclosureView {
  released: boolean;
  found?: true;
  message?: string;
  contactDetails?: string;
  currentWhereabouts?: string;
}

interface NewestConsent {
  id: string;
  foundPersonId: string;
  decision: 'granted' | 'refused';
  scopes: ConsentScope[];
  message: string | null;
  validUntil: string | null;
  withdrawn: boolean;
  safeguarding: boolean;
  overrides: number;
}

/** The newest consent recorded for this sought person's confirmed find, naming this request's enquirer. */
const NEWEST_CONSENT_SQL = `
  SELECT fc.id, fc.found_person_id AS "foundPersonId", fc.decision, fc.scopes, fc.message,
         fc.valid_until::text AS "validUntil", fc.withdrawn_at IS NOT NULL AS withdrawn,
         cardinality(ra.safeguarding_flags) + cardinality(rb.safeguarding_flags) > 0 AS safeguarding,
         (SELECT count(DISTINCT o.user_id)::int FROM disclosure_override o WHERE o.consent_id = fc.id) AS overrides
  FROM candidate_match c
  JOIN found_person_consent fc ON fc.candidate_id = c.id
  JOIN person_record pa ON pa.id = c.person_a_id JOIN tracing_request ra ON ra.id = pa.request_id
  JOIN person_record pb ON pb.id = c.person_b_id JOIN tracing_request rb ON rb.id = pb.request_id
  WHERE $1 IN (c.person_a_id, c.person_b_id) AND c.review_status = 'confirmed' AND c.roles = 'enquirer:sought'
    AND fc.recipient_person_id = (SELECT id FROM person_record WHERE request_id = $2 AND role = 'enquirer')
  ORDER BY fc.recorded_at DESC, fc.id DESC
  LIMIT 1`;

@Injectable()
export class DisclosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  /** For the staff assigned to the enquirer's request: checks a valid consent at this moment, every time. */
  async read(user: AuthenticatedUser, requestId: string, soughtPersonId: string): Promise<DisclosureView> {
    return this.dataSource.transaction(async (manager) => {
      const [request]: { officerId: string; caseworkerId: string | null }[] = await manager.query(
        `SELECT r.officer_id AS "officerId", r.caseworker_id AS "caseworkerId"
         FROM tracing_request r JOIN person_record p ON p.request_id = r.id AND p.id = $2 AND p.role = 'sought'
         WHERE r.id = $1 AND r.organisation_id = $3`,
        [requestId, soughtPersonId, user.organisationId],
      );
      if (!request) throw new NotFoundError('sought person');
      const assigned =
        (hasRole(user, 'officer') && request.officerId === user.id) || (hasRole(user, 'caseworker') && request.caseworkerId === user.id);
      if (!assigned) throw new ForbiddenActionError('only the staff assigned to this request receive disclosures for it');
      const [consent]: NewestConsent[] = await manager.query(NEWEST_CONSENT_SQL, [soughtPersonId, requestId]);
      const scopes = releasableScopes(consent, {
        safeguarding: consent?.safeguarding ?? false,
        overrides: consent?.overrides ?? 0,
        today: new Date().toISOString().slice(0, 10),
      });
      if (!consent || scopes === null) {
        await this.audit.record(
          {
            actor: user,
            action: 'disclosure.read',
            entityType: 'person_record',
            entityId: soughtPersonId,
            reasonCode: 'nothing_to_release',
            requestId,
          },
          manager,
        );
        return { released: false };
      }
      const [stored]: { contactDetails: string | null; currentWhereabouts: string | null }[] = await manager.query(
        `SELECT contact_details AS "contactDetails", current_whereabouts AS "currentWhereabouts" FROM person_contact WHERE person_id = $1`,
        [consent.foundPersonId],
      );
      await this.audit.record(
        {
          actor: user,
          action: 'disclosure.released',
          entityType: 'person_record',
          entityId: consent.foundPersonId,
          reasonCode: 'consent_valid',
          requestId,
        },
        manager,
      );
      const may = (scope: ConsentScope) => scopes.includes(scope);
      // Opened only once released, and only what the consent lets through.
      const contact = await openContact(this.vault, consent.foundPersonId, stored);
      const foundPerson = { id: consent.foundPersonId, type: 'person' as const };
      return {
        released: true,
        found: true,
        message: may('message') ? ((await this.vault.open(foundPerson, 'consent_message', consent.message)) ?? undefined) : undefined,
        contactDetails: may('contact_details') ? (contact.contactDetails ?? undefined) : undefined,
        currentWhereabouts: may('whereabouts') ? (contact.currentWhereabouts ?? undefined) : undefined,
      };
    });
  }

  /**
   * A safeguarding flag blocks disclosure until two different people have overridden it for this
   * consent, each with a reason, each in the audit trail.
   */
  async override(user: AuthenticatedUser, candidateId: string, consentId: string, reasonCode: string): Promise<{ overrides: number }> {
    return this.dataSource.transaction(async (manager) => {
      const find = await lockFind(manager, user, candidateId);
      if (!find.safeguarding) throw new ConflictError('no safeguarding flag blocks this disclosure');
      const [consent]: { id: string }[] = await manager.query(
        `SELECT id FROM found_person_consent WHERE id = $1 AND candidate_id = $2 AND decision = 'granted' AND withdrawn_at IS NULL`,
        [consentId, candidateId],
      );
      if (!consent) throw new NotFoundError('granted consent');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO disclosure_override (consent_id, user_id, reason_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING consent_id`,
        [consentId, user.id, reasonCode],
      );
      if (inserted.length === 0) throw new ConflictError('you have overridden this flag already; a second, different person must');
      await this.audit.record(
        { actor: user, action: 'disclosure_override.recorded', entityType: 'candidate_match', entityId: candidateId, reasonCode },
        manager,
      );
      const [{ overrides }]: { overrides: number }[] = await manager.query(
        `SELECT count(*)::int AS overrides FROM disclosure_override WHERE consent_id = $1`,
        [consentId],
      );
      return { overrides };
    });
  }
}
