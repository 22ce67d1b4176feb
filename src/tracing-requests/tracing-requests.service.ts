import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { InvalidInputError, NotFoundError, VersionConflictError, IllegalTransitionError } from '../common/errors/domain-errors.js';
import { BlindIndex } from '../key-store/blind-index.js';
import { FieldVault } from '../key-store/field-vault.js';
import { replaceNameKeys, toPersonForMatching, withdrawFromMatching } from '../matching/name-keys.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { writeMatchPersonToOutbox } from '../outbox/outbox-writer.js';
import { todayUtc } from '../persons/birth-dates/today-utc.js';
import type { EnquirerInputDto, SoughtPersonInputDto } from '../persons/dto/person-input.dto.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { personDetails, replaceNames, saveContact } from '../persons/person-writer.js';
import { sealPersonDetails } from '../persons/sealed-person.js';
import { counterpartsInReview, settleCounterparts } from '../review/settle.js';
import { User } from '../users/user.entity.js';
import type { CreateTracingRequestDto } from './dto/create-tracing-request.dto.js';
import type { UpdateTracingRequestDto } from './dto/update-tracing-request.dto.js';
import type { WithdrawalReasonCode } from './request-vocabulary.js';
import { IntakeConsent } from './entities/intake-consent.entity.js';
import { TracingRequest } from './entities/tracing-request.entity.js';
import { isEditable } from './request-lifecycle.js';
import { changeLifecycle, recordStatusChange, refreshRequestStatus } from './status-recorder.js';
import { TracingRequestReader } from './tracing-request-reader.js';

