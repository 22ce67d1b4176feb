import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that are accepted (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = 'RFL Tracing';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/** A six-digit code, as an authenticator app shows it. */
export function isTotpCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a code belongs to, if it is valid now and newer than the last step used: a code is
 * never accepted twice, nor is an older one after a newer one (RFC 6238, section 5.2).
 */
export function acceptedTotpStep(secretBase32: string, code: string, nowMs: number, lastUsedStep: number | null): number | null {
  if (!isTotpCodeShape(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: nowMs }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Ten one-time recovery codes of 50 random bits each, written `xxxxx-xxxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((byte) => BASE32[byte & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Lower case, separators and spaces dropped; null when it cannot be a recovery code at all. */
export function normaliseRecoveryCode(code: string): string | null {
  const compact = code.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-7]{10}$/.test(compact) ? compact : null;
}

function totp(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    algorithm: 'SHA1',
  });
}
