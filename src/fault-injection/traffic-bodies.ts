/**
 * Synthetic tracing requests for the fault run. Names come from small pools, so records share names
 * and every match job has candidates to score and store: duplicated candidate pairs could show.
 */
const GIVEN = ['Amina', 'Yusuf', 'Fatima', 'Omar', 'Mariam', 'Ahmed', 'Hana', 'Ali', 'Selam', 'Dawit', 'Olena', 'Taras', 'Leyla', 'Musa'];
const FAMILY = ['Haddad', 'Mekonnen', 'Kovalenko', 'Osman', 'Rahimi', 'Tesfaye', 'Karimi', 'Shevchenko', 'Abdi', 'Nasser'];
const BIRTH_YEARS = Array.from({ length: 60 }, (_, i) => 1950 + i);
const ARABIC_GIVEN: Record<string, string> = { Amina: 'أمينة', Yusuf: 'يوسف', Fatima: 'فاطمة', Omar: 'عمر', Ahmed: 'أحمد', Ali: 'علي' };

type Pick = <T>(items: readonly T[]) => T;

export function randomPick(random: () => number = Math.random): Pick {
  return (items) => items[Math.floor(random() * items.length)];
}

/** A person's names: a full Latin name, and the given name in Arabic script when the pool has one. */
export function personNames(pick: Pick) {
  const given = pick(GIVEN);
  const names: { value: string; part: string; script: string }[] = [{ value: `${given} ${pick(FAMILY)}`, part: 'full', script: 'Latn' }];
  if (ARABIC_GIVEN[given] && pick([true, false])) names.push({ value: ARABIC_GIVEN[given], part: 'given', script: 'Arab' });
  return names;
}

function personDetails(pick: Pick) {
  return {
    names: personNames(pick),
    sex: pick(['female', 'male', 'unknown']),
    birthDate: { kind: 'year', calendar: 'gregorian', year: pick(BIRTH_YEARS) },
  };
}

export function createBody(pick: Pick) {
  return {
    enquirer: personDetails(pick),
    soughtPeople: [{ relationshipToEnquirer: pick(['child', 'parent', 'sibling', 'spouse']), ...personDetails(pick) }],
    intakeConsent: {
      consentsToProcessing: true,
      agreesToBeFound: pick([true, false]),
      agreesToIdentityShared: false,
      informationNoticeVersion: '2026-01',
    },
  };
}

/** An edit of one person's details: a new version of that record, to be matched again. */
export function editBody(pick: Pick, requestVersion: number, personId: string) {
  return { version: requestVersion, persons: [{ id: personId, ...personDetails(pick) }] };
}
