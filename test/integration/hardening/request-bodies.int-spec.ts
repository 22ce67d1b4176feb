import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { countDomainRows } from '../../support/domain-rows.js';
import { makeOrganisation } from '../../support/factories.js';
import { loginAs, type Session } from '../../support/http.js';
import { makeRequestBody } from '../../support/request-bodies.js';
import { dataSourceOf, startApi } from '../../support/test-app.js';

describe('request bodies', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let officer: Session;

  beforeAll(async () => {
    app = await startApi();
    db = dataSourceOf(app);
    officer = await loginAs(app, (await makeOrganisation(db)).users.officer);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 413 to a JSON body over the limit (256 kB by default) and writes nothing', async () => {
    const before = await countDomainRows(db);
    const body = makeRequestBody({ circumstances: 'x'.repeat(300 * 1024) });
    const response = await officer.post('/v1/tracing-requests', body).expect(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'bad_body', message: 'request body too large' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(await countDomainRows(db)).toEqual(before);
    // just under the limit the body is read, and judged on its fields
    await officer.post('/v1/tracing-requests', makeRequestBody({ circumstances: 'x'.repeat(200 * 1024) })).expect(400);
  });

  it('refuses a body nested too deeply with 400, naming no value', async () => {
    const before = await countDomainRows(db);
    const deep = `{"enquirer":${'['.repeat(5000)}"needle"${']'.repeat(5000)}}`;
    const response = await officer.post('/v1/tracing-requests').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(JSON.stringify(response.body)).not.toContain('needle');
    expect(await countDomainRows(db)).toEqual(before);
  });

  it('refuses bodies that are not JSON: 415 for another type, 400 for broken JSON', async () => {
    const before = await countDomainRows(db);
    const post = () => request(app.getHttpServer()).post('/v1/tracing-requests').set('Authorization', `Bearer ${officer.token}`);
    const text = await post().set('Content-Type', 'text/plain').send('enquirer=Fatima').expect(415);
    expect(text.body).toEqual({ statusCode: 415, code: 'unsupported_media_type', message: 'request bodies must be application/json' });
    await post().set('Content-Type', 'application/x-www-form-urlencoded').send('enquirer=Fatima').expect(415);
    await post().set('Content-Type', 'multipart/form-data; boundary=x').send('--x\r\n\r\nFatima\r\n--x--').expect(415);
    const broken = await post().set('Content-Type', 'application/json').send('{"enquirer": "Fatima').expect(400);
    expect(JSON.stringify(broken.body)).not.toContain('Fatima');
    expect(await countDomainRows(db)).toEqual(before);
    // a write without a body is not refused for its (absent) type
    await officer.post('/v1/tracing-requests').expect(400);
  });
});

describe('request bodies with BODY_LIMIT_KB set', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi({ BODY_LIMIT_KB: '1' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('applies the configured limit before anything else reads the body', async () => {
    const server = app.getHttpServer();
    await request(server)
      .post('/v1/auth/login')
      .send({ email: 'a@test.example', password: 'p'.repeat(2000) })
      .expect(413);
    await request(server)
      .post('/v1/auth/login')
      .send({ email: 'a@test.example', password: 'p'.repeat(100) })
      .expect(401);
  });
});
