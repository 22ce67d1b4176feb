import { parseFormFields } from './form-body.js';

describe('parseFormFields', () => {
  it('reads names and values, repeated names as arrays, percent-encoded UTF-8 and plus signs as spaces', () => {
    const fields = parseFormFields('a=1&flags=x&flags=y&name=%D8%B9%D9%85%D8%B1+Ali&empty=');
    expect({ ...fields }).toEqual({ a: '1', flags: ['x', 'y'], name: 'عمر Ali', empty: '' });
  });

  it('gives a field named like an object property no special meaning', () => {
    const fields = parseFormFields('__proto__=x&constructor=y');
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
