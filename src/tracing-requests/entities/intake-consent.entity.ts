import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TracingRequest } from './tracing-request.entity.js';

/** The enquirer's consents given at intake, and the information notice they were shown. */
@Entity('intake_consent')
export class IntakeConsent {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @OneToOne(() => TracingRequest, (request) => request.intakeConsent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<TracingRequest>;

  /** Consent to the processing of their data for the search; a request cannot exist without it. */
  @Column({ name: 'consents_to_processing', type: 'boolean' })
  consentsToProcessing: boolean;

  /** Whether others who search for the enquirer may find them. */
  @Column({ name: 'agrees_to_be_found', type: 'boolean' })
  agreesToBeFound: boolean;

  /** Whether the enquirer agrees that the found person may learn who is searching. */
  @Column({ name: 'agrees_to_identity_shared', type: 'boolean' })
  agreesToIdentityShared: boolean;

  @Column({ name: 'information_notice_version', type: 'text' })
  informationNoticeVersion: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
