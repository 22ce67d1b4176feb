import { createHash, randomBytes } from 'node:crypto';

export const SETUP_CODE_TTL_HOURS = 72;

/** A one-time set-up code: the plain code goes to the person once, only its hash is stored. */
export function newSetupCode(now: Date): { code: string; codeHash: string; expiresAt: Date } {
  const code = randomBytes(24).toString('base64url');
  return { code, codeHash: hashSetupCode(code), expiresAt: new Date(now.getTime() + SETUP_CODE_TTL_HOURS * 3_600_000) };
}

export function hashSetupCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
