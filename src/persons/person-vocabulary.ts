/** Closed vocabularies of a person record; the migration repeats them as CHECK constraints. */
export const PERSON_ROLES = ['enquirer', 'sought'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const NAME_PARTS = ['given', 'family', 'father', 'grandfather', 'mother', 'alias', 'nickname', 'full'] as const;
export type NamePart = (typeof NAME_PARTS)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const LEGAL_BASES = ['consent', 'vital_interest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const RELATIONSHIPS = [
  'parent',
  'child',
  'sibling',
  'spouse',
  'grandparent',
  'grandchild',
  'aunt_uncle',
  'niece_nephew',
  'cousin',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const CALENDARS = ['gregorian', 'ethiopian', 'solar_hijri'] as const;
export type Calendar = (typeof CALENDARS)[number];

export const BIRTH_DATE_KINDS = ['exact', 'year', 'range', 'age_at', 'unknown'] as const;
export type BirthDateKind = (typeof BIRTH_DATE_KINDS)[number];
