import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Decision } from '../review-vocabulary.js';

/** One reviewer's decision on a candidate, in the order made; the candidate's state follows from all of them. */
@Entity('review_decision')
export class ReviewDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  /** the reviewer's organisation: under a sharing agreement each side confirms for itself */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  decision: Decision;

  @Column({ name: 'reason_code', type: 'text' })
  reasonCode: string;

  /** Free text, for staff only; erased with the person (never copied into the audit trail). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'candidate_version', type: 'integer' })
  candidateVersion: number;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}
