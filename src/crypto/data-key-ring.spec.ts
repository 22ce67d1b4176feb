import fc from 'fast-check';
import { DataKeyRing } from './data-key-ring.js';

const OLD = '11'.repeat(32);
const NEW = '22'.repeat(32);

describe('the data key ring', () => {
  it('unwraps what it wrapped, for the same person only', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (person, other) => {
        fc.pre(person !== other);
        const ring = new DataKeyRing([NEW]);
        const { dataKey, stored } = ring.create(person);
        expect(ring.unwrap(stored, person).equals(dataKey)).toBe(true);
        expect(() => ring.unwrap(stored, other)).toThrow();
      }),
    );
  });

  it('rotates: the newest key wraps, older configured keys still unwrap, and stale wrappings are told apart', () => {
    const before = new DataKeyRing([OLD]);
    const { dataKey, stored } = before.create('p1');
    const during = new DataKeyRing([NEW, OLD]);
    expect(during.isStale(stored)).toBe(true);
    expect(during.unwrap(stored, 'p1').equals(dataKey)).toBe(true);
    const rewrapped = during.wrap(during.unwrap(stored, 'p1'), 'p1');
    expect(during.isStale(rewrapped)).toBe(false);
    const after = new DataKeyRing([NEW]);
    expect(after.unwrap(rewrapped, 'p1').equals(dataKey)).toBe(true);
    expect(() => after.unwrap(stored, 'p1')).toThrow(/not configured/);
  });

  it('needs at least one well-formed master key', () => {
    expect(() => new DataKeyRing([])).toThrow(/at least one master key/);
    expect(() => new DataKeyRing(['not-hex'])).toThrow(/master key 1 must be 64 hex characters/);
  });
});
