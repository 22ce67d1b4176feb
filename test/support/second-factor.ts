import type { INestApplication } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import request from 'supertest';
import type { TestUser } from './factories.js';
import { loginAs, type Session, sessionWith } from './http.js';

/**
 * The code an authenticator app would show `stepOffset` periods from now. The server accepts one
 * step either side of now and never the same step twice, so a test that confirmed enrolment with
 * the current code (offset 0) logs in with offset 1.
 */
export function totpCode(secret: string, stepOffset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepOffset * 30_000 });
}

export interface EnrolledTotp {
  secret: string;
  recoveryCodes: string[];
}

/** Enrols and confirms a TOTP for the user (through the API, with the current code). */
export async function enrolTotp(app: INestApplication, user: TestUser, session?: Session): Promise<EnrolledTotp> {
  const as = session ?? (await loginAs(app, user));
  const started = await as.post('/v1/auth/second-factor/enrolment').expect(201);
  const secret: string = started.body.secret;
  const confirmed = await as.post('/v1/auth/second-factor/enrolment/confirm', { code: totpCode(secret) }).expect(201);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** The password step of a user with a second factor: returns the challenge token (and checks no access token came). */
export async function passwordStep(app: INestApplication, user: TestUser): Promise<string> {
  const response = await request(app.getHttpServer())
    .post('/v1/auth/login')
    .send({ email: user.email, password: user.password })
    .expect(200);
  if (response.body.accessToken !== undefined || response.body.secondFactorRequired !== true) {
    throw new Error('expected a second-factor challenge, not an access token');
  }
  return response.body.challengeToken;
}

/**
 * Logs in a user with an active TOTP: password, then a code. `code` defaults to the code of the next
 * time step (see totpCode); pass a recovery code or another step's code to choose.
 */
export async function loginWithTotp(app: INestApplication, user: TestUser, totp: EnrolledTotp, code?: string): Promise<Session> {
  const challengeToken = await passwordStep(app, user);
  const response = await request(app.getHttpServer())
    .post('/v1/auth/login/second-factor')
    .send({ challengeToken, code: code ?? totpCode(totp.secret, 1) })
    .expect(200);
  return sessionWith(app, response.body.accessToken);
}
