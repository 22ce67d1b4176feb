import { Column, CreateDateColumn, Entity, OneToMany, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { PersonRecord } from '../../persons/entities/person-record.entity.js';
import type { CoarseStatus, RequestLifecycle, RequestStatus, SafeguardingFlag } from '../request-vocabulary.js';
import { IntakeConsent } from './intake-consent.entity.js';

@Entity('tracing_request')
export class TracingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference, e.g. TR-2026-000123; unique in the database. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ name: 'caseworker_id', type: 'uuid', nullable: true })
  caseworkerId: string | null;

  @Column({ type: 'text' })
  lifecycle: RequestLifecycle;

  /** Derived from the lifecycle and the sought people (request-lifecycle.ts), stored for filtering. */
  @Column({ type: 'text' })
  status: RequestStatus;

  /**
   * The day (UTC, YYYY-MM-DD) the coarse, survivor-facing status last changed. Kept by a database
   * trigger on every status write (migration 1764400000000), so the application never writes it.
   */
  @Column({ name: 'coarse_status_since', type: 'date', insert: false, update: false })
  coarseStatusSince: string;

  /** The day of intake or of the last reopening: the search period counts from it (trigger-kept). */
  @Column({ name: 'search_started_on', type: 'date', insert: false, update: false })
  searchStartedOn: string;

  /**
   * What the enquirer hears and since when: the coarse status, except that the search period's end
   * reads "ended" for every search without news (migration 1764500000000, decision 0018).
   */
  @Column({ name: 'enquirer_status', type: 'text', insert: false, update: false })
  enquirerStatus: CoarseStatus;

  @Column({ name: 'enquirer_status_since', type: 'date', insert: false, update: false })
  enquirerStatusSince: string;

  @Column({ type: 'text', nullable: true })
  circumstances: string | null;

  @Column({ name: 'safeguarding_flags', type: 'text', array: true, default: () => "'{}'" })
  safeguardingFlags: SafeguardingFlag[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => PersonRecord, (person) => person.request)
  persons: Relation<PersonRecord>[];

  @OneToOne(() => IntakeConsent, (consent) => consent.request)
  intakeConsent: Relation<IntakeConsent>;
}
