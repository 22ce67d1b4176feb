import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type AuthenticatedUser, hasRole } from '../auth/authenticated-user.js';
import { NotFoundError } from '../common/errors/domain-errors.js';
import { FieldVault } from '../key-store/field-vault.js';
import { CandidateMatch } from '../matching/entities/candidate-match.entity.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { openPersonRecord } from '../persons/sealed-person.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { assertReviewable, loadSides, ownRequest } from './candidate-sides.js';
import { ReviewDecision } from './entities/review-decision.entity.js';

/** The fields a reviewer compares; a record of another organisation shows only the first group. */
function matchingFields(person: PersonRecord) {
  return {
    role: person.role,
    names: [...person.names]
      .sort((x, y) => x.position - y.position)
      .map((n) => ({ value: n.value, part: n.part, script: n.script ?? undefined, language: n.language ?? undefined })),
    sex: person.sex,
    birthDate:
      person.birthDateKind === 'unknown'
        ? undefined
        : { kind: person.birthDateKind, calendar: person.birthCalendar, earliest: person.birthEarliest, latest: person.birthLatest },
    placeOfBirth: person.placeOfBirth ?? undefined,
    placeOfBirthCountry: person.placeOfBirthCountry ?? undefined,
    lastKnownCountry: person.lastKnownCountry ?? undefined,
  };
}

function mayReadCircumstances(user: AuthenticatedUser, request: TracingRequest): boolean {
  return hasRole(user, 'officer') || (hasRole(user, 'caseworker') && request.caseworkerId === user.id);
}

function ownOrganisationFields(person: PersonRecord, request: TracingRequest, user: AuthenticatedUser) {
  return {
    relationshipToEnquirer: person.relationshipToEnquirer ?? undefined,
    status: person.status ?? undefined,
    lastKnownPlace: person.lastKnownPlace ?? undefined,
    lastKnownDate: person.lastKnownDate ?? undefined,
    nationality: person.nationality ?? undefined,
    request: {
      id: request.id,
      reference: request.reference,
      status: request.status,
      safeguardingFlags: request.safeguardingFlags,
      circumstances: mayReadCircumstances(user, request) ? (request.circumstances ?? undefined) : undefined,
    },
  };
}

/**
 * The side-by-side view of a candidate: both records' matching-relevant fields, their requests (of
 * the reviewer's organisation only; circumstances only for roles that may read them), the matcher's
 * explanation and the decisions so far. Every record shown is audited.
 */
@Injectable()
export class CandidateViewReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vault: FieldVault,
  ) {}

  async read(user: AuthenticatedUser, candidateId: string) {
    const sides = await loadSides(this.dataSource.manager, candidateId);
    await assertReviewable(this.dataSource.manager, user, sides);
    const candidate = await this.dataSource.getRepository(CandidateMatch).findOneBy({ id: candidateId });
    if (!candidate) throw new NotFoundError('candidate match');
    const people = await this.dataSource.getRepository(PersonRecord).find({
      where: { id: In(sides.map((s) => s.personId)) },
      relations: { names: true, request: true },
    });
    const decisions = await this.dataSource.getRepository(ReviewDecision).find({ where: { candidateId }, order: { decidedAt: 'ASC' } });
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        {
          actor: user,
          action: 'candidate_match.read',
          entityType: 'candidate_match',
          entityId: candidateId,
          requestId: ownRequest(user, sides),
        },
        manager,
      );
      for (const person of people) {
        await this.audit.record(
          { actor: user, action: 'person_record.read', entityType: 'person_record', entityId: person.id, requestId: person.requestId },
          manager,
        );
      }
    });
    // Sealed texts are opened only where they are shown: names and places to a reviewer of the
    // pair, circumstances and notes of the caller's own requests only.
    for (const person of people) {
      await openPersonRecord(this.vault, person);
      const own = person.request.organisationId === user.organisationId;
      const request = person.request;
      request.circumstances =
        own && mayReadCircumstances(user, request)
          ? await this.vault.open({ id: request.id, type: 'request' }, 'circumstances', request.circumstances)
          : null;
    }
    const notes = await Promise.all(
      decisions.map((d) =>
        d.organisationId === user.organisationId ? this.vault.open({ id: candidateId, type: 'candidate' }, 'decision_note', d.note) : null,
      ),
    );
    const claimLive = candidate.claimExpiresAt !== null && candidate.claimExpiresAt > new Date();
    return {
      id: candidate.id,
      band: candidate.band,
      score: candidate.score,
      roles: candidate.roles,
      reviewStatus: candidate.reviewStatus,
      version: candidate.version,
      matcherVersion: candidate.matcherVersion,
      createdAt: candidate.createdAt,
      claim: claimLive ? { byYou: candidate.claimedBy === user.id, expiresAt: candidate.claimExpiresAt } : null,
      explanation: candidate.evidence,
      records: sides.map((side) => {
        const person = people.find((p) => p.id === side.personId)!;
        const own = side.organisationId === user.organisationId;
        return {
          personId: person.id,
          ownOrganisation: own,
          safeguarding: side.safeguardingFlags.length > 0,
          ...matchingFields(person),
          ...(own ? ownOrganisationFields(person, person.request, user) : {}),
        };
      }),
      decisions: decisions.map((d, index) => ({
        decision: d.decision,
        reasonCode: d.reasonCode,
        decidedAt: d.decidedAt,
        byYou: d.reviewerId === user.id,
        ownOrganisation: d.organisationId === user.organisationId,
        note: notes[index] ?? undefined,
      })),
    };
  }
}
