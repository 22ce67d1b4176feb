import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { TracingRequest } from '../../tracing-requests/entities/tracing-request.entity.js';
import type { SoughtPersonStatus } from '../../tracing-requests/request-vocabulary.js';
import type { BirthDateKind, Calendar, LegalBasis, PersonRole, Relationship, Sex } from '../person-vocabulary.js';
import type { BirthDateInput } from '../birth-dates/birth-date-input.js';
import { NameVariant } from './name-variant.entity.js';

/** The enquirer or a sought person of a request. Contact details and whereabouts live apart, in person_contact. */
@Entity('person_record')
export class PersonRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => TracingRequest, (request) => request.persons, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: Relation<TracingRequest>;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  role: PersonRole;

  /** Order within the request: the enquirer is 0, sought people follow in the order given. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'relationship_to_enquirer', type: 'text', nullable: true })
  relationshipToEnquirer: Relationship | null;

  @Column({ type: 'text', default: 'unknown' })
  sex: Sex;

  @Column({ name: 'birth_date_kind', type: 'text', default: 'unknown' })
  birthDateKind: BirthDateKind;

  @Column({ name: 'birth_calendar', type: 'text', nullable: true })
  birthCalendar: Calendar | null;

  /** The birth date as the officer entered it (structured, in its own calendar). */
  @Column({ name: 'birth_date_input', type: 'jsonb', nullable: true })
  birthDateInput: BirthDateInput | null;

  /** The words as told ("about 30 in 2020", "born in the year of the flood"). */
  @Column({ name: 'birth_date_original', type: 'text', nullable: true })
  birthDateOriginal: string | null;

  /** Gregorian range derived from the input; both null when unknown. */
  @Column({ name: 'birth_earliest', type: 'date', nullable: true })
  birthEarliest: string | null;

  @Column({ name: 'birth_latest', type: 'date', nullable: true })
  birthLatest: string | null;

  /** Sealed with the person's key, as are last_known_place, birth_date_original and the names (decision 0028). */
  @Column({ name: 'place_of_birth', type: 'text', nullable: true })
  placeOfBirth: string | null;

  @Column({ name: 'place_of_birth_country', type: 'char', length: 2, nullable: true })
  placeOfBirthCountry: string | null;

  @Column({ name: 'last_known_place', type: 'text', nullable: true })
  lastKnownPlace: string | null;

  @Column({ name: 'last_known_country', type: 'char', length: 2, nullable: true })
  lastKnownCountry: string | null;

  @Column({ name: 'last_known_date', type: 'date', nullable: true })
  lastKnownDate: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  nationality: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  /** The language status messages are given in (the enquirer's). */
  @Column({ name: 'preferred_language', type: 'text', nullable: true })
  preferredLanguage: string | null;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: LegalBasis;

  /** Lifecycle status of a sought person; null for the enquirer. */
  @Column({ type: 'text', nullable: true })
  status: SoughtPersonStatus | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Names and place of birth as the matcher reads them, sealed as one value (persons/sealed-person.ts). */
  @Column({ name: 'match_profile', type: 'text', nullable: true, select: false })
  matchProfile: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => NameVariant, (name) => name.person)
  names: Relation<NameVariant>[];
}
