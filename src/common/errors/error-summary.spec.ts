import { summariseError } from './error-summary.js';

describe('summariseError', () => {
  it('keeps the class, a database code and the call frames, never the message', () => {
    const error = Object.assign(new TypeError('invalid input syntax for type uuid: "Fatima Haddad"'), { code: '22P02' });
    const summary = summariseError(error);
    expect(summary).toMatchObject({ errorType: 'TypeError', code: '22P02' });
    expect(summary.frames).toMatch(/^\s*at /);
    expect(JSON.stringify(summary)).not.toContain('Fatima');
  });

  it('drops a code that could carry text', () => {
    expect(summariseError(Object.assign(new Error('x'), { code: 'name: Fatima' })).code).toBeUndefined();
    expect(summariseError('a thrown string').errorType).toBe('String');
  });
});
