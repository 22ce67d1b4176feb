import { normaliseEmail, TrackerHash } from './tracker-hash.js';

describe('TrackerHash', () => {
  const hash = new TrackerHash('x'.repeat(40));

  it('gives the same value the same key in every process that shares the secret', () => {
    expect(hash.of('email', 'fatima@example.org')).toBe(new TrackerHash('x'.repeat(40)).of('email', 'fatima@example.org'));
    expect(hash.of('email', 'fatima@example.org')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('depends on the secret and on the kind, and shows nothing of the value', () => {
    const key = hash.of('address', '203.0.113.7');
    expect(new TrackerHash('y'.repeat(40)).of('address', '203.0.113.7')).not.toBe(key);
    expect(hash.of('user', '203.0.113.7')).not.toBe(key);
    expect(key).not.toContain('203');
  });

  it('counts an email however it is cased or padded', () => {
    expect(normaliseEmail('  Fatima@Example.ORG ')).toBe('fatima@example.org');
  });
});
