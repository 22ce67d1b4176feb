import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from './factories.js';

/** An in-process app, or the base URL of an API running in a process of its own. */
export type ApiTarget = INestApplication | string;

const serverOf = (target: ApiTarget) => (typeof target === 'string' ? target : target.getHttpServer());

/** Logs in through the API and returns a supertest agent factory with the bearer token set. */
export async function loginAs(app: ApiTarget, user: TestUser) {
  const response = await request(serverOf(app)).post('/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
  return sessionWith(app, response.body.accessToken);
}

/** A supertest agent factory that sends the given bearer token. */
export function sessionWith(app: ApiTarget, token: string) {
  const server = serverOf(app);
  const auth = { Authorization: `Bearer ${token}` };
  return {
    token,
    get: (url: string) => request(server).get(url).set(auth),
    post: (url: string, body?: object) => request(server).post(url).set(auth).send(body),
    patch: (url: string, body?: object) => request(server).patch(url).set(auth).send(body),
    put: (url: string, body?: object) => request(server).put(url).set(auth).send(body),
    delete: (url: string) => request(server).delete(url).set(auth),
  };
}

export type Session = ReturnType<typeof sessionWith>;
