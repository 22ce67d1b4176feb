import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { NamePart } from '../person-vocabulary.js';
import { PersonRecord } from './person-record.entity.js';

/** One name as recorded, byte for byte, with its script and part. Order in the list is kept in `position`. */
@Entity('name_variant')
export class NameVariant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonRecord, (person) => person.names, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person: Relation<PersonRecord>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  part: NamePart;

  @Column({ type: 'text' })
  value: string;

  /** ISO 15924 script code as recorded (Arab, Latn, Cyrl, Ethi ...), when known. */
  @Column({ type: 'text', nullable: true })
  script: string | null;

  /** BCP 47 language tag as recorded (ar, fa, ps, ti, uk ...), when known. */
  @Column({ type: 'text', nullable: true })
  language: string | null;
}
