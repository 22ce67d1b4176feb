/**
 * The benchmark's own organisation and staff, signed in the way real staff are: the organisation
 * requires a second factor, every user enrols a TOTP through the API, and logs in with password and
 * code. So each measured request pays for the guard's full check (user, policy, active factor).
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type pg from 'pg';
import { hashPassword } from '../../auth/password-hashing.js';
import { callApi } from './api-call.js';

export type BenchRole = 'officer' | 'reviewer' | 'caseworker' | 'admin';
const ROLES: readonly BenchRole[] = ['officer', 'reviewer', 'caseworker', 'admin'];

export interface BenchAccounts {
  organisationId: string;
  userIds: Record<BenchRole, string>;
  /** access tokens of fully signed-in sessions (password and second factor) */
  tokens: Record<BenchRole, string>;
}

/** The code an authenticator shows `stepOffset` 30-second steps from now (the server takes one step either side, never one twice). */
const totpCode = (secret: string, stepOffset: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepOffset * 30_000 });

async function passwordLogin(apiUrl: string, email: string, password: string): Promise<Record<string, unknown>> {
  return callApi(apiUrl, 'POST', '/v1/auth/login', { body: { email, password }, expect: 200 });
}

async function signIn(apiUrl: string, email: string, password: string, secret: string): Promise<string> {
  const { challengeToken } = await passwordLogin(apiUrl, email, password);
  if (typeof challengeToken !== 'string') throw new Error('expected a second-factor challenge after the password');
  const { accessToken } = await callApi(apiUrl, 'POST', '/v1/auth/login/second-factor', {
    body: { challengeToken, code: totpCode(secret, 1) },
    expect: 200,
  });
  return String(accessToken);
}

export async function prepareAccounts(pool: pg.Pool, apiUrl: string): Promise<BenchAccounts> {
  const suffix = randomBytes(4).toString('hex');
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO organisation (name, code) VALUES ($1, $2) RETURNING id`, [
    `Load benchmark ${suffix}`,
    `load-${suffix}`,
  ]);
  const organisationId = rows[0].id;
  const userIds = {} as Record<BenchRole, string>;
  const secrets = {} as Record<BenchRole, string>;
  const emails = {} as Record<BenchRole, string>;
  for (const role of ROLES) {
    emails[role] = `${role}.${suffix}@load-bench.example`;
    const inserted = await pool.query<{ id: string }>(
      `INSERT INTO app_user (organisation_id, email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisationId, emails[role], `${role} ${suffix}`, [role], passwordHash],
    );
    userIds[role] = inserted.rows[0].id;
    const { accessToken } = await passwordLogin(apiUrl, emails[role], password);
    const auth = String(accessToken);
    const started = await callApi(apiUrl, 'POST', '/v1/auth/second-factor/enrolment', { token: auth, expect: 201 });
    secrets[role] = String(started.secret);
    await callApi(apiUrl, 'POST', '/v1/auth/second-factor/enrolment/confirm', {
      token: auth,
      body: { code: totpCode(secrets[role], 0) },
      expect: 201,
    });
    if (role === 'admin') {
      await callApi(apiUrl, 'PUT', '/v1/organisation/second-factor-policy', { token: auth, body: { required: true }, expect: 200 });
    }
  }
  const tokens = {} as Record<BenchRole, string>;
  for (const role of ROLES) tokens[role] = await signIn(apiUrl, emails[role], password, secrets[role]);
  return { organisationId, userIds, tokens };
}
