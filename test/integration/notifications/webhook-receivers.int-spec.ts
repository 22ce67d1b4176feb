import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { makeOrganisation, type TestOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';
import request from 'supertest';

/** The admin API, with the default settings: https only. */
describe('webhook receivers (admin API)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let admin: Session;
  let otherAdmin: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    org = await makeOrganisation(db);
    other = await makeOrganisation(db);
    admin = await loginAs(app, org.users.admin);
    otherAdmin = await loginAs(app, other.users.admin);
  });

  afterAll(async () => {
    await app.close();
  });

  const receiverRows = async () => (await db.query(`SELECT count(*)::int AS n FROM webhook_receiver`))[0].n as number;
  const del = (session: Session, url: string) =>
    request(app.getHttpServer())
      .delete(url)
      .set({ Authorization: `Bearer ${session.token}` });

  it('creates a receiver with a secret shown once, lists it without the secret, and audits ids only', async () => {
    const created = await admin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/rfl', audience: 'enquirer' }).expect(201);
    const { receiver, signingSecret } = created.body;
    expect(receiver).toEqual({
      id: expect.any(String),
      url: 'https://alerts.example.org/rfl',
      audience: 'enquirer',
      isActive: true,
      createdBy: org.users.admin.id,
      createdAt: expect.any(String),
    });
    expect(signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.query(`SELECT signing_secret, organisation_id FROM webhook_receiver WHERE id = $1`, [receiver.id]);
    expect(row).toEqual({ signing_secret: signingSecret, organisation_id: org.id });

    const listed = await admin.get('/v1/webhook-receivers').expect(200);
    expect(listed.body).toEqual([receiver]);
    expect(JSON.stringify(listed.body)).not.toContain(signingSecret);
    // Another organisation's admin sees none of it.
    expect((await otherAdmin.get('/v1/webhook-receivers').expect(200)).body).toEqual([]);

    const [audit] = await db.query(`SELECT * FROM audit_event WHERE action = 'webhook_receiver.created' AND entity_id = $1`, [receiver.id]);
    expect(audit).toMatchObject({
      actor_user_id: org.users.admin.id,
      organisation_id: org.id,
      entity_type: 'webhook_receiver',
      outcome: 'allowed',
    });
  });

  it('refuses every role but admin with 403, writing nothing', async () => {
    const { body } = await admin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/staff', audience: 'staff' }).expect(201);
    const before = await receiverRows();
    for (const role of ['officer', 'reviewer', 'caseworker', 'auditor'] as const) {
      const session = await loginAs(app, org.users[role]);
      await session.get('/v1/webhook-receivers').expect(403);
      await session.post('/v1/webhook-receivers', { url: 'https://evil.example.org/', audience: 'staff' }).expect(403);
      await session.post(`/v1/webhook-receivers/${body.receiver.id}/deactivate`).expect(403);
      await del(session, `/v1/webhook-receivers/${body.receiver.id}`).expect(403);
    }
    expect(await receiverRows()).toBe(before);
    const [row] = await db.query(`SELECT is_active FROM webhook_receiver WHERE id = $1`, [body.receiver.id]);
    expect(row.is_active).toBe(true);
  });

  it.each([
    ['plain http, even to loopback, unless the setting allows it', { url: 'http://127.0.0.1:9/hook', audience: 'staff' }, 'url'],
    ['plain http elsewhere', { url: 'http://alerts.example.org/hook', audience: 'staff' }, 'url'],
    ['another scheme', { url: 'ftp://alerts.example.org/hook', audience: 'staff' }, 'url'],
    ['not a URL', { url: 'alerts.example.org', audience: 'staff' }, 'url'],
    ['credentials in the URL', { url: 'https://user:secret@alerts.example.org/', audience: 'staff' }, 'url'],
    ['a URL that is too long', { url: `https://alerts.example.org/${'a'.repeat(2000)}`, audience: 'staff' }, 'url'],
    ['a URL that is not a string', { url: 42, audience: 'staff' }, 'url'],
    ['an unknown audience', { url: 'https://alerts.example.org/', audience: 'everyone' }, 'audience'],
    ['a missing audience', { url: 'https://alerts.example.org/' }, 'audience'],
    ['an unknown field', { url: 'https://alerts.example.org/', audience: 'staff', signingSecret: 'mine' }, 'signingSecret'],
  ])('answers 400 to %s, names the field, echoes nothing and writes nothing', async (_, body, field) => {
    const before = await receiverRows();
    const response = await admin.post('/v1/webhook-receivers', body).expect(400);
    expect(JSON.stringify(response.body.fields ?? response.body)).toContain(field);
    if (typeof body.url === 'string') expect(JSON.stringify(response.body)).not.toContain(body.url.slice(8, 30));
    expect(await receiverRows()).toBe(before);
  });

  it('answers 404 for another organisation’s receiver, and 400 for an id that is not one', async () => {
    const { body } = await admin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/mine', audience: 'staff' }).expect(201);
    await otherAdmin.post(`/v1/webhook-receivers/${body.receiver.id}/deactivate`).expect(404);
    await del(otherAdmin, `/v1/webhook-receivers/${body.receiver.id}`).expect(404);
    await otherAdmin.post(`/v1/webhook-receivers/not-an-id/deactivate`).expect(400);
    const [row] = await db.query(`SELECT is_active FROM webhook_receiver WHERE id = $1`, [body.receiver.id]);
    expect(row.is_active).toBe(true);
  });

  it('deactivates once, deletes, and audits both', async () => {
    const { body } = await admin.post('/v1/webhook-receivers', { url: 'https://alerts.example.org/old', audience: 'staff' }).expect(201);
    const id = body.receiver.id;
    expect((await admin.post(`/v1/webhook-receivers/${id}/deactivate`).expect(200)).body.isActive).toBe(false);
    await admin.post(`/v1/webhook-receivers/${id}/deactivate`).expect(409);
    await del(admin, `/v1/webhook-receivers/${id}`).expect(204);
    await del(admin, `/v1/webhook-receivers/${id}`).expect(404);
    expect(await db.query(`SELECT id FROM webhook_receiver WHERE id = $1`, [id])).toEqual([]);
    const actions = await db.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'webhook_receiver.created',
      'webhook_receiver.deactivated',
      'webhook_receiver.deleted',
    ]);
  });
});
