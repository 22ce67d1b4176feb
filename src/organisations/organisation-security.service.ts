import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationSecurityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async secondFactorRequired(admin: AuthenticatedUser): Promise<boolean> {
    return (await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: admin.organisationId })).secondFactorRequired;
  }

  async setSecondFactorRequired(admin: AuthenticatedUser, required: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Organisation, { id: admin.organisationId }, { secondFactorRequired: required });
      const reasonCode = required ? 'second_factor_required' : 'second_factor_optional';
      await this.audit.record(
        { actor: admin, action: 'organisation.policy_changed', entityType: 'organisation', entityId: admin.organisationId, reasonCode },
        manager,
      );
    });
  }
}
