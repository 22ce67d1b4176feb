import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors.js';
import { settleCounterparts } from '../review/settle.js';
import type { AgreementView } from './dto/sharing-agreement.dto.js';

interface AgreementRow {
  id: string;
  organisation_a_id: string;
  organisation_b_id: string;
  approved_at_a: Date | null;
  approved_at_b: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
}

/**
 * Sharing agreements: an admin of one organisation proposes (approving for their side), an admin
 * of the other approves, and matching across both starts for records matched from then on.
 * Either side withdraws at any time: no new cross-organisation candidates, and the pending ones
 * leave both queues (they come back only if a new agreement is made).
 */
@Injectable()
export class SharingAgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthenticatedUser): Promise<AgreementView[]> {
    const rows: AgreementRow[] = await this.dataSource.query(
      `SELECT * FROM sharing_agreement WHERE $1 IN (organisation_a_id, organisation_b_id) ORDER BY created_at DESC`,
      [admin.organisationId],
    );
    return rows.map((row) => toView(row, admin.organisationId));
  }

  async propose(admin: AuthenticatedUser, partnerOrganisationId: string): Promise<AgreementView> {
    if (partnerOrganisationId === admin.organisationId) {
      throw new InvalidInputError('partnerOrganisationId', 'an organisation needs no agreement with itself');
    }
    return this.dataSource.transaction(async (manager) => {
      const [partner]: unknown[] = await manager.query(`SELECT 1 FROM organisation WHERE id = $1`, [partnerOrganisationId]);
      if (!partner) throw new NotFoundError('organisation');
      const [a, b] = [admin.organisationId, partnerOrganisationId].sort();
      const side = a === admin.organisationId ? 'a' : 'b';
      const rows: AgreementRow[] = await manager.query(
        `INSERT INTO sharing_agreement (organisation_a_id, organisation_b_id, approved_by_${side}, approved_at_${side})
         VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING RETURNING *`,
        [a, b, admin.id],
      );
      if (rows.length === 0) throw new ConflictError('an agreement with this organisation exists already: approve or withdraw it');
      await this.audit.record(
        { actor: admin, action: 'sharing_agreement.proposed', entityType: 'sharing_agreement', entityId: rows[0].id },
        manager,
      );
      return toView(rows[0], admin.organisationId);
    });
  }

  async approve(admin: AuthenticatedUser, id: string): Promise<AgreementView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockOwn(manager, admin, id);
      const side = row.organisation_a_id === admin.organisationId ? 'a' : 'b';
      if (row.withdrawn_at) throw new ConflictError('this agreement was withdrawn; propose a new one');
      if (row[`approved_at_${side}`]) throw new ConflictError('your organisation has approved this agreement already');
      const [[updated]]: [AgreementRow[], number] = await manager.query(
        `UPDATE sharing_agreement SET approved_by_${side} = $2, approved_at_${side} = now() WHERE id = $1 RETURNING *`,
        [id, admin.id],
      );
      await this.audit.record(
        { actor: admin, action: 'sharing_agreement.approved', entityType: 'sharing_agreement', entityId: id },
        manager,
      );
      return toView(updated, admin.organisationId);
    });
  }

  async withdraw(admin: AuthenticatedUser, id: string): Promise<AgreementView> {
    const { view, affected } = await this.dataSource.transaction(async (manager) => {
      const row = await lockOwn(manager, admin, id);
      if (row.withdrawn_at) throw new ConflictError('this agreement is withdrawn already');
      const [[updated]]: [AgreementRow[], number] = await manager.query(
        `UPDATE sharing_agreement SET withdrawn_by = $2, withdrawn_at = now() WHERE id = $1 RETURNING *`,
        [id, admin.id],
      );
      await this.audit.record(
        { actor: admin, action: 'sharing_agreement.withdrawn', entityType: 'sharing_agreement', entityId: id },
        manager,
      );
      return { view: toView(updated, admin.organisationId), affected: await soughtInCrossReview(manager, row) };
    });
    // Sought people whose only open candidates were across the two organisations search again.
    await settleCounterparts(this.dataSource, affected, admin.id);
    return view;
  }
}

async function lockOwn(manager: EntityManager, admin: AuthenticatedUser, id: string): Promise<AgreementRow> {
  const [row]: AgreementRow[] = await manager.query(
    `SELECT * FROM sharing_agreement WHERE id = $1 AND $2 IN (organisation_a_id, organisation_b_id) FOR UPDATE`,
    [id, admin.organisationId],
  );
  if (!row) throw new NotFoundError('sharing agreement');
  return row;
}

async function soughtInCrossReview(manager: EntityManager, row: AgreementRow): Promise<string[]> {
  const people: { id: string }[] = await manager.query(
    `SELECT DISTINCT p.id
     FROM candidate_match c
     JOIN person_record p ON p.id IN (c.person_a_id, c.person_b_id)
     WHERE LEAST(c.organisation_id, c.other_organisation_id) = $1 AND GREATEST(c.organisation_id, c.other_organisation_id) = $2
       AND c.review_status IN ('pending', 'need_more_info', 'awaiting_second_review')
       AND p.role = 'sought' AND p.status IN ('possible_match', 'on_hold')`,
    [row.organisation_a_id, row.organisation_b_id],
  );
  return people.map((p) => p.id);
}

function toView(row: AgreementRow, organisationId: string): AgreementView {
  const ours = row.organisation_a_id === organisationId ? 'a' : 'b';
  const theirs = ours === 'a' ? 'b' : 'a';
  const approvedByUs = row[`approved_at_${ours}`] !== null;
  const approvedByPartner = row[`approved_at_${theirs}`] !== null;
  return {
    id: row.id,
    partnerOrganisationId: ours === 'a' ? row.organisation_b_id : row.organisation_a_id,
    approvedByUs,
    approvedByPartner,
    active: approvedByUs && approvedByPartner && row.withdrawn_at === null,
    withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at,
  };
}
