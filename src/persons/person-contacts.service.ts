import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { ForbiddenActionError, NotFoundError } from '../common/errors/domain-errors.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import type { BreakGlassReason, ContactResponseDto } from './dto/contact-response.dto.js';
import type { ContactDto } from './dto/person-input.dto.js';
import { PersonContact } from './entities/person-contact.entity.js';
import { PersonRecord } from './entities/person-record.entity.js';
import { FieldVault } from '../key-store/field-vault.js';
import { openContact, saveContact } from './person-writer.js';

/**
 * Contact details and whereabouts: readable by the officer and caseworker assigned to the request;
 * anyone else of the organisation only by a break-glass read with a reason code. Every read is audited.
 */
@Injectable()
export class PersonContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  async read(user: AuthenticatedUser, requestId: string, personId: string): Promise<ContactResponseDto> {
    const request = await this.findOwn(user, requestId, personId);
    if (!isAssigned(user, request)) {
      await this.audit.record({
        actor: user,
        action: 'person_contact.read',
        entityType: 'person_record',
        entityId: personId,
        requestId,
        outcome: 'denied',
      });
      throw new ForbiddenActionError('only the staff assigned to this request read contact details; others use a break-glass read');
    }
    return this.readAudited(user, requestId, personId, 'person_contact.read');
  }

  async breakGlass(
    user: AuthenticatedUser,
    requestId: string,
    personId: string,
    reasonCode: BreakGlassReason,
  ): Promise<ContactResponseDto> {
    await this.findOwn(user, requestId, personId);
    return this.readAudited(user, requestId, personId, 'person_contact.break_glass_read', reasonCode);
  }

  async update(user: AuthenticatedUser, requestId: string, personId: string, contact: ContactDto): Promise<ContactResponseDto> {
    const request = await this.findOwn(user, requestId, personId);
    if (!isAssigned(user, request)) throw new ForbiddenActionError('only the staff assigned to this request change contact details');
    await this.dataSource.transaction(async (manager) => {
      await saveContact(manager, this.vault, personId, {
        contactDetails: contact.contactDetails,
        currentWhereabouts: contact.currentWhereabouts,
      });
      await this.audit.record(
        { actor: user, action: 'person_contact.updated', entityType: 'person_record', entityId: personId, requestId },
        manager,
      );
    });
    return this.readAudited(user, requestId, personId, 'person_contact.read');
  }

  private async readAudited(
    user: AuthenticatedUser,
    requestId: string,
    personId: string,
    action: string,
    reasonCode?: string,
  ): Promise<ContactResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record({ actor: user, action, entityType: 'person_record', entityId: personId, requestId, reasonCode }, manager);
      const contact = await openContact(this.vault, personId, await manager.findOneBy(PersonContact, { personId }));
      return {
        personId,
        contactDetails: contact.contactDetails ?? undefined,
        currentWhereabouts: contact.currentWhereabouts ?? undefined,
      };
    });
  }

  private async findOwn(user: AuthenticatedUser, requestId: string, personId: string): Promise<TracingRequest> {
    const request = await this.dataSource.getRepository(TracingRequest).findOneBy({ id: requestId, organisationId: user.organisationId });
    const person = request && (await this.dataSource.getRepository(PersonRecord).findOneBy({ id: personId, requestId }));
    if (!request || !person) throw new NotFoundError('person');
    return request;
  }
}

function isAssigned(user: AuthenticatedUser, request: TracingRequest): boolean {
  return (hasRole(user, 'officer') && request.officerId === user.id) || (hasRole(user, 'caseworker') && request.caseworkerId === user.id);
}
