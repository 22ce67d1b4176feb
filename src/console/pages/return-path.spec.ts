import { safeReturnPath } from './return-path.js';

describe('safeReturnPath', () => {
  it.each(['/console', '/console/requests?status=searching&reference=TR-2026', '/console/review/0b0e6c1e-5f1e-4f0e-9a57-4f4b1f7f9d1a'])(
    'keeps the console path %s',
    (path) => expect(safeReturnPath(path)).toBe(path),
  );

  it.each([
    'https://evil.example/',
    '//evil.example/console',
    '/console//evil.example',
    '/consolex',
    '/docs',
    '/console/../v1/users',
    'javascript:alert(1)',
    42,
    undefined,
  ])('sends %s home instead', (value) => expect(safeReturnPath(value)).toBe('/console'));
});
