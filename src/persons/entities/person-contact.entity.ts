import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The sensitive part of a person record: how to reach them and where they are now.
 * Kept in its own table so that no query of the person record can carry it by accident;
 * only the staff assigned to the request read it (others: break-glass, audited).
 */
@Entity('person_contact')
export class PersonContact {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'contact_details', type: 'text', nullable: true })
  contactDetails: string | null;

  @Column({ name: 'current_whereabouts', type: 'text', nullable: true })
  currentWhereabouts: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
