import { fieldSegment, joinFieldPath } from './field-path.js';
import { flattenValidationErrors } from './validation-pipe.js';
import { findUnsafeText } from './text-safety.pipe.js';

describe('field paths in error responses', () => {
  it('name keys that look like field names, and nothing else the client sent', () => {
    expect(joinFieldPath('persons.0', 'names')).toBe('persons.0.names');
    expect(fieldSegment('12')).toBe('12');
    for (const key of ['<script>alert(1)</script>', 'Fatima Haddad', 'محمد', '__proto__', "'; DROP TABLE x; --", 'a'.repeat(41), '']) {
      expect(fieldSegment(key)).toBe('(key)');
    }
  });

  it('never quote an unknown key in a whitelist error, whatever it holds', () => {
    const fields = flattenValidationErrors([
      {
        property: 'enquirer',
        children: [
          {
            property: '<img src=x onerror=alert(1)>',
            constraints: { whitelistValidation: 'property <img src=x onerror=alert(1)> should not exist' },
          },
        ],
      },
    ]);
    expect(fields).toEqual([{ field: 'enquirer.(key)', problems: ['is not a field of this request'] }]);
  });

  it('never quote a key holding broken text or markup when the text-safety pipe refuses it', () => {
    expect(findUnsafeText({ '<b>Fatima</b>': { ok: '\uD800' } })).toEqual(['(key).ok']);
  });
});
