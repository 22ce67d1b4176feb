/**
 * The end-to-end flow – intake, match, review, identity check, consent, disclosure, webhook
 * delivery – through the real API and worker entry points (dist/main.js, dist/worker.js) as
 * processes of their own. no-egress.int-spec.ts runs this file inside a network namespace whose
 * firewall refuses and counts every connection but those to Postgres, Redis, the webhook receiver
 * and the API; with its own Jest config (namespace.jest.config.js), because in the ordinary run it
 * would prove nothing.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/database/data-source-options.js';
import { type AppProcess, spawnApp, waitForHttpOk } from '../../../src/local-stack/app-process.js';
import type { WebhookBody } from '../../../src/notifications/notification-events.js';
import { verifyWebhookSignature } from '../../../src/notifications/webhook-signature.js';
import { addUser, makeOrganisation } from '../../support/factories.js';
import { loginAs } from '../../support/http.js';
import { decide, reviewFlow } from '../../support/review-flow.js';
import { eventually } from '../../support/test-app.js';
import { TestWebhookReceiver } from '../../support/webhook-receiver.js';
import { NAMESPACE_PORTS } from './namespace-ports.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apiUrl = `http://127.0.0.1:${NAMESPACE_PORTS.api}`;

describe('the whole flow inside the no-egress namespace', () => {
  let db: DataSource;
  let hooks: TestWebhookReceiver;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(process.env.DATABASE_URL!));
    await db.initialize();
    hooks = await TestWebhookReceiver.start({}, NAMESPACE_PORTS.webhooks);
    const env = {
      ...process.env,
      PORT: String(NAMESPACE_PORTS.api),
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '200',
      WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
      WEBHOOK_BACKOFF_MS: '100',
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_READS_PER_MINUTE: '10000',
    };
    const api = spawnApp('api', join(repoRoot, 'dist/main.js'), env);
    processes.push(api, spawnApp('worker', join(repoRoot, 'dist/worker.js'), env));
    if (!(await waitForHttpOk(`${apiUrl}/ready`, 30_000, () => api.hasExited()))) throw new Error('the API did not become ready');
  });

  afterAll(async () => {
    for (const app of processes.reverse()) await app.stop();
    await hooks?.stop();
    await db?.destroy();
  });

  it('takes a reciprocal pair from intake to a disclosure and a signed webhook', async () => {
    const org = await makeOrganisation(db);
    const foundsCaseworkerUser = await addUser(db, org, 'caseworker');
    const admin = await loginAs(apiUrl, org.users.admin);
    const { body: receiver } = await admin.post('/v1/webhook-receivers', { url: hooks.url('/staff'), audience: 'staff' }).expect(201);
    const [officer, reviewer, caseworker, foundsCaseworker] = await Promise.all(
      [org.users.officer, org.users.reviewer, org.users.caseworker, foundsCaseworkerUser].map((user) => loginAs(apiUrl, user)),
    );

    const flow = reviewFlow(db, officer);
    const { a, found } = await flow.reciprocalPair({ caseworkerId: org.users.caseworker.id }, { caseworkerId: foundsCaseworkerUser.id });
    await decide(reviewer, found.id, { decision: 'confirm', reasonCode: 'reciprocal_search' });
    const check = { outcome: 'passed', methods: ['knowledge_questions'], reasonCode: 'answers_match_circumstances' };
    await reviewer.post(`/v1/finds/${found.id}/identity-checks`, check).expect(200);
    await foundsCaseworker
      .post(`/v1/finds/${found.id}/consents`, { decision: 'granted', scopes: ['found', 'contact_details'] })
      .expect(201);

    const disclosure = await caseworker.get(`/v1/tracing-requests/${a.id}/sought-people/${a.soughtPeople[0].id}/disclosure`).expect(200);
    expect(disclosure.body).toMatchObject({ released: true, found: true, contactDetails: expect.any(String) });

    const delivered = await eventually(async () => {
      const types = hooks.accepted('/staff').map((hook) => (JSON.parse(hook.body) as WebhookBody).type);
      return types.includes('consent.recorded') && types.includes('decision.made') && hooks.accepted('/staff');
    });
    for (const hook of delivered) {
      expect(
        verifyWebhookSignature(receiver.signingSecret, hook.headers['x-rfl-timestamp']!, hook.body, hook.headers['x-rfl-signature']!),
      ).toBe(true);
    }
  });
});
