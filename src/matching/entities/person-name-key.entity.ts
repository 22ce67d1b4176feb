import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One blocking key of a person record (see engine/blocking-keys.ts). */
@Entity('person_name_key')
export class PersonNameKey {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'is_target', type: 'boolean' })
  isTarget: boolean;

  @Column({ name: 'matcher_version', type: 'integer' })
  matcherVersion: number;
}
