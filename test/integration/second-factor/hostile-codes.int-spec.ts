import fc from 'fast-check';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { enrolTotp, passwordStep } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

/** Codes of every shape: digit strings near the right length, recovery-code look-alikes, any text, any JSON. */
const anyCode = fc.oneof(
  fc.stringMatching(/^\d{0,8}$/),
  fc.stringMatching(/^[a-zA-Z2-7 -]{8,14}$/),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ minLength: 60, maxLength: 5000 }),
  fc.constantFrom('', ' ', '\u0000', '١٢٣٤٥٦', '123 456', '-123456', '1e5', 'NaN', '__proto__', "' OR '1'='1"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('second-factor codes of any shape', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    // A high limit keeps the account unlocked, so every attempt reaches the code check itself.
    app = await startApi({ LOGIN_FAILURE_LIMIT: '100' });
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
  });

  afterAll(async () => {
    await app.close();
  });

  const statusIs4xx = (status: number) => status >= 400 && status < 500;

  it('get a 4xx at the second login step, never a 5xx nor a token', async () => {
    const user = org.users.officer;
    await enrolTotp(app, user);
    const challengeToken = await passwordStep(app, user);
    await fc.assert(
      fc.asyncProperty(anyCode, fc.oneof(fc.constant(challengeToken), anyCode), async (code, challenge) => {
        const response = await request(app.getHttpServer()).post('/v1/auth/login/second-factor').send({ challengeToken: challenge, code });
        expect(statusIs4xx(response.status)).toBe(true);
        expect(response.body.accessToken).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('get a 4xx at enrolment confirmation and when turning the factor off, never a 5xx', async () => {
    const pending: Session = await loginAs(app, org.users.caseworker);
    await pending.post('/v1/auth/second-factor/enrolment').expect(201);
    const enrolled = await loginAs(app, org.users.auditor);
    await enrolTotp(app, org.users.auditor, enrolled);
    await fc.assert(
      fc.asyncProperty(anyCode, async (code) => {
        const confirm = await pending.post('/v1/auth/second-factor/enrolment/confirm', { code });
        const disable = await enrolled.post('/v1/auth/second-factor/disable', { code });
        expect([confirm.status, disable.status].every(statusIs4xx)).toBe(true);
      }),
      { numRuns: 60 },
    );
    const rows = await db.query(`SELECT confirmed_at FROM user_totp WHERE user_id IN ($1, $2) ORDER BY confirmed_at NULLS FIRST`, [
      org.users.caseworker.id,
      org.users.auditor.id,
    ]);
    expect(rows.map((r: { confirmed_at: Date | null }) => r.confirmed_at !== null)).toEqual([false, true]);
  });
});
