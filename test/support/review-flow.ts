import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../src/matching/engine/person-for-matching.js';
import type { Session } from './http.js';
import { makeRequestBody, uniqueName } from './request-bodies.js';
import { eventually } from './test-app.js';

export interface CreatedRequest {
  id: string;
  reference: string;
  enquirer: { id: string };
  soughtPeople: { id: string }[];
}

export interface PersonSpec {
  value: string;
  script?: string;
  sex?: 'female' | 'male';
  year?: number;
}

export interface CandidateRow {
  id: string;
  review_status: string;
  version: number;
  roles: string;
}

let pairsMade = 0;

/**
 * Each pair's birth years, seven years apart from the previous pairs' (in cycles of nine), so that
 * the namesakes of other pairs in the same organisation stay well below the review threshold.
 */
export function nextPairYear(): number {
  pairsMade += 1;
  return 1940 + (pairsMade % 9) * 7;
}

/** Steps the review and disclosure tests share: submitting requests, waiting for candidates, deciding them. */
export function reviewFlow(db: DataSource, officer: Session) {
  /** A request whose enquirer and sought person carry the given full names (Latin unless said). */
  async function submit(enquirer: PersonSpec, sought: PersonSpec, extra: Record<string, unknown> = {}): Promise<CreatedRequest> {
    const body = makeRequestBody({
      enquirer: {
        names: [{ value: enquirer.value, part: 'full', script: enquirer.script ?? 'Latn' }],
        sex: enquirer.sex ?? 'female',
        birthDate: { kind: 'year', year: enquirer.year ?? 1975 },
        preferredLanguage: 'en',
        contact: { contactDetails: `Phone +000 555 ${uniqueName()} (test)`, currentWhereabouts: `Shelter ${uniqueName()} (test)` },
      },
      soughtPeople: [
        {
          relationshipToEnquirer: 'sibling',
          names: [{ value: sought.value, part: 'full', script: sought.script ?? 'Latn' }],
          sex: sought.sex ?? 'male',
          birthDate: { kind: 'year', year: sought.year ?? 1980 },
        },
      ],
      ...extra,
    });
    return (await officer.post('/v1/tracing-requests', body).expect(201)).body;
  }

  async function candidateBetween(x: string, y: string): Promise<CandidateRow> {
    const pair = [x, y].sort();
    return eventually(async () => {
      const [row] = await db.query(
        `SELECT id, review_status, version, roles FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2 AND matcher_version = $3`,
        [...pair, MATCHER_VERSION],
      );
      return row;
    });
  }

  const personStatus = async (id: string): Promise<string> =>
    (await db.query(`SELECT status FROM person_record WHERE id = $1`, [id]))[0].status;

  /**
   * Two requests looking for each other: Amina seeks Omar, and Omar (his name in Arabic script)
   * seeks Amina. Omar as sought in `a` is the enquirer of `b`: the classic find.
   */
  async function reciprocalPair(extraA: Record<string, unknown> = {}, extraB: Record<string, unknown> = {}) {
    const family = uniqueName();
    const year = nextPairYear();
    const amina = { sex: 'female', year } as const;
    const omar = { sex: 'male', year: year + 3 } as const;
    const a = await submit({ value: `Amina ${family}`, ...amina }, { value: `Omar ${family}`, ...omar }, extraA);
    const b = await submit({ value: `عمر ${family}`, script: 'Arab', ...omar }, { value: `Amina ${family}`, ...amina }, extraB);
    const found = await candidateBetween(a.soughtPeople[0].id, b.enquirer.id);
    await eventually(async () => (await personStatus(a.soughtPeople[0].id)) === 'possible_match');
    return { a, b, found };
  }

  return { submit, candidateBetween, personStatus, reciprocalPair };
}

export async function claim(session: Session, candidateId: string): Promise<{ version: number }> {
  return (await session.post(`/v1/review/candidates/${candidateId}/claim`).expect(200)).body;
}

/** Claims and decides in one go; returns the decision's response body. */
export async function decide(
  session: Session,
  candidateId: string,
  decision: Record<string, unknown> = { decision: 'confirm', reasonCode: 'names_and_dates_agree' },
): Promise<{ reviewStatus: string; version: number }> {
  const { version } = await claim(session, candidateId);
  return (await session.post(`/v1/review/candidates/${candidateId}/decisions`, { ...decision, version }).expect(200)).body;
}
