import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header names a receiver reads; documented in docs/decisions/0011-webhook-notifications.md. */
export const WEBHOOK_HEADERS = {
  idempotencyKey: 'idempotency-key',
  timestamp: 'x-rfl-timestamp',
  signature: 'x-rfl-signature',
} as const;

/** 32 random bytes, base64url: the HMAC key an admin sees once when creating a receiver. */
export function newSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * `v1=` and the hex HMAC-SHA256, under the receiver's secret, of `<timestamp>.<body>`. The timestamp
 * (Unix seconds) is signed with the body so a receiver can refuse a captured request replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does with the headers: recompute and compare in constant time. Used by the tests. */
export function verifyWebhookSignature(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
