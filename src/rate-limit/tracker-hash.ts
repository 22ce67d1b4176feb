import { createHmac } from 'node:crypto';

/**
 * Rate-limit counters are keyed by who is counted: an email, a client address, a user id. The key
 * holds a keyed hash of it, never the value: Redis (and its dumps) then show no personal data, and
 * unlike a bare SHA-256 the small space of addresses or a list of known emails cannot be hashed
 * by someone who reads Redis to find out whose counter it is. Every API process derives the same
 * key from the shared JWT secret, so they count together.
 */
export class TrackerHash {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('rate-limit-tracker/v1').digest();
  }

  /** 128 bits of HMAC-SHA256 over `kind:value`, hex; kinds keep an email and a user id apart. */
  of(kind: 'address' | 'email' | 'user', value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${value}`).digest('hex').slice(0, 32);
  }
}

/** Emails are compared as the login compares them: without surrounding blanks, case-insensitively. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
