import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { TracingRequest } from './entities/tracing-request.entity.js';
import { mayRead } from './tracing-request-reader.js';

export interface RequestLinkView {
  kind: 'related' | 'duplicate';
  /** the linked request, when it is of the caller's organisation; another organisation's stays unnamed */
  requestId?: string;
  linkedAt: Date;
}

/**
 * Links a confirmation made between two requests: related (two searches for the same person) or
 * duplicate (the same family filing twice). For staff only, and they carry no field across: the
 * caller learns the linked request's id only when it is theirs to open anyway.
 */
@Injectable()
export class RequestLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, requestId: string): Promise<RequestLinkView[]> {
    const request = await this.dataSource.getRepository(TracingRequest).findOneBy({ id: requestId, organisationId: user.organisationId });
    if (!request || !mayRead(user, request) || !hasRole(user, 'officer', 'reviewer', 'admin')) throw new NotFoundError('tracing request');
    const rows: { kind: 'related' | 'duplicate'; other: string; otherOrganisation: string; linkedAt: Date }[] = await this.dataSource.query(
      `SELECT l.kind, o.id AS other, o.organisation_id AS "otherOrganisation", l.created_at AS "linkedAt"
       FROM request_link l
       JOIN tracing_request o ON o.id = CASE WHEN l.request_a_id = $1 THEN l.request_b_id ELSE l.request_a_id END
       WHERE $1 IN (l.request_a_id, l.request_b_id)
       ORDER BY l.created_at, l.id`,
      [requestId],
    );
    await this.audit.record({ actor: user, action: 'request_link.read', entityType: 'tracing_request', entityId: requestId });
    return rows.map((row) => ({
      kind: row.kind,
      requestId: row.otherOrganisation === user.organisationId ? row.other : undefined,
      linkedAt: row.linkedAt,
    }));
  }
}
