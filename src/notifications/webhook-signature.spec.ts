import fc from 'fast-check';
import { newSigningSecret, signWebhook, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'test-secret-0123456789abcdef0123456789';

  it('is the HMAC-SHA256 of "<timestamp>.<body>" in hex (vector computed with openssl dgst -hmac)', () => {
    expect(signWebhook(secret, 1764160000, '{"id":"x"}')).toBe('v1=54bad9196f149c79428db2fe7c620a02c58b6c99412f61bd84451848b7566b0e');
  });

  it('verifies its own signatures, and refuses another body, timestamp or secret', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ minLength: 1 }), (body, timestamp, extra) => {
        const signature = signWebhook(secret, timestamp, body);
        expect(verifyWebhookSignature(secret, String(timestamp), body, signature)).toBe(true);
        expect(verifyWebhookSignature(secret, timestamp, body + extra, signature)).toBe(false);
        expect(verifyWebhookSignature(secret, timestamp + 1, body, signature)).toBe(false);
        expect(verifyWebhookSignature(`${secret}${extra}`, timestamp, body, signature)).toBe(false);
      }),
    );
  });

  it('refuses a truncated or malformed signature without throwing', () => {
    const signature = signWebhook(secret, 1, 'body');
    expect(verifyWebhookSignature(secret, 1, 'body', signature.slice(0, -1))).toBe(false);
    expect(verifyWebhookSignature(secret, 1, 'body', '')).toBe(false);
  });

  it('makes a fresh 256-bit secret each time', () => {
    const a = newSigningSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSigningSecret()).not.toBe(a);
  });
});
