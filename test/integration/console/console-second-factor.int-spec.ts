/**
 * Enrolling the second factor in the console: the secret shown once, a code confirms it, the
 * recovery codes shown once, and from then on sign-in asks for a code. A user whose organisation
 * requires a factor is sent to this page from every other.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation } from '../../support/factories.js';
import { totpCode } from '../../support/second-factor.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('console second-factor enrolment', () => {
  let api: NestExpressApplication;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
  });

  afterAll(() => api.close());

  it('enrols with the shown secret and a code; sign-in then asks for a code', async () => {
    const org = await makeOrganisation(db);
    await db.query(`UPDATE organisation SET second_factor_required = true WHERE id = $1`, [org.id]);
    const agent = consoleAgent(api);
    await agent.signIn(org.users.officer);
    // Required and not enrolled: every page leads here.
    const home = await agent.get('/console/requests');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/console/second-factor');

    await agent.get('/console/second-factor');
    const started = await agent.post('/console/second-factor/enrolment');
    const secret = /class="setup-code" dir="ltr">([A-Z2-7]+)</.exec(started.text)![1];
    expect(started.text).toContain('otpauth://totp/');
    expect((await agent.post('/console/second-factor/enrolment/confirm', { code: totpCode(secret, -10) })).status).toBe(400);
    const confirmed = await agent.post('/console/second-factor/enrolment/confirm', { code: totpCode(secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text.match(/<li><code>[^<]+<\/code><\/li>/g)).toHaveLength(10);
    expect((await agent.get('/console/requests')).status).toBe(200);

    const again = consoleAgent(api);
    const step = await again.signIn(org.users.officer);
    expect(step.text).toContain('name="code"');
    expect((await again.post('/console/login/second-factor', { code: totpCode(secret, 1) })).status).toBe(303);
  });
});
