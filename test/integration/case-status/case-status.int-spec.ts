import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { toCoarseStatus } from '../../../src/case-status/coarse-status.js';
import {
  BIRTH_DATE_KINDS,
  CALENDARS,
  LEGAL_BASES,
  NAME_PARTS,
  PERSON_ROLES,
  RELATIONSHIPS,
  SEXES,
} from '../../../src/persons/person-vocabulary.js';
import { PersonRecord } from '../../../src/persons/entities/person-record.entity.js';
import { SearchCloser } from '../../../src/search-closing/search-closer.js';
import { TracingRequest } from '../../../src/tracing-requests/entities/tracing-request.entity.js';
import { assertPersonTransition } from '../../../src/tracing-requests/request-lifecycle.js';
import { REQUEST_STATUSES, type SoughtPersonStatus } from '../../../src/tracing-requests/request-vocabulary.js';
import { recordStatusChange, refreshRequestStatus } from '../../../src/tracing-requests/status-recorder.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { makeRequestBody, uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, eventually, startApi, startWorker } from '../../support/test-app.js';
import { namesOf, personStrings } from '../../support/person-strings.js';

/** Codes every record carries (vocabularies, not anyone's data): a found person's `searching` is not a leak. */
const SHARED_CODES = new Set<string>([
  ...REQUEST_STATUSES,
  ...PERSON_ROLES,
  ...NAME_PARTS,
  ...SEXES,
  ...LEGAL_BASES,
  ...RELATIONSHIPS,
  ...CALENDARS,
  ...BIRTH_DATE_KINDS,
]);

const PERIOD_DAYS = 60;

