import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  actor: AuthenticatedUser | null;
  action: string;
  entityType?: string;
  entityId?: string;
  reasonCode?: string;
  /** the tracing request concerned; an event about a request names it by default */
  requestId?: string;
  outcome?: 'allowed' | 'denied';
  /** for events without an authenticated actor (e.g. a failed login) */
  organisationId?: string;
}

/** Writes audit events: ids and codes only. Pass the transaction's manager so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEvent, {
      organisationId: entry.actor?.organisationId ?? entry.organisationId ?? null,
      actorUserId: entry.actor?.id ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      reasonCode: entry.reasonCode ?? null,
      actorRoles: entry.actor ? [...entry.actor.roles] : null,
      requestId: entry.requestId ?? (entry.entityType === 'tracing_request' ? (entry.entityId ?? null) : null),
      outcome: entry.outcome ?? 'allowed',
      sourceIp: entry.actor?.sourceIp ?? null,
    });
  }
}
