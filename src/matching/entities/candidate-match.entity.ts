import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
  reviewStatus: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
