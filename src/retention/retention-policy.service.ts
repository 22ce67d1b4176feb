import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { RetentionPolicyDto, RetentionPolicyView } from './dto/retention-policy.dto.js';
import { type RetentionReport, RetentionRunner } from './retention-runner.js';

/** An admin's view of their organisation's retention: the periods, and a dry run of what would go now. */
@Injectable()
export class RetentionPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly runner: RetentionRunner,
  ) {}

  async read(admin: AuthenticatedUser): Promise<RetentionPolicyView> {
    const [row]: RetentionPolicyView[] = await this.dataSource.query(
      `SELECT closed_request_months AS "closedRequestMonths", rejected_candidate_months AS "rejectedCandidateMonths"
       FROM retention_policy WHERE organisation_id = $1`,
      [admin.organisationId],
    );
    return row ?? { closedRequestMonths: null, rejectedCandidateMonths: null };
  }

  async update(admin: AuthenticatedUser, dto: RetentionPolicyDto): Promise<RetentionPolicyView> {
    const current = await this.read(admin);
    const next = {
      closedRequestMonths: dto.closedRequestMonths === undefined ? current.closedRequestMonths : dto.closedRequestMonths,
      rejectedCandidateMonths: dto.rejectedCandidateMonths === undefined ? current.rejectedCandidateMonths : dto.rejectedCandidateMonths,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO retention_policy (organisation_id, closed_request_months, rejected_candidate_months, updated_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id) DO UPDATE SET closed_request_months = EXCLUDED.closed_request_months,
           rejected_candidate_months = EXCLUDED.rejected_candidate_months, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [admin.organisationId, next.closedRequestMonths, next.rejectedCandidateMonths, admin.id],
      );
      await this.audit.record(
        { actor: admin, action: 'retention_policy.updated', entityType: 'organisation', entityId: admin.organisationId },
        manager,
      );
    });
    return next;
  }

  async dryRun(admin: AuthenticatedUser): Promise<RetentionReport> {
    return this.runner.run({ organisationId: admin.organisationId, ...(await this.read(admin)) }, { dryRun: true, actor: admin });
  }
}
