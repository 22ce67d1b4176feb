import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A National Society, a branch or the ICRC: the unit that owns records and users. */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Short, stable code used in logins and references (e.g. `demo-a`). */
  @Column({ type: 'text' })
  code: string;

  /** Set by the organisation's admin: users without an active TOTP may then only enrol. */
  @Column({ name: 'second_factor_required', type: 'boolean', default: false })
  secondFactorRequired: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
