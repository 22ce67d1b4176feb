import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReviewStatus } from '../../review/review-vocabulary.js';

/** A pair of person records that may be one human, as the matcher scored it; reviewers decide. */
@Entity('candidate_match')
export class CandidateMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** The pair is stored ordered (a < b), so one row stands for both directions. */
  @Column({ name: 'person_a_id', type: 'uuid' })
  personAId: string;

  @Column({ name: 'person_b_id', type: 'uuid' })
  personBId: string;

  @Column({ name: 'matcher_version', type: 'integer' })
  matcherVersion: number;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'text' })
  band: 'high' | 'medium' | 'low';

  @Column({ type: 'text' })
  roles: string;

  /** The engine's explanation: field outcomes, weights and aligned name tokens (derived keys, not raw names). */
  @Column({ type: 'jsonb' })
  evidence: unknown;

  @Column({ name: 'review_status', type: 'text', default: 'pending' })
  reviewStatus: ReviewStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The versions of the two records this score is for; a decision binds the pair at them. */
  @Column({ name: 'person_a_version', type: 'integer' })
  personAVersion: number;

  @Column({ name: 'person_b_version', type: 'integer' })
  personBVersion: number;

  /** A reviewer's lease: nobody else decides until it expires or is released. */
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
