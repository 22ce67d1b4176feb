/**
 * Tracing-request bodies for the load run: made-up names from syllables (no real person's data),
 * so most new requests meet no candidate, and reciprocal pairs (two requests looking for each
 * other, one name in Arabic script) that give the review queue real candidates. Pure.
 */
import type { Prng } from '../datasets/prng.js';

const SYLLABLES = ['ba', 'ko', 'ri', 'tu', 'ne', 'ma', 'zo', 'li', 'pe', 'du', 'ga', 'vi', 'sha', 'ye', 'no', 'ha'];

/** A made-up name of five syllables, capitalised. */
export function madeUpName(prng: Prng): string {
  let name = '';
  for (let i = 0; i < 5; i += 1) name += SYLLABLES[prng.int(SYLLABLES.length)];
  return name[0].toUpperCase() + name.slice(1);
}

interface PersonSpec {
  name: string;
  script: 'Latn' | 'Arab';
  sex: 'female' | 'male';
  year: number;
}

function requestBody(enquirer: PersonSpec, sought: PersonSpec, caseworkerId: string) {
  const person = (p: PersonSpec) => ({
    names: [{ value: p.name, part: 'full', script: p.script }],
    sex: p.sex,
    birthDate: { kind: 'year', year: p.year },
  });
  return {
    enquirer: { ...person(enquirer), preferredLanguage: 'en', contact: { contactDetails: 'Phone +000 555 0100 (load test)' } },
    soughtPeople: [{ relationshipToEnquirer: 'sibling', ...person(sought) }],
    intakeConsent: {
      consentsToProcessing: true,
      agreesToBeFound: true,
      agreesToIdentityShared: false,
      informationNoticeVersion: '2026-01',
    },
    caseworkerId,
  };
}

/** A request for someone nobody else looks for (the usual case). */
export function loneRequestBody(prng: Prng, caseworkerId: string) {
  const year = prng.between(1950, 2010);
  return requestBody(
    { name: `${madeUpName(prng)} ${madeUpName(prng)}`, script: 'Latn', sex: 'female', year },
    { name: `${madeUpName(prng)} ${madeUpName(prng)}`, script: 'Latn', sex: 'male', year: year + prng.between(-5, 5) },
    caseworkerId,
  );
}

/** Amina seeks Omar, and Omar (his name in Arabic script) seeks Amina: the matcher pairs them for review. */
export function reciprocalPairBodies(prng: Prng, caseworkerId: string) {
  const family = madeUpName(prng);
  const year = prng.between(1950, 2000);
  const amina: PersonSpec = { name: `Amina ${family}`, script: 'Latn', sex: 'female', year };
  const omar: PersonSpec = { name: `Omar ${family}`, script: 'Latn', sex: 'male', year: year + 3 };
  return [requestBody(amina, omar, caseworkerId), requestBody({ ...omar, name: `عمر ${family}`, script: 'Arab' }, amina, caseworkerId)];
}
