import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { type CaseStatusResponseDto, toCaseStatusResponse } from './dto/case-status-response.dto.js';
import { type Catalogue, loadCatalogues, statusTexts } from './message-catalogue.js';

@Injectable()
export class CaseStatusService {
  // Read once at start-up: a malformed catalogue stops the API instead of failing one caseworker later.
  private readonly catalogues: Catalogue[] = loadCatalogues(new URL('./messages/', import.meta.url));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Reads only the request's enquirer-facing status and day and the enquirer's language: nothing else can leak. */
  async byReference(user: AuthenticatedUser, reference: string): Promise<CaseStatusResponseDto> {
    const request = await this.dataSource.getRepository(TracingRequest).findOne({
      where: { reference, organisationId: user.organisationId },
      select: { id: true, reference: true, enquirerStatus: true, enquirerStatusSince: true },
    });
    if (!request) throw new NotFoundError('tracing request');
    const enquirer = await this.dataSource.getRepository(PersonRecord).findOne({
      where: { requestId: request.id, role: 'enquirer' },
      select: { id: true, preferredLanguage: true },
    });
    await this.audit.record({ actor: user, action: 'case_status.read', entityType: 'tracing_request', entityId: request.id });
    // The stored enquirer status, not one derived here: it holds the search period's end (decision 0018).
    const status = request.enquirerStatus;
    return toCaseStatusResponse(
      request.reference,
      status,
      request.enquirerStatusSince,
      statusTexts(status, enquirer?.preferredLanguage, this.catalogues),
    );
  }
}
