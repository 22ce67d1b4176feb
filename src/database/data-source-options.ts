import type { DataSourceOptions } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { CandidateMatch } from '../matching/entities/candidate-match.entity.js';
import { PersonNameKey } from '../matching/entities/person-name-key.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { WebhookReceiver } from '../notifications/webhook-receiver.entity.js';
import { NameVariant } from '../persons/entities/name-variant.entity.js';
import { PersonContact } from '../persons/entities/person-contact.entity.js';
import { PersonRecord } from '../persons/entities/person-record.entity.js';
import { IntakeConsent } from '../tracing-requests/entities/intake-consent.entity.js';
import { StatusChange } from '../tracing-requests/entities/status-change.entity.js';
import { TracingRequest } from '../tracing-requests/entities/tracing-request.entity.js';
import { RecoveryCode } from '../second-factor/recovery-code.entity.js';
import { UserTotp } from '../second-factor/user-totp.entity.js';
import { ReviewDecision } from '../review/entities/review-decision.entity.js';
import { PasswordSetupCode } from '../users/password-setup-code.entity.js';
import { User } from '../users/user.entity.js';
import { InitialSchema1764140000000 } from './migrations/1764140000000-InitialSchema.js';
import { PersonNameKeys1764200000000 } from './migrations/1764200000000-PersonNameKeys.js';
import { CandidateMatches1764210000000 } from './migrations/1764210000000-CandidateMatches.js';
import { BlockingProbe1764300000000 } from './migrations/1764300000000-BlockingProbe.js';
import { CoarseStatusSince1764400000000 } from './migrations/1764400000000-CoarseStatusSince.js';
import { WebhookNotifications1764410000000 } from './migrations/1764410000000-WebhookNotifications.js';
import { ReviewWorkflow1764420000000 } from './migrations/1764420000000-ReviewWorkflow.js';
import { ConsentAndDisclosure1764430000000 } from './migrations/1764430000000-ConsentAndDisclosure.js';
import { SharingAgreements1764440000000 } from './migrations/1764440000000-SharingAgreements.js';
import { AuditContext1764450000000 } from './migrations/1764450000000-AuditContext.js';
import { SecondFactorAndLockout1764470000000 } from './migrations/1764470000000-SecondFactorAndLockout.js';
import { ErasureTombstones1764480000000 } from './migrations/1764480000000-ErasureTombstones.js';
import { Retention1764490000000 } from './migrations/1764490000000-Retention.js';
import { EnquirerStatus1764500000000 } from './migrations/1764500000000-EnquirerStatus.js';
import { ConsoleSessions1764510000000 } from './migrations/1764510000000-ConsoleSessions.js';
import { SealedFreeTexts1764550000000 } from './migrations/1764550000000-SealedFreeTexts.js';
import { SealedNamesAndBlindKeys1764580000000 } from './migrations/1764580000000-SealedNamesAndBlindKeys.js';

export const ENTITIES = [
  Organisation,
  User,
  PasswordSetupCode,
  TracingRequest,
  IntakeConsent,
  PersonRecord,
  PersonContact,
  NameVariant,
  StatusChange,
  OutboxMessage,
  AuditEvent,
  PersonNameKey,
  CandidateMatch,
  ReviewDecision,
  WebhookReceiver,
  UserTotp,
  RecoveryCode,
];

/** Listed explicitly (no globs) so the same list works from compiled JS and from Jest's TypeScript. */
export const MIGRATIONS = [
  InitialSchema1764140000000,
  PersonNameKeys1764200000000,
  CandidateMatches1764210000000,
  BlockingProbe1764300000000,
  CoarseStatusSince1764400000000,
  WebhookNotifications1764410000000,
  ReviewWorkflow1764420000000,
  ConsentAndDisclosure1764430000000,
  SharingAgreements1764440000000,
  AuditContext1764450000000,
  SecondFactorAndLockout1764470000000,
  ErasureTombstones1764480000000,
  Retention1764490000000,
  EnquirerStatus1764500000000,
  ConsoleSessions1764510000000,
  SealedFreeTexts1764550000000,
  SealedNamesAndBlindKeys1764580000000,
];

/** Schema changes only through migrations: `synchronize` stays off everywhere. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 10 },
  };
}
