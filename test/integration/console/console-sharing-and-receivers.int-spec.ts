/**
 * The admin's sharing agreements and webhook receivers pages: each action goes through the API's
 * service (its rules, its audit events, another organisation's id is "not found"), bad input is a
 * 400 with the field's message and writes nothing, and a receiver's secret is shown once.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { type ConsoleAgent, consoleAgent } from '../../support/console-agent.js';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('console sharing agreements and webhook receivers', () => {
  let api: NestExpressApplication;
  let db: DataSource;

  const adminOf = async (org: TestOrganisation): Promise<ConsoleAgent> => {
    const agent = consoleAgent(api);
    await agent.signIn(org.users.admin);
    return agent;
  };
  const audited = async (id: string, action: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = $2`, [id, action]))[0].n;

  beforeAll(async () => {
    api = await startApi();
    db = dataSourceOf(api);
  });

  afterAll(() => api.close());

  describe('sharing agreements', () => {
    const agreementsBetween = (a: string, b: string) =>
      db.query(
        `SELECT id, approved_at_a IS NOT NULL AS "a", approved_at_b IS NOT NULL AS "b", withdrawn_at IS NOT NULL AS "withdrawn"
         FROM sharing_agreement WHERE LEAST($1::uuid, $2::uuid) = organisation_a_id AND GREATEST($1::uuid, $2::uuid) = organisation_b_id`,
        [a, b],
      );

    it('one admin proposes, the partner’s admin approves, either withdraws; a third organisation gets 404', async () => {
      const [ours, theirs, stranger] = [await makeOrganisation(db), await makeOrganisation(db), await makeOrganisation(db)];
      const ourAdmin = await adminOf(ours);
      const page = await ourAdmin.get('/console/sharing-agreements');
      expect(page.text).toContain(`value="${theirs.id}"`);
      expect(page.text).not.toContain(`value="${ours.id}"`);

      expect((await ourAdmin.post('/console/sharing-agreements', { partnerOrganisationId: theirs.id })).status).toBe(303);
      const [proposed] = await agreementsBetween(ours.id, theirs.id);
      expect(await audited(proposed.id, 'sharing_agreement.proposed')).toBe(1);
      expect((await ourAdmin.get('/console/sharing-agreements')).text).toContain('waiting for the partner&#39;s approval');

      const theirAdmin = await adminOf(theirs);
      expect((await theirAdmin.get('/console/sharing-agreements')).text).toContain(`/console/sharing-agreements/${proposed.id}/approve`);
      const strangerAdmin = await adminOf(stranger);
      await strangerAdmin.get('/console/sharing-agreements');
      expect((await strangerAdmin.post(`/console/sharing-agreements/${proposed.id}/approve`)).status).toBe(404);

      expect((await theirAdmin.post(`/console/sharing-agreements/${proposed.id}/approve`)).status).toBe(303);
      expect(await agreementsBetween(ours.id, theirs.id)).toEqual([{ id: proposed.id, a: true, b: true, withdrawn: false }]);
      expect((await ourAdmin.get('/console/sharing-agreements')).text).toContain('in force');

      expect((await ourAdmin.post(`/console/sharing-agreements/${proposed.id}/withdraw`)).status).toBe(303);
      expect((await agreementsBetween(ours.id, theirs.id))[0].withdrawn).toBe(true);
      expect(await audited(proposed.id, 'sharing_agreement.withdrawn')).toBe(1);
      // The service's rule: what is withdrawn stays withdrawn.
      expect((await theirAdmin.post(`/console/sharing-agreements/${proposed.id}/withdraw`)).status).toBe(409);
    });

    it('refuses no partner, and the own organisation, with the field’s message, writing nothing', async () => {
      const ours = await makeOrganisation(db);
      const agent = await adminOf(ours);
      await agent.get('/console/sharing-agreements');
      const missing = await agent.post('/console/sharing-agreements', { partnerOrganisationId: '' });
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('Partner organisation: <span lang="en" dir="ltr">is not a valid identifier</span>');
      const own = await agent.post('/console/sharing-agreements', { partnerOrganisationId: ours.id });
      expect(own.status).toBe(400);
      expect(own.text).toContain('an organisation needs no agreement with itself');
      expect(await db.query(`SELECT 1 FROM sharing_agreement WHERE $1 IN (organisation_a_id, organisation_b_id)`, [ours.id])).toEqual([]);
    });
  });

  describe('webhook receivers', () => {
    const receiversOf = (org: TestOrganisation) =>
      db.query(`SELECT id, url, audience, is_active AS "isActive" FROM webhook_receiver WHERE organisation_id = $1`, [org.id]);

    it('adds a receiver and shows its secret once; deactivates and deletes it, audited', async () => {
      const org = await makeOrganisation(db);
      const agent = await adminOf(org);
      await agent.get('/console/webhook-receivers');
      const created = await agent.post('/console/webhook-receivers', { url: 'https://alerts.example.org/rfl', audience: 'enquirer' });
      expect(created.status).toBe(201);
      const secret = /class="setup-code" dir="ltr">([^<]+)</.exec(created.text)![1];
      const [{ signing_secret: stored }] = await db.query(`SELECT signing_secret FROM webhook_receiver WHERE organisation_id = $1`, [
        org.id,
      ]);
      expect(secret).toBe(stored);
      const listed = await agent.get('/console/webhook-receivers');
      expect(listed.text).toContain('https://alerts.example.org/rfl');
      expect(listed.text).not.toContain(secret);

      const [receiver] = await receiversOf(org);
      expect(receiver).toMatchObject({ audience: 'enquirer', isActive: true });
      expect((await agent.post(`/console/webhook-receivers/${receiver.id}/deactivate`)).status).toBe(303);
      expect((await receiversOf(org))[0].isActive).toBe(false);
      expect(await audited(receiver.id, 'webhook_receiver.deactivated')).toBe(1);

      const stranger = await adminOf(await makeOrganisation(db));
      await stranger.get('/console/webhook-receivers');
      expect((await stranger.post(`/console/webhook-receivers/${receiver.id}/delete`)).status).toBe(404);
      expect((await agent.post(`/console/webhook-receivers/${receiver.id}/delete`)).status).toBe(303);
      expect(await receiversOf(org)).toEqual([]);
      expect(await audited(receiver.id, 'webhook_receiver.deleted')).toBe(1);
    });

    it('refuses a URL the API refuses, and an unknown audience, keeping the draft and writing nothing', async () => {
      const org = await makeOrganisation(db);
      const agent = await adminOf(org);
      await agent.get('/console/webhook-receivers');
      const plain = await agent.post('/console/webhook-receivers', { url: 'http://alerts.example.org/rfl', audience: 'staff' });
      expect(plain.status).toBe(400);
      expect(plain.text).toContain('url must use https');
      expect(plain.text).toContain('value="http://alerts.example.org/rfl"');

      await agent.get('/console/language/ar');
      const audience = await agent.post('/console/webhook-receivers', { url: 'https://alerts.example.org/rfl', audience: 'everyone' });
      expect(audience.status).toBe(400);
      expect(audience.text).toContain('<span lang="ar" dir="rtl">ليس من الخيارات المعروضة</span>');
      expect(await receiversOf(org)).toEqual([]);
    });
  });
});
