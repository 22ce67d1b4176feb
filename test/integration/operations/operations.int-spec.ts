import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { freePort } from '../../support/local-services.js';
import { startApi } from '../../support/test-app.js';

describe('operations endpoints', () => {
  let app: NestExpressApplication;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    app = await startApi({ METRICS_PORT: String(metricsPort) });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers liveness and readiness (database, Redis, queue) without a token', async () => {
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/ready').expect(200);
    expect(Object.keys(ready.body.info).sort()).toEqual(['database', 'queue', 'redis']);
  });

  it('serves the OpenAPI document generated from the code, and Swagger UI', async () => {
    const spec = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/tracing-requests',
        '/v1/tracing-requests/{id}',
        '/v1/auth/login',
        '/v1/users',
        '/v1/case-status/{reference}',
      ]),
    );
    expect(spec.body.components.schemas.CreateTracingRequestDto).toBeDefined();
    await request(app.getHttpServer()).get('/docs').expect(200).expect('Content-Type', /html/);
  });

  it('keeps metrics off the public port and serves them on loopback', async () => {
    await request(app.getHttpServer()).get('/metrics').expect(404);
    await request(app.getHttpServer()).get('/health').expect(200);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('route="/health"');
    expect(text).toMatch(/queue_jobs\{state="waiting"/);
    expect(text).toContain('queue_oldest_waiting_job_age_seconds');
    expect(text).toMatch(/outbox_backlog\{[^}]*\} \d+/);
  });
});
