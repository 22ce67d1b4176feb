/** A valid tracing request with names in Arabic, Latin, Cyrillic and Ge'ez scripts. */
export function makeRequestBody(overrides: Record<string, unknown> = {}) {
  return {
    enquirer: {
      names: [
        { value: 'فاطمة', part: 'given', script: 'Arab', language: 'ar' },
        { value: 'الحسن', part: 'family', script: 'Arab', language: 'ar' },
        { value: 'Fatima al-Hassan', part: 'full', script: 'Latn' },
      ],
      sex: 'female',
      birthDate: { kind: 'year', calendar: 'gregorian', year: 1979 },
      preferredLanguage: 'ar',
      contact: { contactDetails: 'Phone +000 555 0101 (test)', currentWhereabouts: 'Shelter 4, test city' },
    },
    soughtPeople: [
      {
        relationshipToEnquirer: 'child',
        names: [
          { value: 'Юсуф', part: 'given', script: 'Cyrl', language: 'ru' },
          { value: 'Youssef', part: 'given', script: 'Latn' },
          { value: 'ዮሴፍ', part: 'given', script: 'Ethi', language: 'ti' },
          { value: 'محمد', part: 'father', script: 'Arab', language: 'ar' },
        ],
        sex: 'male',
        birthDate: { kind: 'age_at', age: 14, ageAt: '2024-03-01', original: 'about fourteen when we were separated' },
        placeOfBirth: { place: 'حلب', country: 'SY' },
        lastKnownPlace: { place: 'Border crossing near a test town', country: 'TR', date: '2024-03-01' },
        languages: ['ar', 'tr'],
      },
    ],
    intakeConsent: {
      consentsToProcessing: true,
      agreesToBeFound: true,
      agreesToIdentityShared: false,
      informationNoticeVersion: '2026-01',
    },
    circumstances: 'Separated at a border crossing (test record).',
    ...overrides,
  };
}

/** A made-up name no other test uses, so a request meets no candidate unless a test wants one. */
export function uniqueName(): string {
  const syllables = ['ba', 'ko', 'ri', 'tu', 'ne', 'ma', 'zo', 'li', 'pe', 'du', 'ga', 'vi'];
  let name = '';
  for (let i = 0; i < 5; i += 1) name += syllables[Math.floor(Math.random() * syllables.length)];
  return name[0].toUpperCase() + name.slice(1);
}

/** A valid request whose sought person carries a unique name. */
export function makeUniqueRequestBody() {
  const body = makeRequestBody();
  body.soughtPeople[0].names = [{ value: `${uniqueName()} ${uniqueName()}`, part: 'full', script: 'Latn' } as never];
  return body;
}
