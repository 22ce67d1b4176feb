import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './role.js';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id hash; null until the user has set a password with a one-time code. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  /** Bumped on deactivation, role change and password reset: tokens carry it, so older tokens stop working at once. */
  @Column({ name: 'session_generation', type: 'integer', default: 0 })
  sessionGeneration: number;

  /** Failed logins in the current window (password or second factor); security bookkeeping, see login-lockout.ts. */
  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'failed_login_window_start', type: 'timestamptz', nullable: true })
  failedLoginWindowStart: Date | null;

  /** Every login is refused until then (with the same answer as a wrong password). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
