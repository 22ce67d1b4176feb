import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A user's TOTP: pending until confirmed with a valid code. The secret is stored only sealed (totp-secret-box.ts). */
@Entity('user_totp')
export class UserTotp {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'secret_ciphertext', type: 'text', select: false })
  secretCiphertext: string;

  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The newest time step a code was accepted for; older and equal steps are refused (no replay). */
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true })
  lastUsedStep: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
