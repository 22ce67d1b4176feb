/**
 * Enrolling the second factor in the console: the secret shown once, a code confirms it, the
 * recovery codes shown once, and from then on sign-in asks for a code. A user whose organisation
 * requires a factor is sent to this page from every other.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { consoleAgent } from '../../support/console-agent.js';
import { addUser, makeOrganisation, type TestUser } from '../../support/factories.js';
import { enrolTotp, totpCode } from '../../support/second-factor.js';
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

  describe('turning it off', () => {
    // With a recovery code, so that the next time step's code is still unspent for the form.
    const signInWithCode = async (user: TestUser, recoveryCode: string) => {
      const agent = consoleAgent(api);
      await agent.signIn(user);
      expect((await agent.post('/console/login/second-factor', { code: recoveryCode })).status).toBe(303);
      return agent;
    };
    const factorOf = async (userId: string) => db.query(`SELECT 1 FROM user_totp WHERE user_id = $1`, [userId]);
    const audited = async (userId: string, action: string): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = $2`, [userId, action]))[0].n;

    it('an officer turns it off with a current code; a wrong code changes nothing', async () => {
      const org = await makeOrganisation(db);
      const officer = await addUser(db, org, 'officer');
      const { secret, recoveryCodes } = await enrolTotp(api, officer);
      const agent = await signInWithCode(officer, recoveryCodes[0]);
      expect((await agent.get('/console/second-factor')).text).toContain('action="/console/second-factor/disable"');

      expect((await agent.post('/console/second-factor/disable', { code: '000000' })).status).toBe(400);
      expect(await factorOf(officer.id)).toHaveLength(1);

      const off = await agent.post('/console/second-factor/disable', { code: totpCode(secret, 1) });
      expect(off.status).toBe(200);
      expect(off.text).toContain('Your second factor is off.');
      expect(await factorOf(officer.id)).toEqual([]);
      expect(await audited(officer.id, 'second_factor.disabled')).toBe(1);
      expect((await consoleAgent(api).signIn(officer)).status).toBe(303);
    });

    it('a reviewer is told it stays on, and a post anyway is refused and audited', async () => {
      const org = await makeOrganisation(db);
      const reviewer = await addUser(db, org, 'reviewer');
      const { secret, recoveryCodes } = await enrolTotp(api, reviewer);
      const agent = await signInWithCode(reviewer, recoveryCodes[0]);
      const page = await agent.get('/console/second-factor');
      expect(page.text).not.toContain('/console/second-factor/disable');
      expect(page.text).toContain('Administrators and reviewers keep their second factor');

      expect((await agent.post('/console/second-factor/disable', { code: totpCode(secret, 1) })).status).toBe(403);
      expect(await factorOf(reviewer.id)).toHaveLength(1);
      expect(await audited(reviewer.id, 'second_factor.disable_refused')).toBe(1);
    });

    it('an officer whose organisation requires a factor is told it stays on, in Arabic too', async () => {
      const org = await makeOrganisation(db);
      await db.query(`UPDATE organisation SET second_factor_required = true WHERE id = $1`, [org.id]);
      const officer = await addUser(db, org, 'officer');
      const { secret, recoveryCodes } = await enrolTotp(api, officer);
      const agent = await signInWithCode(officer, recoveryCodes[0]);
      await agent.get('/console/language/ar');
      const page = await agent.get('/console/second-factor');
      expect(page.text).not.toContain('/console/second-factor/disable');
      expect(page.text).toContain('منظمتك تشترط عامل التحقق الثاني');
      expect((await agent.post('/console/second-factor/disable', { code: totpCode(secret, 1) })).status).toBe(403);
      expect(await factorOf(officer.id)).toHaveLength(1);
    });
  });
});
