import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination/cursor.js';
import { FieldVault } from '../key-store/field-vault.js';
import { openPersonRecord } from '../persons/sealed-person.js';
import type { ListTracingRequestsQuery } from './dto/list-tracing-requests.query.js';
import { StatusChange } from './entities/status-change.entity.js';
import { TracingRequest } from './entities/tracing-request.entity.js';

export type TracingRequestListItem = TracingRequest & { soughtPeopleCount: number };

/**
 * Reads of requests, scoped to the caller's organisation. A caseworker reads only the requests
 * assigned to them; anything else answers "not found", exactly as an unknown id does.
 */
@Injectable()
export class TracingRequestReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  /** Loads a request with its people and names, without auditing (for the writer's own response). */
  async load(user: AuthenticatedUser, id: string): Promise<TracingRequest> {
    const request = await this.dataSource.getRepository(TracingRequest).findOne({
      where: { id, organisationId: user.organisationId },
      relations: { persons: { names: true }, intakeConsent: true },
    });
    if (!request || !mayRead(user, request)) throw new NotFoundError('tracing request');
    // Stored sealed with the request's key (decision 0024); the response decides who sees it.
    request.circumstances = await this.vault.open({ id: request.id, type: 'request' }, 'circumstances', request.circumstances);
    for (const person of request.persons) await openPersonRecord(this.vault, person);
    return request;
  }

  /** A person's read through the API: every person record shown is audited. */
  async read(user: AuthenticatedUser, id: string): Promise<TracingRequest> {
    const request = await this.load(user, id);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        { actor: user, action: 'tracing_request.read', entityType: 'tracing_request', entityId: request.id },
        manager,
      );
      for (const person of request.persons) {
        await this.audit.record(
          { actor: user, action: 'person_record.read', entityType: 'person_record', entityId: person.id, requestId: request.id },
          manager,
        );
      }
    });
    return request;
  }

  async history(user: AuthenticatedUser, id: string): Promise<StatusChange[]> {
    const request = await this.dataSource.getRepository(TracingRequest).findOneBy({ id, organisationId: user.organisationId });
    if (!request || !mayRead(user, request)) throw new NotFoundError('tracing request');
    return this.dataSource.getRepository(StatusChange).find({ where: { requestId: id }, order: { id: 'ASC' } });
  }

  /** Keyset pagination, newest first. The list carries no personal data, only references and statuses. */
  async list(user: AuthenticatedUser, query: ListTracingRequestsQuery): Promise<Page<TracingRequestListItem>> {
    const limit = query.limit ?? 25;
    const qb = this.dataSource
      .getRepository(TracingRequest)
      .createQueryBuilder('r')
      .addSelect(
        (sub) => sub.select('count(*)::int').from('person_record', 'p').where("p.request_id = r.id AND p.role = 'sought'"),
        'sought_count',
      )
      // The cursor needs the timestamp to the microsecond; a JS Date keeps milliseconds only.
      .addSelect(`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'created_at_exact')
      .where('r.organisation_id = :org', { org: user.organisationId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.reference) qb.andWhere('r.reference LIKE :reference', { reference: `${query.reference}%` });
    if (query.createdFrom) qb.andWhere('r.created_at >= :from', { from: query.createdFrom });
    if (query.createdTo) qb.andWhere('r.created_at < :to', { to: query.createdTo });
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      qb.andWhere('(r.created_at, r.id) < (:createdAt, :id)', position);
    }
    const { entities, raw } = await qb.getRawAndEntities();
    const items = entities.map((entity, index) => Object.assign(entity, { soughtPeopleCount: Number(raw[index].sought_count) }));
    const hasMore = items.length > limit;
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: hasMore && last ? encodeCursor({ createdAt: raw[page.length - 1].created_at_exact, id: last.id }) : null,
    };
  }
}

/** Officers, reviewers and admins read their organisation's requests; a caseworker only those assigned to them. */
export function mayRead(user: AuthenticatedUser, request: TracingRequest): boolean {
  if (hasRole(user, 'officer', 'reviewer', 'admin')) return true;
  return hasRole(user, 'caseworker') && request.caseworkerId === user.id;
}

/** Circumstances are for officers and the assigned caseworker, not for every reader. */
export function mayReadCircumstances(user: AuthenticatedUser, request: TracingRequest): boolean {
  return hasRole(user, 'officer') || (hasRole(user, 'caseworker') && request.caseworkerId === user.id);
}
