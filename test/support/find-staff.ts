import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { addUser, makeOrganisation, type TestOrganisation, type TestUser } from './factories.js';
import { loginAs } from './http.js';
import { decide, reviewFlow } from './review-flow.js';

export const PASSED_CHECK = { outcome: 'passed', methods: ['documents_seen'], reasonCode: 'documents_verified' };

/**
 * One organisation's staff around a find: its officer and reviewer, the enquirer's caseworker (the
 * organisation's caseworker, assigned to request a) and a second caseworker for the found person
 * (assigned to request b).
 */
export async function findStaff(api: INestApplication, db: DataSource) {
  const org: TestOrganisation = await makeOrganisation(db);
  const foundCaseworkerUser: TestUser = await addUser(db, org, 'caseworker');
  const staff = {
    org,
    foundCaseworkerUser,
    officer: await loginAs(api, org.users.officer),
    reviewer: await loginAs(api, org.users.reviewer),
    enquirersCaseworker: await loginAs(api, org.users.caseworker),
    foundCaseworker: await loginAs(api, foundCaseworkerUser),
  };

  /** A confirmed find between two new requests looking for each other; `checked`: the identity check has passed too. */
  async function confirmedFind(options: { checked: boolean }) {
    const pair = await reviewFlow(db, staff.officer).reciprocalPair(
      { caseworkerId: org.users.caseworker.id },
      { caseworkerId: foundCaseworkerUser.id },
    );
    await decide(staff.reviewer, pair.found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    if (options.checked) await staff.reviewer.post(`/v1/finds/${pair.found.id}/identity-checks`, PASSED_CHECK).expect(200);
    return pair;
  }

  return { ...staff, confirmedFind };
}

export type FindStaff = Awaited<ReturnType<typeof findStaff>>;
