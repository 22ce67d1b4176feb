import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { coarseStatusMessage, toCoarseStatus } from './coarse-status.js';

@Injectable()
export class CaseStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async byReference(user: AuthenticatedUser, reference: string) {
    const request = await this.dataSource.getRepository(TracingRequest).findOneBy({ reference, organisationId: user.organisationId });
    if (!request) throw new NotFoundError('tracing request');
    const enquirer = await this.dataSource.getRepository(PersonRecord).findOne({
      where: { requestId: request.id, role: 'enquirer' },
      select: { id: true, preferredLanguage: true },
    });
    await this.audit.record({ actor: user, action: 'case_status.read', entityType: 'tracing_request', entityId: request.id });
    const status = toCoarseStatus(request.status);
    return { reference: request.reference, status, ...coarseStatusMessage(status, enquirer?.preferredLanguage ?? null) };
  }
}
