import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, InvalidInputError } from '../common/errors/domain-errors.js';
import { withdrawFromMatching } from '../matching/name-keys.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { writeMatchPersonToOutbox } from '../outbox/outbox-writer.js';
import { counterpartsInReview, settleCounterparts } from '../review/settle.js';
import { CLOSURE_REASONS, type CloseTracingRequestDto } from './dto/request-closure.dto.js';
import { TracingRequest } from './entities/tracing-request.entity.js';
import { assertLifecycleTransition } from './request-lifecycle.js';
import { changeLifecycle, refreshRequestStatus } from './status-recorder.js';
import { TracingRequestReader } from './tracing-request-reader.js';
import { lockOwnRequest } from './tracing-requests.service.js';

/**
 * Officers close a request (found / no match) and reopen it, with a reason. A closed request leaves
 * matching like a withdrawn one (its keys go, its open candidates are withdrawn); reopening hands
 * its people back to the matcher.
 */
@Injectable()
export class RequestClosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly relay: OutboxRelay,
    private readonly reader: TracingRequestReader,
  ) {}

  async close(officer: AuthenticatedUser, id: string, dto: CloseTracingRequestDto): Promise<TracingRequest> {
    const allowed: readonly string[] = CLOSURE_REASONS[dto.outcome];
    if (!allowed.includes(dto.reasonCode)) {
      throw new InvalidInputError('reasonCode', `reasonCode for ${dto.outcome} must be one of: ${allowed.join(', ')}`);
    }
    const counterparts = await this.dataSource.transaction(async (manager) => {
      const request = await lockOwnRequest(manager, officer, id);
      const to = dto.outcome === 'found' ? 'closed' : 'closed_no_match';
      assertLifecycleTransition(request.lifecycle, to);
      // A closure right after a refusal would date the refusal for anyone posing as the enquirer:
      // such a request closes only with the search-period schedule, as every search without result does.
      if (await hasRefusal(manager, id)) {
        throw new ConflictError('a person found for this request refused contact: it closes only with the search-period schedule');
      }
      const others = await counterpartsInReview(manager, id);
      await changeLifecycle(manager, request, to, { reasonCode: dto.reasonCode, by: officer.id });
      await withdrawFromMatching(manager, id);
      await this.audit.record(
        { actor: officer, action: 'tracing_request.closed', entityType: 'tracing_request', entityId: id, reasonCode: dto.reasonCode },
        manager,
      );
      return others;
    });
    await settleCounterparts(this.dataSource, counterparts, officer.id);
    return this.reader.load(officer, id);
  }

  async reopen(officer: AuthenticatedUser, id: string, reasonCode: string): Promise<TracingRequest> {
    await this.dataSource.transaction(async (manager) => {
      const request = await lockOwnRequest(manager, officer, id);
      assertLifecycleTransition(request.lifecycle, 'open');
      await manager.update(TracingRequest, { id }, { lifecycle: 'open', version: request.version + 1 });
      await refreshRequestStatus(manager, id, { reasonCode: 'reopened', by: officer.id });
      // The matcher rebuilds the keys a closure removed, and proposes again what was withdrawn.
      const people: { id: string; version: number }[] = await manager.query(`SELECT id, version FROM person_record WHERE request_id = $1`, [
        id,
      ]);
      for (const person of people) await writeMatchPersonToOutbox(manager, { personId: person.id, personVersion: person.version });
      await this.audit.record(
        { actor: officer, action: 'tracing_request.reopened', entityType: 'tracing_request', entityId: id, reasonCode },
        manager,
      );
    });
    this.relay.kick();
    return this.reader.load(officer, id);
  }
}

async function hasRefusal(manager: EntityManager, requestId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM found_person_consent fc
     JOIN candidate_match c ON c.id = fc.candidate_id
     JOIN person_record s ON s.id IN (c.person_a_id, c.person_b_id) AND s.role = 'sought'
     WHERE s.request_id = $1 AND fc.decision = 'refused'
     LIMIT 1`,
    [requestId],
  );
  return rows.length > 0;
}
