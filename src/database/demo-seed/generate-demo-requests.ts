/**
 * The pure part of the demo seed: plain, deterministic tracing requests shaped like the API's input.
 * Most are independent families; a few mirror an earlier request (the sought person searches for
 * the enquirer) or search for the same person as an earlier one, so the matcher has work to do.
 */
import type { CalendarDate } from '../../persons/birth-dates/calendars.js';
import type { EnquirerInputDto, SoughtPersonInputDto } from '../../persons/dto/person-input.dto.js';
import { RELATIONSHIPS, type Relationship } from '../../persons/person-vocabulary.js';
import { SAFEGUARDING_FLAGS, type SafeguardingFlag } from '../../tracing-requests/request-vocabulary.js';
import { newIdentity, relativeOf, renderPerson, type Identity } from './demo-people.js';
import { CIRCUMSTANCES } from './demo-places.js';
import { mulberry32, type Rng } from './prng.js';

export const DEMO_ORGANISATION_CODES = ['demo-a', 'demo-b'] as const;
export type DemoOrganisationCode = (typeof DEMO_ORGANISATION_CODES)[number];
export const DEMO_SEED = 20260101;

export interface DemoRequest {
  organisationCode: DemoOrganisationCode;
  enquirer: EnquirerInputDto;
  soughtPeople: SoughtPersonInputDto[];
  intakeConsent: { agreesToBeFound: boolean; agreesToIdentityShared: boolean };
  circumstances: string | null;
  safeguardingFlags: SafeguardingFlag[];
  /** how this request relates to an earlier one (index in the list), if it does */
  echoes?: { index: number; kind: 'reciprocal' | 'same_sought_person' };
}

export interface GenerateOptions {
  today: CalendarDate;
  seed?: number;
  count?: number;
}

/** What the sought person is to the enquirer, seen from the other side. */
const INVERSE: Record<Relationship, Relationship> = {
  parent: 'child',
  child: 'parent',
  sibling: 'sibling',
  spouse: 'spouse',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  aunt_uncle: 'niece_nephew',
  niece_nephew: 'aunt_uncle',
  cousin: 'cousin',
  other_relative: 'other_relative',
  other: 'other',
};
/** What someone is to the enquirer's sibling, given what they are to the enquirer. */
const VIA_SIBLING: Record<Relationship, Relationship> = {
  parent: 'parent',
  child: 'niece_nephew',
  sibling: 'sibling',
  spouse: 'other_relative',
  grandparent: 'grandparent',
  grandchild: 'other_relative',
  aunt_uncle: 'aunt_uncle',
  niece_nephew: 'other_relative',
  cousin: 'cousin',
  other_relative: 'other_relative',
  other: 'other',
};
const COMMON: readonly Relationship[] = ['child', 'child', 'sibling', 'sibling', 'spouse', 'parent', 'parent'];

interface Family {
  index: number;
  organisationCode: DemoOrganisationCode;
  enquirer: Identity;
  sought: Array<{ person: Identity; relationship: Relationship }>;
  echoed: boolean;
}

export function generateDemoRequests(options: GenerateOptions): DemoRequest[] {
  const { today, seed = DEMO_SEED, count = 200 } = options;
  const rng = mulberry32(seed);
  let contacts = 0;
  const render = { today, contactCounter: () => contacts++ };
  const families: Family[] = [];
  const requests: DemoRequest[] = [];

  for (let index = 0; index < count; index++) {
    const organisationCode = rng.chance(0.75) ? 'demo-a' : 'demo-b';
    const earlier = families.filter((f) => !f.echoed);
    const echo = index >= 8 && earlier.length > 0 && rng.chance(0.1) ? rng.pick(earlier) : null;
    let family: Family;
    let echoes: DemoRequest['echoes'];
    if (echo) {
      echo.echoed = true;
      const grownUps = echo.sought.filter(({ person }) => today.year - person.birth.gregorian.year >= 16);
      if (grownUps.length > 0 && rng.chance(0.5)) {
        // A person sought earlier is looking for the enquirer.
        const target = rng.pick(grownUps);
        const sought = [{ person: echo.enquirer, relationship: INVERSE[target.relationship] }];
        family = { index, organisationCode, enquirer: target.person, sought, echoed: true };
        echoes = { index: echo.index, kind: 'reciprocal' };
      } else {
        // The enquirer's sibling is looking for the same person.
        const target = rng.pick(echo.sought);
        const sought = [{ person: target.person, relationship: VIA_SIBLING[target.relationship] }];
        family = { index, organisationCode, enquirer: relativeOf(echo.enquirer, 'sibling', rng, today), sought, echoed: true };
        echoes = { index: echo.index, kind: 'same_sought_person' };
      }
    } else {
      const enquirer = newIdentity(rng, today);
      const sought = Array.from({ length: rng.chance(0.6) ? 1 : rng.int(2, 3) }, () => {
        const relationship = rng.chance(0.75) ? rng.pick(COMMON) : rng.pick(RELATIONSHIPS);
        return { person: relativeOf(enquirer, relationship, rng, today), relationship };
      });
      family = { index, organisationCode, enquirer, sought, echoed: false };
    }
    families.push(family);
    requests.push({ ...renderRequest(family, rng, render), ...(echoes && { echoes }) });
  }
  return requests;
}

function renderRequest(family: Family, rng: Rng, render: { today: CalendarDate; contactCounter: () => number }): DemoRequest {
  const enquirer: EnquirerInputDto = renderPerson(family.enquirer, rng, { ...render, sought: false });
  enquirer.preferredLanguage = rng.chance(0.85) ? family.enquirer.language : 'en';
  const soughtPeople = family.sought.map(({ person, relationship }): SoughtPersonInputDto => ({
    ...renderPerson(person, rng, { ...render, sought: true }),
    relationshipToEnquirer: relationship,
  }));
  const lastSeen = soughtPeople.find((p) => p.lastKnownPlace?.place)?.lastKnownPlace;
  const circumstances = rng.chance(0.65)
    ? rng
        .pick(CIRCUMSTANCES)
        .replace('{place}', lastSeen?.place ?? 'the border')
        .replace('{year}', lastSeen?.date?.slice(0, 4) ?? String(render.today.year - rng.int(1, 6)))
    : null;
  const flags = new Set<SafeguardingFlag>();
  if (rng.chance(0.1)) flags.add(rng.pick(SAFEGUARDING_FLAGS));
  const minor = family.sought.some(({ person }) => render.today.year - person.birth.gregorian.year < 16);
  if (minor && rng.chance(0.5)) flags.add('unaccompanied_minor');
  return {
    organisationCode: family.organisationCode,
    enquirer,
    soughtPeople,
    intakeConsent: { agreesToBeFound: rng.chance(0.85), agreesToIdentityShared: rng.chance(0.7) },
    circumstances,
    safeguardingFlags: [...flags],
  };
}
