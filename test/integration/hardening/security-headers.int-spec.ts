import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startApi } from '../../support/test-app.js';

/** Every header a JSON answer of the API must carry, whatever its status. */
function expectApiHeaders(headers: Record<string, string>): void {
  const csp = headers['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('security headers (helmet)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startApi();
  });

  afterAll(async () => {
    await app.close();
  });

  it('sets the strict policy on API answers, refusals and unknown routes alike', async () => {
    const server = app.getHttpServer();
    expectApiHeaders((await request(server).get('/health').expect(200)).headers);
    expectApiHeaders((await request(server).get('/v1/tracing-requests').expect(401)).headers);
    expectApiHeaders((await request(server).post('/v1/auth/login').send({ email: 'x' }).expect(400)).headers);
    expectApiHeaders((await request(server).get('/no-such-route').expect(404)).headers);
    expectApiHeaders((await request(server).get('/docs-json').expect(200)).headers);
  });

  it('gives Swagger UI a policy of its own that still lets its page load its scripts and styles', async () => {
    const server = app.getHttpServer();
    const page = await request(server).get('/docs').redirects(1).expect(200).expect('Content-Type', /html/);
    const csp: string = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests'); // would break the page on plain-http loopback
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    // No inline script: every script is a file of the same origin, served with a script type (nosniff).
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const scripts = [...page.text.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]);
    const styles = [...page.text.matchAll(/<link[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']/gi)].map((m) => m[1]);
    expect(scripts).toEqual(
      expect.arrayContaining([expect.stringMatching(/swagger-ui-bundle\.js$/), expect.stringMatching(/swagger-ui-init\.js$/)]),
    );
    expect(styles.length).toBeGreaterThan(0);
    for (const src of [...scripts, ...styles]) expect(src).not.toMatch(/^(https?:)?\/\//);
    const resolve = (src: string) => new URL(src, 'http://api.test/docs').pathname;
    for (const src of scripts)
      await request(server)
        .get(resolve(src))
        .expect(200)
        .expect('Content-Type', /javascript/);
    for (const href of styles) await request(server).get(resolve(href)).expect(200).expect('Content-Type', /css/);
  });
});

describe('CORS', () => {
  const preflight = (app: NestExpressApplication, origin: string) =>
    request(app.getHttpServer())
      .options('/v1/auth/login')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');

  const corsHeaders = (headers: Record<string, string>) => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

  describe('closed by default (CORS_ORIGINS empty)', () => {
    let app: NestExpressApplication;

    beforeAll(async () => {
      app = await startApi({ CORS_ORIGINS: '' });
    });

    afterAll(async () => {
      await app.close();
    });

    it('allows no origin on a simple request', async () => {
      for (const origin of ['https://evil.example', 'http://127.0.0.1:3000', 'null']) {
        const response = await request(app.getHttpServer()).get('/health').set('Origin', origin).expect(200);
        expect(corsHeaders(response.headers)).toEqual([]);
      }
    });

    it('answers a preflight with no CORS header at all', async () => {
      const response = await preflight(app, 'https://evil.example');
      expect(corsHeaders(response.headers)).toEqual([]);
    });
  });

  describe('with an allowlist', () => {
    let app: NestExpressApplication;

    beforeAll(async () => {
      app = await startApi({ CORS_ORIGINS: 'https://tracing.example.org, https://Admin.Example.org:8443' });
    });

    afterAll(async () => {
      await app.close();
    });

    it('allows exactly the listed origins', async () => {
      const server = app.getHttpServer();
      const listed = await request(server).get('/health').set('Origin', 'https://tracing.example.org').expect(200);
      expect(listed.headers['access-control-allow-origin']).toBe('https://tracing.example.org');
      expect(listed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(listed.headers.vary).toMatch(/Origin/);
      const normalised = await request(server).get('/health').set('Origin', 'https://admin.example.org:8443').expect(200);
      expect(normalised.headers['access-control-allow-origin']).toBe('https://admin.example.org:8443');

      for (const origin of ['https://evil.example', 'https://tracing.example.org.evil.example', 'http://tracing.example.org']) {
        const response = await request(server).get('/health').set('Origin', origin).expect(200);
        expect(corsHeaders(response.headers)).toEqual([]);
      }
    });

    it('answers a listed preflight and gives an unlisted one no CORS header', async () => {
      const listed = await preflight(app, 'https://tracing.example.org').expect(204);
      expect(listed.headers['access-control-allow-origin']).toBe('https://tracing.example.org');
      expect(listed.headers['access-control-allow-methods']).toContain('POST');
      expect(listed.headers['access-control-allow-headers']).toMatch(/Authorization/);
      const unlisted = await preflight(app, 'https://evil.example');
      expect(corsHeaders(unlisted.headers)).toEqual([]);
    });
  });
});
