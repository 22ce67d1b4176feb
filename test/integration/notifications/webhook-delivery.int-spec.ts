import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { MATCHER_VERSION } from '../../../src/matching/engine/person-for-matching.js';
import { MatchingService } from '../../../src/matching/matching.service.js';
import type { WebhookBody } from '../../../src/notifications/notification-events.js';
import { verifyWebhookSignature } from '../../../src/notifications/webhook-signature.js';
import { NOTIFICATION_QUEUE } from '../../../src/queue/notification-jobs.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { startOwnBackends, type OwnBackends } from '../../support/own-backends.js';
import { personStrings } from '../../support/person-strings.js';
import { makeRequestBody, makeUniqueRequestBody, uniqueName } from '../../support/request-bodies.js';
import { dataSourceOf, eventually, startApi, startWorker } from '../../support/test-app.js';
import { type ReceivedWebhook, TestWebhookReceiver } from '../../support/webhook-receiver.js';

const SETTINGS = { WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true', WEBHOOK_BACKOFF_MS: '50', WEBHOOK_ATTEMPTS: '6', WEBHOOK_TIMEOUT_MS: '1500' };

interface Receiver {
  id: string;
  path: string;
  secret: string;
}

interface RecordedEvent {
  eventId: string;
  organisationId: string;
  type: string;
  ids: Record<string, string>;
  status?: string;
}

/** A Redis and a database of its own: no other suite's relay takes its notices, nor its relay theirs. */
describe('webhook delivery (real queue, worker and a receiver on loopback)', () => {
  let backends: OwnBackends;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: DataSource;
  let hooks: TestWebhookReceiver;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let officerA: Session;
  let officerB: Session;
  let adminA: Session;
  const receivers: Record<'aStaff' | 'aEnquirer' | 'bStaff', Receiver> = {} as never;

  beforeAll(async () => {
    backends = await startOwnBackends('webhooks');
    api = await startApi({ ...backends.settings, ...SETTINGS });
    worker = await startWorker({ ...backends.settings, ...SETTINGS });
    db = dataSourceOf(api);
    // The staff receiver of A fails the first two attempts of every delivery, then accepts.
    hooks = await TestWebhookReceiver.start({
      '/a-staff': { failFirst: 2 },
      '/a-down': { failFirst: 1_000 },
      '/c-slow': { slowFirst: 1, slowMs: 4_000 },
    });
    orgA = await makeOrganisation(db);
    orgB = await makeOrganisation(db);
    [officerA, officerB, adminA] = [
      await loginAs(api, orgA.users.officer),
      await loginAs(api, orgB.users.officer),
      await loginAs(api, orgA.users.admin),
    ];
    const adminB = await loginAs(api, orgB.users.admin);
    const create = async (admin: Session, path: string, audience: string): Promise<Receiver> => {
      const { body } = await admin.post('/v1/webhook-receivers', { url: hooks.url(path), audience }).expect(201);
      return { id: body.receiver.id, path, secret: body.signingSecret };
    };
    receivers.aStaff = await create(adminA, '/a-staff', 'staff');
    receivers.aEnquirer = await create(adminA, '/a-enquirer', 'enquirer');
    receivers.bStaff = await create(adminB, '/b-staff', 'staff');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await hooks?.stop();
    await backends?.stop();
  });

  const statusOf = async (session: Session, id: string) => (await session.get(`/v1/tracing-requests/${id}`).expect(200)).body.status;
  const bodyOf = (received: ReceivedWebhook) => JSON.parse(received.body) as WebhookBody;
  const eventsOf = async (organisationId: string): Promise<RecordedEvent[]> =>
    (
      await db.query(`SELECT payload FROM outbox_message WHERE topic = 'notification' AND payload->>'organisationId' = $1 ORDER BY id`, [
        organisationId,
      ])
    ).map((r: { payload: RecordedEvent }) => r.payload);
  const notificationQueue = () => api.get<Queue>(getQueueToken(NOTIFICATION_QUEUE));
  const keyOf = (eventId: string, receiver: Receiver) => `ntf.${eventId}.${receiver.id}`;
  // Read once the state says completed: a job read before may have finished since, without its result.
  const completedJob = (key: string) =>
    eventually(async () => ((await notificationQueue().getJobState(key)) === 'completed' ? notificationQueue().getJob(key) : undefined));

  /** Waits until every event of the organisation has been accepted by each receiver it is meant for. */
  const allDelivered = async (organisationId: string, byAudience: Record<'staff' | 'enquirer', Receiver[]>) =>
    eventually(async () => {
      const pending = await db.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL AND topic = 'notification'`,
      );
      if (pending[0].n > 0) return undefined;
      const events = await eventsOf(organisationId);
      const done = events.every((event) =>
        byAudience[event.type === 'enquirer_status.changed' ? 'enquirer' : 'staff'].every((receiver) =>
          hooks.accepted(receiver.path).some((r) => r.headers['idempotency-key'] === keyOf(event.eventId, receiver)),
        ),
      );
      const counts = await notificationQueue().getJobCounts('waiting', 'active', 'delayed');
      return done && Object.values(counts).every((n) => n === 0) ? events : undefined;
    }, 45_000);

  it('delivers each event once by idempotency key through two failures, signed, with ids only, to the organisation concerned', async () => {
    const family = uniqueName();
    const arabic = makeRequestBody({
      soughtPeople: [
        {
          relationshipToEnquirer: 'sibling',
          names: [
            { value: 'يوسف', part: 'given', script: 'Arab' },
            { value: family, part: 'family', script: 'Latn' },
          ],
          sex: 'male',
          birthDate: { kind: 'year', year: 2001 },
          placeOfBirth: { place: `${uniqueName()} village`, country: 'SY' },
        },
      ],
    });
    const latin = makeRequestBody({
      soughtPeople: [
        {
          relationshipToEnquirer: 'child',
          names: [{ value: `${family} Youssef`, part: 'full', script: 'Latn' }],
          sex: 'male',
          birthDate: { kind: 'exact', date: '2001-05-17' },
          lastKnownPlace: { place: `${uniqueName()} camp`, country: 'TR', date: '2024-02-11' },
        },
      ],
    });
    const a1 = (await officerA.post('/v1/tracing-requests', arabic).expect(201)).body;
    const a2 = (await officerA.post('/v1/tracing-requests', latin).expect(201)).body;
    const b1 = (await officerB.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    await eventually(
      async () =>
        ((await statusOf(officerA, a1.id)) === 'possible_match' &&
          (await statusOf(officerA, a2.id)) === 'possible_match' &&
          (await statusOf(officerB, b1.id)) === 'searching') ||
        undefined,
    );
    // A redelivered job re-scores the pair: it is announced for review once only.
    const soughtA2 = a2.soughtPeople[0].id;
    await worker.get(MatchingService).matchPerson({ personId: soughtA2, personVersion: 1, matcherVersion: MATCHER_VERSION });
    await officerA.post(`/v1/tracing-requests/${a1.id}/withdraw`, { reasonCode: 'officer_withdrew' }).expect(200);

    const eventsA = await allDelivered(orgA.id, { staff: [receivers.aStaff], enquirer: [receivers.aEnquirer] });
    const eventsB = await allDelivered(orgB.id, { staff: [receivers.bStaff], enquirer: [] });

    // The events the changes made: one candidate for the sought pair, status changes, and one
    // change of the coarse status (the withdrawal: searching -> ended).
    const pair = [a1.soughtPeople[0].id, soughtA2].sort();
    const [candidate] = await db.query(`SELECT id FROM candidate_match WHERE person_a_id = $1 AND person_b_id = $2`, pair);
    const candidateEvents = eventsA.filter((e) => e.type === 'candidate.waiting_for_review');
    expect(candidateEvents.filter((e) => e.ids.candidateMatchId === candidate.id)).toHaveLength(1);
    expect(new Set(candidateEvents.map((e) => e.ids.candidateMatchId)).size).toBe(candidateEvents.length);
    // submitted -> searching -> possible_match, or straight to possible_match when the job found the pair at once
    const a1Statuses = eventsA.filter((e) => e.type === 'request.status_changed' && e.ids.requestId === a1.id).map((e) => e.status);
    expect(a1Statuses.slice(-2)).toEqual(['possible_match', 'withdrawn']);
    const enquirerEvents = eventsA.filter((e) => e.type === 'enquirer_status.changed');
    expect(enquirerEvents.map((e) => [e.ids.requestId, e.status])).toEqual([[a1.id, 'ended']]);

    // The receiver that failed twice: three attempts per key, one accepted, every one signed.
    const staffA = hooks.at('/a-staff');
    const staffEventsA = eventsA.filter((e) => e.type !== 'enquirer_status.changed');
    const acceptedKeys = hooks.accepted('/a-staff').map((r) => r.headers['idempotency-key']);
    expect(acceptedKeys.sort()).toEqual(staffEventsA.map((e) => keyOf(e.eventId, receivers.aStaff)).sort());
    expect(new Set(acceptedKeys).size).toBe(acceptedKeys.length);
    for (const key of acceptedKeys)
      expect(staffA.filter((r) => r.headers['idempotency-key'] === key).map((r) => r.status)).toEqual([503, 503, 204]);
    for (const received of hooks.received) {
      const receiver = Object.values(receivers).find((r) => r.path === received.path)!;
      expect(
        verifyWebhookSignature(receiver.secret, received.headers['x-rfl-timestamp']!, received.body, received.headers['x-rfl-signature']!),
      ).toBe(true);
      expect(Math.abs(Number(received.headers['x-rfl-timestamp']) - Date.now() / 1000)).toBeLessThan(120);
      const body = bodyOf(received);
      expect(received.headers['idempotency-key']).toBe(keyOf(body.id, receiver));
      expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['id', 'ids', 'occurredAt', 'type']));
    }
    // The same event to the same receiver carries the same bytes on every attempt.
    for (const key of acceptedKeys)
      expect(new Set(staffA.filter((r) => r.headers['idempotency-key'] === key).map((r) => r.body)).size).toBe(1);

    // The enquirer-facing receiver heard the coarse status change, and nothing else.
    expect(hooks.at('/a-enquirer').map((r) => bodyOf(r))).toEqual([
      {
        id: enquirerEvents[0].eventId,
        type: 'enquirer_status.changed',
        occurredAt: expect.any(String),
        ids: { requestId: a1.id },
        status: 'ended',
      },
    ]);

    // Each organisation heard of its own records only.
    const bBodies = hooks.at('/b-staff').map(bodyOf);
    expect(bBodies.map((b) => b.id).sort()).toEqual(eventsB.map((e) => e.eventId).sort());
    expect(bBodies.every((b) => b.ids.requestId === b1.id)).toBe(true);
    const aText = [...hooks.at('/a-staff'), ...hooks.at('/a-enquirer')].map((r) => r.body).join('\n');
    expect(aText).not.toContain(b1.id);
    for (const person of [b1.enquirer.id, b1.soughtPeople[0].id]) expect(aText).not.toContain(person);

    // No payload holds a string of the persons' rows, a reference or the circumstances.
    const personIds = [a1, a2, b1].flatMap((r) => [r.enquirer.id, ...r.soughtPeople.map((p: { id: string }) => p.id)]);
    const strings = await personStrings(db, personIds);
    expect(strings).toEqual(expect.arrayContaining(['يوسف', 'Phone +000 555 0101 (test)', '2001-05-17', 'SY']));
    const [request] = await db.query(`SELECT circumstances FROM tracing_request WHERE id = $1`, [a1.id]);
    const forbidden = [...strings, a1.reference, a2.reference, b1.reference, request.circumstances];
    const everything = hooks.received.map((r) => r.body + JSON.stringify(r.headers)).join('\n');
    for (const text of forbidden) expect(everything).not.toContain(text);
  });

  it('stops delivering to a receiver deactivated while its delivery waits for a retry', async () => {
    const down = (await adminA.post('/v1/webhook-receivers', { url: hooks.url('/a-down'), audience: 'staff' }).expect(201)).body;
    const created = (await officerA.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    const [event] = await eventually(async () => {
      const events = (await eventsOf(orgA.id)).filter((e) => e.ids.requestId === created.id);
      return events.length > 0 ? events : undefined;
    });
    const key = `ntf.${event.eventId}.${down.receiver.id}`;
    await eventually(async () => hooks.at('/a-down').some((r) => r.headers['idempotency-key'] === key) || undefined);
    await adminA.post(`/v1/webhook-receivers/${down.receiver.id}/deactivate`).expect(200);
    const deactivatedAt = Date.now();
    const job = await completedJob(key);
    expect(job.returnvalue).toBe('receiver_inactive');
    const attempts = hooks.at('/a-down').filter((r) => r.headers['idempotency-key'] === key).length;
    expect(attempts).toBeLessThan(Number(SETTINGS.WEBHOOK_ATTEMPTS));
    // Later events are not queued for it at all, and queued retries of earlier ones send nothing:
    // only an attempt already under way when the deactivation committed may arrive after it.
    await officerA.post(`/v1/tracing-requests/${created.id}/withdraw`, { reasonCode: 'duplicate_request' }).expect(200);
    const eventsA = await allDelivered(orgA.id, { staff: [receivers.aStaff], enquirer: [receivers.aEnquirer] });
    const afterwards = eventsA.filter((e) => e.ids.requestId === created.id && e.status === 'withdrawn');
    expect(afterwards).toHaveLength(1);
    expect(hooks.at('/a-down').filter((r) => r.headers['idempotency-key']!.includes(afterwards[0].eventId))).toEqual([]);
    expect(hooks.at('/a-down').filter((r) => r.receivedAt > deactivatedAt + 500)).toEqual([]);
  });

  it('counts an answer later than the timeout as a failed attempt and tries again', async () => {
    const orgC = await makeOrganisation(db);
    const adminC = await loginAs(api, orgC.users.admin);
    const slow = (await adminC.post('/v1/webhook-receivers', { url: hooks.url('/c-slow'), audience: 'staff' }).expect(201)).body;
    const officerC = await loginAs(api, orgC.users.officer);
    const created = (await officerC.post('/v1/tracing-requests', makeUniqueRequestBody()).expect(201)).body;
    const [event] = await eventually(async () => {
      const events = (await eventsOf(orgC.id)).filter((e) => e.ids.requestId === created.id);
      return events.length > 0 ? events : undefined;
    });
    const key = keyOf(event.eventId, { id: slow.receiver.id, path: '/c-slow', secret: slow.signingSecret });
    const attempts = await eventually(async () => {
      const seen = hooks.at('/c-slow').filter((r) => r.headers['idempotency-key'] === key);
      return seen.length >= 2 ? seen : undefined;
    });
    expect(attempts.map((r) => r.slow)).toEqual([true, false]);
    // The worker gave up and tried again before the late answer came (4 s after the first attempt).
    expect(attempts[1].receivedAt - attempts[0].receivedAt).toBeLessThan(4_000);
    const job = await completedJob(key);
    expect([job.returnvalue, job.attemptsMade]).toEqual(['delivered', 2]);
  });
});
