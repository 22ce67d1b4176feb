import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReceiverAudience } from './notification-events.js';

/** A URL of an organisation that is told, by ids only, when its staff (or its enquirer-facing service) has something to act on. */
@Entity('webhook_receiver')
export class WebhookReceiver {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  audience: ReceiverAudience;

  /** Read only by the delivery worker, never listed. */
  @Column({ name: 'signing_secret', type: 'text', select: false })
  signingSecret: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