/** Officers' writes: create, update, withdraw. Each is one transaction, with its outbox rows and audit events. */
@Injectable()
export class TracingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly relay: OutboxRelay,
    private readonly reader: TracingRequestReader,
    private readonly vault: FieldVault,
    private readonly index: BlindIndex,
  ) {}

  async create(officer: AuthenticatedUser, dto: CreateTracingRequestDto): Promise<TracingRequest> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (dto.caseworkerId) await assertCaseworkerOf(manager, officer.organisationId, dto.caseworkerId, 'caseworkerId');
      const [{ reference }] = await manager.query(
        `SELECT 'TR-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('tracing_request_number_seq')::text, 6, '0') AS reference`,
      );
      const request = await manager.save(
        TracingRequest,
        manager.create(TracingRequest, {
          reference,
          organisationId: officer.organisationId,
          officerId: officer.id,
          caseworkerId: dto.caseworkerId ?? null,
          lifecycle: 'open',
          status: 'submitted',
          safeguardingFlags: dto.safeguardingFlags ?? [],
        }),
      );
      // Sealed with the request's own key, which exists once the request has its id.
      if (dto.circumstances !== undefined) {
        const circumstances = await this.vault.seal({ id: request.id, type: 'request' }, 'circumstances', dto.circumstances);
        await manager.update(TracingRequest, { id: request.id }, { circumstances });
      }
      await manager.insert(IntakeConsent, { ...dto.intakeConsent, requestId: request.id, recordedBy: officer.id, recordedAt: new Date() });
      await recordStatusChange(manager, { requestId: request.id, from: null, to: 'submitted', reasonCode: 'intake', by: officer.id });

      const findable = dto.intakeConsent.agreesToBeFound;
      await this.insertPerson(manager, officer, request, dto.enquirer, 0, 'enquirer', findable);
      for (const [index, sought] of dto.soughtPeople.entries()) {
        await this.insertPerson(manager, officer, request, sought, index + 1, `soughtPeople.${index}`, findable);
      }
      await this.audit.record(
        { actor: officer, action: 'tracing_request.created', entityType: 'tracing_request', entityId: request.id },
        manager,
      );
      return request.id;
    });
    this.relay.kick();
    return this.reader.load(officer, id);
  }

  async update(officer: AuthenticatedUser, id: string, dto: UpdateTracingRequestDto): Promise<TracingRequest> {
    await this.dataSource.transaction(async (manager) => {
      const request = await lockOwnRequest(manager, officer, id);
      if (!isEditable(request.lifecycle)) throw new IllegalTransitionError(request.status, 'updated');
      if (request.version !== dto.version) throw new VersionConflictError('tracing request', dto.version, request.version);
      if (dto.caseworkerId) await assertCaseworkerOf(manager, officer.organisationId, dto.caseworkerId, 'caseworkerId');

      await manager.update(
        TracingRequest,
        { id },
        {
          version: request.version + 1,
          ...(dto.circumstances !== undefined && {
            circumstances: await this.vault.seal({ id, type: 'request' }, 'circumstances', dto.circumstances),
          }),
          ...(dto.safeguardingFlags !== undefined && { safeguardingFlags: dto.safeguardingFlags }),
          ...(dto.caseworkerId !== undefined && { caseworkerId: dto.caseworkerId }),
        },
      );
      for (const [index, change] of (dto.persons ?? []).entries()) {
        const person = await manager.findOne(PersonRecord, {
          where: { id: change.id, requestId: id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!person) throw new NotFoundError('person');
        if (person.role === 'enquirer' && change.relationshipToEnquirer) {
          throw new InvalidInputError(`persons.${index}.relationshipToEnquirer`, 'the enquirer has no relationship to themselves');
        }
        const version = person.version + 1;
        const details = personDetails(change, todayUtc(), `persons.${index}`);
        await manager.update(
          PersonRecord,
          { id: person.id },
          {
            ...(await sealPersonDetails(this.vault, person.id, details)),
            ...(change.relationshipToEnquirer && { relationshipToEnquirer: change.relationshipToEnquirer }),
            version,
          },
        );
        await replaceNames(manager, this.vault, { id: person.id, placeOfBirth: details.placeOfBirth }, change.names);
        await saveContact(manager, this.vault, person.id, change.contact);
        const isTarget = person.role === 'sought' || (await isEnquirerFindable(manager, id));
        const forMatching = toPersonForMatching({ ...person, ...details }, change.names);
        await replaceNameKeys(manager, this.index, forMatching, request.organisationId, isTarget);
        await writeMatchPersonToOutbox(manager, { personId: person.id, personVersion: version });
      }
      const nextPosition = (await manager.maximum(PersonRecord, 'position', { requestId: id })) ?? 0;
      for (const [index, sought] of (dto.addSoughtPeople ?? []).entries()) {
        await this.insertPerson(manager, officer, request, sought, nextPosition + index + 1, `addSoughtPeople.${index}`, false);
      }
      await refreshRequestStatus(manager, id, { reasonCode: 'updated', by: officer.id });
      await this.audit.record({ actor: officer, action: 'tracing_request.updated', entityType: 'tracing_request', entityId: id }, manager);
    });
    this.relay.kick();
    return this.reader.load(officer, id);
  }

  async withdraw(officer: AuthenticatedUser, id: string, reasonCode: WithdrawalReasonCode): Promise<TracingRequest> {
    const counterparts = await this.dataSource.transaction(async (manager) => {
      const request = await lockOwnRequest(manager, officer, id);
      const others = await counterpartsInReview(manager, id);
      await changeLifecycle(manager, request, 'withdrawn', { reasonCode, by: officer.id });
      await withdrawFromMatching(manager, id);
      await this.audit.record(
        { actor: officer, action: 'tracing_request.withdrawn', entityType: 'tracing_request', entityId: id, reasonCode },
        manager,
      );
      return others;
    });
    // Sought people of other requests whose only candidates were with this one search again.
    await settleCounterparts(this.dataSource, counterparts, officer.id);
    return this.reader.load(officer, id);
  }

  private async insertPerson(
    manager: EntityManager,
    officer: AuthenticatedUser,
    request: TracingRequest,
    input: EnquirerInputDto | SoughtPersonInputDto,
    position: number,
    field: string,
    enquirerFindable: boolean,
  ): Promise<void> {
    const isEnquirer = position === 0;
    // The id is made here, so the person's key exists to seal their details before the first write.
    const id = randomUUID();
    const details = personDetails(input, todayUtc(), field);
    const person = await manager.save(
      PersonRecord,
      manager.create(PersonRecord, {
        ...(await sealPersonDetails(this.vault, id, details)),
        id,
        requestId: request.id,
        organisationId: request.organisationId,
        role: isEnquirer ? 'enquirer' : 'sought',
        position,
        // The enquirer consented at intake; a sought person has not been asked yet.
        legalBasis: isEnquirer ? 'consent' : 'vital_interest',
        relationshipToEnquirer: isEnquirer ? null : (input as SoughtPersonInputDto).relationshipToEnquirer,
        preferredLanguage: isEnquirer ? ((input as EnquirerInputDto).preferredLanguage ?? null) : null,
        status: isEnquirer ? null : 'submitted',
      }),
    );
    await replaceNames(manager, this.vault, { id, placeOfBirth: details.placeOfBirth }, input.names);
    await saveContact(manager, this.vault, person.id, input.contact);
    // A sought person is searched for on vital interest; an enquirer only if they agreed to be found.
    const forMatching = toPersonForMatching({ ...person, ...details }, input.names);
    await replaceNameKeys(manager, this.index, forMatching, request.organisationId, !isEnquirer || enquirerFindable);
    if (!isEnquirer) {
      await recordStatusChange(manager, {
        requestId: request.id,
        personId: person.id,
        from: null,
        to: 'submitted',
        reasonCode: 'intake',
        by: officer.id,
      });
    }
    await writeMatchPersonToOutbox(manager, { personId: person.id, personVersion: person.version });
  }
}

async function isEnquirerFindable(manager: EntityManager, requestId: string): Promise<boolean> {
  return (await manager.findOneByOrFail(IntakeConsent, { requestId })).agreesToBeFound;
}

/** Locks a request of the caller's organisation; another organisation's id is "not found". */
export async function lockOwnRequest(manager: EntityManager, user: AuthenticatedUser, id: string): Promise<TracingRequest> {
  const request = await manager.findOne(TracingRequest, {
    where: { id, organisationId: user.organisationId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!request) throw new NotFoundError('tracing request');
  return request;
}

async function assertCaseworkerOf(manager: EntityManager, organisationId: string, userId: string, field: string): Promise<void> {
  const user = await manager.findOneBy(User, { id: userId, organisationId, isActive: true });
  if (!user || !user.roles.includes('caseworker'))
    throw new InvalidInputError(field, `${field} must name an active caseworker of your organisation`);
}