describe('the survivor’s status through the caseworker', () => {
  let backends: OwnBackends;
  let api: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let officer: Session;
  let caseworker: Session;
  const workers: INestApplicationContext[] = [];
  /** Workers start only in the last tests: once one runs, its match jobs move new requests' people on their own. */
  const workerSettings = () => ({
    ...backends.settings,
    SEARCH_PERIOD_DAYS: String(PERIOD_DAYS),
    SEARCH_CLOSING_INTERVAL_MS: '1000',
  });

  beforeAll(async () => {
    // A Redis and a database of its own: the closing schedule this file sets up, with its short
    // period, closes this file's requests only, and no other suite's relay takes its jobs.
    backends = await startOwnBackends('case_status');
    api = await startApi(backends.settings);
    db = dataSourceOf(api);
    org = await makeOrganisation(db);
    officer = await loginAs(api, org.users.officer);
    caseworker = await loginAs(api, org.users.caseworker);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
    await backends?.stop();
  });

  /** A request with names no other test uses, so the matcher proposes nothing on its own. */
  async function createRequest(preferredLanguage = 'ar') {
    const body = makeRequestBody();
    body.enquirer.preferredLanguage = preferredLanguage;
    body.enquirer.names = [{ value: `${uniqueName()} ${uniqueName()}`, part: 'full', script: 'Latn' } as never];
    body.soughtPeople[0].names = [{ value: `${uniqueName()} ${uniqueName()}`, part: 'full', script: 'Latn' } as never];
    const created = (await officer.post('/v1/tracing-requests', body).expect(201)).body;
    return {
      id: created.id as string,
      reference: created.reference as string,
      soughtId: created.soughtPeople[0].id as string,
      enquirerId: created.enquirer.id as string,
    };
  }

  /**
   * Moves a sought person as the review and consent features will (they are being built on another
   * branch): under the request's lock, through the lifecycle's check and the shared status recording.
   */
  async function moveSought(personId: string, to: SoughtPersonStatus, reasonCode: string) {
    await db.transaction(async (manager) => {
      const { requestId } = await manager.findOneByOrFail(PersonRecord, { id: personId });
      await manager.findOne(TracingRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      const person = await manager.findOneOrFail(PersonRecord, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
      assertPersonTransition(person.status as SoughtPersonStatus, to);
      await manager.update(PersonRecord, { id: personId }, { status: to });
      await recordStatusChange(manager, { requestId, personId, from: person.status, to, reasonCode, by: null });
      await refreshRequestStatus(manager, requestId, { reasonCode, by: null });
    });
  }

  /** Moves the day the search began into the past (the trigger keeps explicit days while the coarse status stays). */
  async function searchBeganDaysAgo(requestId: string, days: number) {
    await db.query(
      `UPDATE tracing_request SET search_started_on = (now() AT TIME ZONE 'UTC')::date - $2::int,
         coarse_status_since = (now() AT TIME ZONE 'UTC')::date - $2::int, enquirer_status_since = (now() AT TIME ZONE 'UTC')::date - $2::int
       WHERE id = $1`,
      [requestId, days],
    );
    const [row] = await db.query(`SELECT to_char(enquirer_status_since, 'YYYY-MM-DD') AS day FROM tracing_request WHERE id = $1`, [
      requestId,
    ]);
    return row.day as string;
  }

  async function readStatus(reference: string) {
    return (await caseworker.get(`/v1/case-status/${reference}`).expect(200)).body;
  }

  const withoutReference = ({ reference: _reference, ...rest }: Record<string, unknown>) => rest;

  /**
   * Every value stored for a person in the tables that describe them, read from the database, not
   * from a list – their ids, and sealed values opened, since what they hold is what could leak.
   */
  async function storedValuesOf(personId: string): Promise<string[]> {
    const [ids] = await db.query(`SELECT id::text, request_id::text AS "requestId" FROM person_record WHERE id = $1`, [personId]);
    return [...Object.values(ids as Record<string, string>), ...(await personStrings(db, [personId]))].filter(
      (value) => !SHARED_CODES.has(value),
    );
  }

  it('reads the same text and day before a candidate, with one pending or on hold, after confirmation and after the found person refuses', async () => {
    const request = await createRequest('ar');
    // The found person: the enquirer of another request, looking for our sought person in turn.
    const found = await createRequest('fr');
    const seen: unknown[] = [];
    const look = async () => {
      const body = await readStatus(request.reference);
      seen.push(body);
      return body;
    };

    const began = await searchBeganDaysAgo(request.id, 20);
    await look(); // submitted, not yet taken by the matcher
    await moveSought(request.soughtId, 'searching', 'matching_started');
    const before = await look();
    expect(before).toEqual({
      reference: request.reference,
      status: 'searching',
      since: began,
      message: 'نحن نبحث.',
      nextStep: expect.stringMatching(/\S/),
      language: 'ar',
      isReviewedText: false,
    });

    const [a, b] = [request.soughtId, found.enquirerId].sort();
    const [foundName] = await namesOf(db, [found.enquirerId]);
    const evidence = JSON.stringify([{ field: 'name', b: foundName.value, similarity: 0.93 }]);
    const [candidate] = await db.query(
      `INSERT INTO candidate_match
         (organisation_id, person_a_id, person_b_id, matcher_version, score, band, roles, evidence, person_a_version, person_b_version)
       VALUES ($1, $2, $3, 1, 0.93, 'high', 'enquirer:sought', $4, 1, 1) RETURNING id`,
      [org.id, a, b, evidence],
    );
    await moveSought(request.soughtId, 'possible_match', 'candidate_proposed');
    await look();
    // a safeguarding flag's first confirmation waits for a second person
    await moveSought(request.soughtId, 'on_hold', 'awaiting_second_confirmation');
    await look();
    await db.query(`UPDATE candidate_match SET review_status = 'confirmed' WHERE id = $1`, [candidate.id]);
    await moveSought(request.soughtId, 'match_confirmed', 'match_confirmed');
    await look();
    await moveSought(request.soughtId, 'awaiting_consent', 'consent_requested');
    await look();
    // The found person refuses: the sought person is back at searching.
    await moveSought(request.soughtId, 'searching', 'consent_refused');
    await look();

    for (const body of seen) expect(body).toEqual(before);
    const stored = await storedValuesOf(found.enquirerId);
    // the check is live: it holds the found person's name, whereabouts and ids
    expect(stored).toEqual(expect.arrayContaining([foundName.value, 'Shelter 4, test city', found.enquirerId, found.id]));
    const leaked = stored.filter((value) => seen.some((body) => JSON.stringify(body).includes(value)));
    expect(leaked).toEqual([]);

    const audited = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'case_status.read' AND entity_id = $1`, [
      request.id,
    ]);
    expect(audited[0].n).toBe(seen.length);
  });

  it('moves the day only when the coarse status changes: a withdrawal starts "ended" today', async () => {
    const request = await createRequest('fa-AF');
    await searchBeganDaysAgo(request.id, 3);
    const searching = await readStatus(request.reference);
    expect(searching).toMatchObject({ language: 'prs', isReviewedText: false });
    await officer.patch(`/v1/tracing-requests/${request.id}`, { version: 1, circumstances: 'Updated (test).' }).expect(200);
    expect(await readStatus(request.reference)).toEqual(searching);
    await officer.post(`/v1/tracing-requests/${request.id}/withdraw`, { reasonCode: 'enquirer_withdrew' }).expect(200);
    const [today] = await db.query(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day`);
    expect(await readStatus(request.reference)).toMatchObject({ status: 'ended', since: today.day });
  });

  it('has news, dated the day of the change, once the found person consents to contact', async () => {
    const request = await createRequest('ar');
    await searchBeganDaysAgo(request.id, 40);
    for (const [to, reason] of [
      ['searching', 'matching_started'],
      ['possible_match', 'candidate_proposed'],
      ['match_confirmed', 'match_confirmed'],
      ['awaiting_consent', 'consent_requested'],
    ] as const) {
      await moveSought(request.soughtId, to, reason);
    }
    expect(await readStatus(request.reference)).toMatchObject({ status: 'searching' });
    await moveSought(request.soughtId, 'contact_shared', 'consent_given');
    const [today] = await db.query(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day`);
    expect(await readStatus(request.reference)).toMatchObject({
      status: 'news',
      since: today.day,
      language: 'ar',
      message: 'لدينا أخبار: سيتواصل معك المسؤول عن ملفك.',
    });
  });

  it('answers in English, and says so, for a language without a catalogue', async () => {
    const request = await createRequest('de');
    expect(await readStatus(request.reference)).toMatchObject({ language: 'en', isReviewedText: true, message: 'We are searching.' });
  });

  it('keeps the database’s coarse mapping, which dates the status, in step with the one the API shows', async () => {
    for (const status of REQUEST_STATUSES) {
      const [row] = await db.query(`SELECT coarse_request_status($1) AS coarse`, [status]);
      expect([status, row.coarse]).toEqual([status, toCoarseStatus(status)]);
    }
  });
  it('ends every search for the enquirer on the day its period runs out, whatever was found, and a later closure changes nothing they hear', async () => {
    const refused = await createRequest('uk');
    const fruitless = await createRequest('uk');
    const recent = await createRequest('uk');
    const inReview = await createRequest('uk');
    const awaitingConsent = await createRequest('uk');
    const expired = [refused, fruitless, inReview, awaitingConsent];
    for (const r of [...expired, recent]) await moveSought(r.soughtId, 'searching', 'matching_started');
    for (const [to, reason] of [
      ['possible_match', 'candidate_proposed'],
      ['match_confirmed', 'match_confirmed'],
      ['awaiting_consent', 'consent_requested'],
    ] as const) {
      await moveSought(refused.soughtId, to, reason);
      await moveSought(awaitingConsent.soughtId, to, reason);
    }
    await moveSought(refused.soughtId, 'searching', 'consent_refused');
    await moveSought(inReview.soughtId, 'possible_match', 'candidate_proposed');
    for (const r of expired) await searchBeganDaysAgo(r.id, PERIOD_DAYS + 5);
    await searchBeganDaysAgo(recent.id, PERIOD_DAYS - 5);
    const openBefore = withoutReference(await readStatus(fruitless.reference));
    for (const r of expired) expect(withoutReference(await readStatus(r.reference))).toEqual(openBefore);

    // The worker's schedule runs at start-up, then every second: a request a match job holds at
    // that moment is skipped (SKIP LOCKED) and taken by a later run.
    workers.push(await startWorker(workerSettings()));
    await eventually(async () => {
      const [row] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'closed_no_match')::int AS closed, count(*) FILTER (WHERE enquirer_status = 'ended')::int AS ended
           FROM tracing_request WHERE id = ANY ($1)`,
        [expired.map((r) => r.id)],
      );
      return row.closed === 2 && row.ended === expired.length;
    });

    const [today] = await db.query(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day`);
    const endedAtPeriodEnd = withoutReference(await readStatus(fruitless.reference));
    expect(endedAtPeriodEnd).toMatchObject({ status: 'ended', since: today.day, language: 'uk', message: 'Пошук завершено.' });
    for (const r of expired) expect(withoutReference(await readStatus(r.reference))).toEqual(endedAtPeriodEnd);
    expect(await readStatus(recent.reference)).toMatchObject({ status: 'searching' });
    // Staff go on working the searches that had something: they are still open, in their real state.
    const open = await db.query(`SELECT id, lifecycle, status FROM tracing_request WHERE id = ANY ($1) ORDER BY id`, [
      [inReview.id, awaitingConsent.id],
    ]);
    expect(open).toEqual(
      [
        { id: inReview.id, lifecycle: 'open', status: 'possible_match' },
        { id: awaitingConsent.id, lifecycle: 'open', status: 'awaiting_consent' },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    // … and their page tells them what the enquirer hears.
    expect((await officer.get(`/v1/tracing-requests/${inReview.id}`).expect(200)).body).toMatchObject({
      status: 'possible_match',
      enquirerStatus: 'ended',
    });

    // Days later the candidate is rejected and the other found person refuses; the schedule closes
    // both. The enquirer hears nothing new: the same text, still dated the period's end.
    await db.query(`UPDATE tracing_request SET enquirer_status_since = enquirer_status_since - 3 WHERE id = ANY ($1)`, [
      expired.map((r) => r.id),
    ]);
    const periodEnded = withoutReference(await readStatus(fruitless.reference));
    expect(periodEnded.since).not.toBe(today.day);
    await moveSought(inReview.soughtId, 'searching', 'candidate_rejected');
    await moveSought(awaitingConsent.soughtId, 'searching', 'consent_refused');
    await eventually(async () => {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE id = ANY ($1) AND status = 'closed_no_match'`, [
        expired.map((r) => r.id),
      ]);
      return row.n === expired.length;
    });
    for (const r of expired) expect(withoutReference(await readStatus(r.reference))).toEqual(periodEnded);

    // The enquirer's webhook heard one "ended" per search, sent when the period ran out, and nothing at the closures.
    const heard = await db.query(
      `SELECT payload->'ids'->>'requestId' AS "requestId", payload->>'status' AS status FROM outbox_message
        WHERE topic = 'notification' AND payload->>'type' = 'enquirer_status.changed' AND payload->'ids'->>'requestId' = ANY ($1)
        ORDER BY 1`,
      [[...expired, recent].map((r) => r.id)],
    );
    expect(heard).toEqual(
      expired.map((r) => ({ requestId: r.id, status: 'ended' })).sort((x, y) => x.requestId.localeCompare(y.requestId)),
    );

    const closures = await db.query(
      `SELECT request_id, from_status, reason_code, changed_by FROM status_change
        WHERE request_id = ANY ($1) AND to_status = 'closed_no_match' ORDER BY request_id`,
      [[...expired, recent].map((r) => r.id)],
    );
    expect(closures).toEqual(
      expired
        .map((r) => r.id)
        .sort()
        .map((id) => ({ request_id: id, from_status: 'searching', reason_code: 'search_period_ended', changed_by: null })),
    );
    const audit = await db.query(
      `SELECT entity_id, action, actor_user_id, organisation_id, reason_code FROM audit_event
        WHERE action IN ('tracing_request.closed_no_match', 'tracing_request.search_period_ended') AND entity_id = ANY ($1)
        ORDER BY entity_id, action`,
      [expired.map((r) => r.id)],
    );
    expect(audit).toEqual(
      expired
        .map((r) => r.id)
        .sort()
        .flatMap((id) =>
          ['tracing_request.closed_no_match', 'tracing_request.search_period_ended'].map((action) => ({
            entity_id: id,
            action,
            actor_user_id: null,
            organisation_id: org.id,
            reason_code: 'search_period_ended',
          })),
        ),
    );
  });

  it('starts a new search period, heard as "searching" from that day, when an officer reopens a closed request', async () => {
    const request = await createRequest('en');
    await searchBeganDaysAgo(request.id, 30);
    await officer.post(`/v1/tracing-requests/${request.id}/close`, { outcome: 'no_match', reasonCode: 'search_exhausted' }).expect(200);
    const [today] = await db.query(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day`);
    expect(await readStatus(request.reference)).toMatchObject({ status: 'ended', since: today.day });
    await officer.post(`/v1/tracing-requests/${request.id}/reopen`, { reasonCode: 'new_information' }).expect(200);
    expect(await readStatus(request.reference)).toMatchObject({ status: 'searching', since: today.day });
    const [row] = await db.query(`SELECT to_char(search_started_on, 'YYYY-MM-DD') AS day FROM tracing_request WHERE id = $1`, [request.id]);
    expect(row.day).toBe(today.day);
    const heard = await db.query(
      `SELECT payload->>'status' AS status FROM outbox_message
        WHERE topic = 'notification' AND payload->>'type' = 'enquirer_status.changed' AND payload->'ids'->>'requestId' = $1 ORDER BY id`,
      [request.id],
    );
    expect(heard.map((h: { status: string }) => h.status)).toEqual(['ended', 'searching']);
  });

  it('closes each expired search once when two workers run the schedule at the same time', async () => {
    while (workers.length < 2) workers.push(await startWorker(workerSettings()));
    const requests = [];
    for (let i = 0; i < 6; i += 1) requests.push(await createRequest());
    const people = requests.flatMap((r) => [r.soughtId, r.enquirerId]);
    // Let the match jobs of the new requests finish first, so that what is tested is two closers, not a closer and a match job.
    // The queue may still hold the earlier tests' jobs, written while no worker ran: they go first.
    await eventually(
      async () => {
        const [row] = await db.query(`SELECT count(DISTINCT person_id)::int AS n FROM match_run WHERE person_id = ANY ($1)`, [people]);
        return row.n === people.length;
      },
      45_000,
      "the new requests' match jobs finished",
    );
    for (const r of requests) await searchBeganDaysAgo(r.id, PERIOD_DAYS + 1);
    await Promise.all(workers.map((worker) => worker.get(SearchCloser).closeExpired()));

    const ids = requests.map((r) => r.id);
    // The workers' own one-second schedule runs too: a request it held locked (SKIP LOCKED) at that
    // moment is closed by its run, or the next. Every one closes; none twice.
    await eventually(
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM tracing_request WHERE id = ANY ($1) AND status = 'closed_no_match'`, [
          ids,
        ]);
        return row.n === ids.length;
      },
      20_000,
      'every expired request closed',
    );
    const closures = await db.query(
      `SELECT request_id, count(*)::int AS n FROM status_change WHERE request_id = ANY ($1) AND to_status = 'closed_no_match' GROUP BY request_id`,
      [ids],
    );
    expect(closures).toHaveLength(ids.length);
    expect(closures.every((c: { n: number }) => c.n === 1)).toBe(true);
    const audits = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'tracing_request.closed_no_match' AND entity_id = ANY ($1)`,
      [ids],
    );
    expect(audits[0].n).toBe(ids.length);
  }, 120_000);
});
