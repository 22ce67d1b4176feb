import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ConflictError, NotFoundError } from '../common/errors/domain-errors.js';
import { counterpartsInReview, settleCounterparts } from '../review/settle.js';
import type { ErasureReason } from './dto/erasure.dto.js';
import { KeyStore } from '../key-store/key-store.js';
import { type ErasedIds, erasedSubjects, eraseRows } from './erase-rows.js';
import { personErasure } from './erasure-policy.js';
import { ErasureJobs } from './erasure-jobs.js';

interface LockedRequest {
  id: string;
  organisationId: string;
  reference: string;
}

/**
 * An admin erases a whole request, or one sought person of it. Personal data leaves every table in
 * one transaction (a tombstone keeps the reference and the fact), then the queues: waiting and
 * delayed jobs that concern it are removed and the workers forget the names they remember. The
 * sought people of other requests whose candidates went with it are settled afterwards.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: ErasureJobs,
    private readonly keys: KeyStore,
  ) {}

  async eraseRequest(admin: AuthenticatedUser, requestId: string, reasonCode: ErasureReason): Promise<void> {
    await this.erase(admin, requestId, reasonCode, async (manager, request) => {
      const people: { id: string }[] = await manager.query(`SELECT id FROM person_record WHERE request_id = $1`, [request.id]);
      return { personIds: people.map((p) => p.id), wholeRequest: true };
    });
  }

  /** One sought person; the enquirer, or the last sought person, goes only with the whole request. */
  async erasePerson(admin: AuthenticatedUser, requestId: string, personId: string, reasonCode: ErasureReason): Promise<void> {
    await this.erase(admin, requestId, reasonCode, async (manager, request) => {
      const people: { id: string; role: string }[] = await manager.query(`SELECT id, role FROM person_record WHERE request_id = $1`, [
        request.id,
      ]);
      const decision = personErasure(people, personId);
      if (!decision.allowed && decision.reason === 'not_in_request') throw new NotFoundError('person');
      if (!decision.allowed) throw new ConflictError('the enquirer and the last sought person are erased with the whole request');
      return { personIds: [personId], wholeRequest: false };
    });
  }

  private async erase(
    admin: AuthenticatedUser,
    requestId: string,
    reasonCode: ErasureReason,
    choose: (manager: EntityManager, request: LockedRequest) => Promise<{ personIds: string[]; wholeRequest: boolean }>,
  ): Promise<void> {
    const { erased, counterparts } = await this.dataSource.transaction(async (manager) => {
      const [request]: LockedRequest[] = await manager.query(
        `SELECT id, organisation_id AS "organisationId", reference FROM tracing_request WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
        [requestId, admin.organisationId],
      );
      if (!request) throw new NotFoundError('tracing request');
      const { personIds, wholeRequest } = await choose(manager, request);
      const counterparts = (await counterpartsInReview(manager, request.id)).filter((id) => !personIds.includes(id));
      const erased: ErasedIds = await eraseRows(manager, {
        organisationId: request.organisationId,
        requestId: request.id,
        reference: request.reference,
        personIds,
        wholeRequest,
        reasonCode,
        by: admin.id,
      });
      await this.audit.record(
        {
          actor: admin,
          action: wholeRequest ? 'erasure.request' : 'erasure.person',
          entityType: wholeRequest ? 'tracing_request' : 'person_record',
          entityId: wholeRequest ? request.id : personIds[0],
          requestId: request.id,
          reasonCode,
        },
        manager,
      );
      // Keys go before the rows commit: should the commit then fail, what is left cannot be read,
      // and the admin erases again; the other order could leave readable ciphertext behind.
      await this.keys.destroy(erasedSubjects(erased));
      return { erased, counterparts };
    });
    await this.jobs.purge(erased);
    await settleCounterparts(this.dataSource, counterparts, admin.id);
  }
}
