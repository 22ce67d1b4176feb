/**
 * What the engine knows of a person record: plain readonly data, no framework types.
 * The service maps its entities to this shape; the engine never sees contact details or free text.
 */
export type EngineNamePart = 'given' | 'family' | 'father' | 'grandfather' | 'mother' | 'alias' | 'nickname' | 'full';
export type EngineSex = 'female' | 'male' | 'other' | 'unknown';
export type EngineRole = 'enquirer' | 'sought';

export interface PersonForMatching {
  readonly id: string;
  readonly role: EngineRole;
  readonly names: ReadonlyArray<{ readonly value: string; readonly part: EngineNamePart }>;
  readonly sex: EngineSex;
  /** Gregorian range of possible birth dates (ISO), or null when unknown */
  readonly birth: { readonly earliest: string; readonly latest: string } | null;
  readonly placeOfBirth?: { readonly text?: string | null; readonly country?: string | null } | null;
  readonly lastKnownCountry?: string | null;
}

/** Version written on every key and candidate: a change to keys or scores must bump it. */
export const MATCHER_VERSION = 8;
