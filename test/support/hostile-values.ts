import fc from 'fast-check';

/**
 * Every generated string carries this marker, so an error that echoes any submitted value is caught
 * by one search of the response (the hostile suite checks that no 4xx body contains it).
 */
export const MARKER = 'Qz7echo';

const FRAGMENTS = [
  "'; DROP TABLE person_record; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '$1::text',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'nul\u0000inside',
  '\uD800',
  '\uDC00lone',
  'a\uDBFF',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301',
  'محمد Мухаммед ሙሐመድ Μωάμεθ Mehmet',
  'عبد الرحمن‎ Oleksandr Олександр',
  '👨‍👩‍👧\uFFFD\uFFFF',
  '__proto__',
  'constructor',
  'TR-2026-000123',
  '%00%ff%2e%2e',
];

/** Strings that must never reach the database as they are, each carrying the marker. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...FRAGMENTS)).map(([a, b]) => `${a}${MARKER}${b}`),
  fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `${MARKER}${s}`),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `${s}${MARKER}`),
  // beyond every MaxLength of the DTOs, within the body limit
  fc.integer({ min: 2_001, max: 40_000 }).map((n) => `${MARKER}${'ж'.repeat(n)}`),
);

/**
 * Dates that one parser takes and another refuses: ISO week and ordinal dates, years 0 and beyond
 * 9999, a 30 February, leap seconds, offsets out of range; and cursors (base64url JSON, as the API
 * makes them) that carry such dates.
 */
export const oddDate = fc.constantFrom(
  '2026-W01-1',
  '2026-W53',
  '2026-001',
  '2026-366',
  '0000-01-01',
  '+002026-01-01',
  '-000001-01-01',
  '275760-09-13',
  '2026-02-30',
  '2026-02-30T00:00:00Z',
  '2026-12-31T23:59:60Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T00:00:00+99:99',
  '20260101',
  '1',
  'Tue',
  '2026-01-01T00:00:00.123456789Z',
);

export const craftedCursor = fc
  .tuple(
    fc.oneof(oddDate, fc.constant('2026-01-01T00:00:00.000000Z')),
    fc.oneof({ weight: 3, arbitrary: fc.constant('00000000-0000-4000-8000-000000000000') }, fc.constantFrom('x', '')),
  )
  .map((position) => Buffer.from(JSON.stringify(position)).toString('base64url'));

const edgeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53) - 1,
  1e308,
  -1e308,
  5e-324,
  0.5,
  1.0000001,
);

/** JSON text nested `depth` times, beyond anything real (the text-safety pipe refuses more than 32). */
export function deepJson(depth: number, asArrays: boolean): string {
  return asArrays ? `${'['.repeat(depth)}"${MARKER}"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"${MARKER}"${'}'.repeat(depth)}`;
}

const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"Qz7echo"}}',
  '{"constructor":{"prototype":{"polluted":"Qz7echo"}}}',
  '{"prototype":{"polluted":"Qz7echo"},"__proto__":[]}',
  '{"__proto__":null,"toString":"Qz7echo","hasOwnProperty":"Qz7echo","valueOf":{}}',
);

/**
 * Keys that should not be there: pollution keys, keys that look like a DTO's, and marked keys. Errors
 * may name a key that looks like a field name (an identifier), so marked keys never do.
 */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'isAdmin', 'organisationId', 'id', 'roles', ''),
  hostileString.map((s) => `-${s.slice(0, 80)}`),
);

/** A value of any JSON kind that a field does not expect. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: edgeNumber },
  oddDate,
  fc.constantFrom([], [[]], {}, [{}], [null], '', true, false, null),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(hostileString, { minLength: 1, maxLength: 4 }),
  fc.dictionary(hostileKey, hostileString, { maxKeys: 3 }),
  pollution.map((text) => JSON.parse(text) as unknown),
  fc.constantFrom(40, 2_000).chain((depth) => fc.boolean().map((arrays) => JSON.parse(deepJson(depth, arrays)) as unknown)),
);

/** Replaces the value at a path of a body (indices taken modulo the keys), so most bodies are almost right. */
export function replaceAt(body: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof body !== 'object' || body === null) return replacement;
  const keys = Object.keys(body);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as never) : { ...body };
  copy[key] = replaceAt((body as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

/** Adds a key at a path (an own property, `__proto__` included: it is written with defineProperty). */
export function addKeyAt(body: unknown, path: number[], key: string, value: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const keys = Object.keys(body);
  if (path.length > 0 && keys.length > 0) {
    const child = keys[path[0] % keys.length];
    const inner = (body as Record<string, unknown>)[child];
    if (typeof inner === 'object' && inner !== null) {
      const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as never) : { ...body };
      copy[child] = addKeyAt(inner, path.slice(1), key, value);
      return copy;
    }
  }
  const copy = Array.isArray(body) ? [...body] : { ...body };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Percent-encodes any string, lone surrogates included (as the 3-byte sequences UTF-8 forbids). */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (char.isWellFormed()) {
      out += encodeURIComponent(char);
    } else {
      const unit = char.charCodeAt(0);
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map(hexByte).join('');
    }
  }
  return out;
}

const hexByte = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, 0xFF. */
export const invalidUtf8 = fc.oneof(
  fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xff]),
  fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => [...bytes]),
);

/** A URL component: a hostile string percent-encoded, raw bytes that do not decode, odd dates and cursors. */
export const hostileUrlComponent = fc.oneof(
  oddDate.map(encodeURIComponent),
  craftedCursor,
  { weight: 3, arbitrary: hostileString.map((s) => percentEncode(s.slice(0, 300))) },
  invalidUtf8.map((bytes) => `${MARKER}${bytes.map(hexByte).join('')}`),
  fc.constantFrom(
    '%',
    '%zz',
    '%2e%2e',
    '..',
    '%00',
    'null',
    'undefined',
    '-1',
    '1e999',
    `${MARKER}%2F..%2F`,
    `${MARKER}/x`,
    `x/../${MARKER}`,
  ),
  fc.integer({ min: 3_000, max: 6_000 }).map((n) => `${MARKER}${'9'.repeat(n)}`),
);

/** Header values the HTTP client can send (visible Latin-1), with the marker. */
const headerValue = fc.oneof(
  hostileString.map((s) => `${MARKER}${s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').slice(0, 4000)}`),
  fc.constantFrom('', ' ', '0', '-1', 'null', `${MARKER}, 10.0.0.1, ::1, 999.999.999.999`),
);

const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=Qz7echo',
  'application/merge-patch+json',
  `application/${MARKER}`,
);

/** Extra request headers: forwarded addresses, languages, conditional headers, odd content types and encodings. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.oneof(
      fc.tuple(
        fc.constantFrom(
          'accept',
          'accept-language',
          'x-forwarded-for',
          'x-real-ip',
          'x-request-id',
          'if-none-match',
          'if-modified-since',
          'cookie',
          'referer',
          'user-agent',
          'origin',
          'range',
          'x-http-method-override',
          'x-qz7echo',
        ),
        headerValue,
      ),
      fc.tuple(fc.constant('content-type'), contentTypes),
      fc.tuple(fc.constant('content-encoding'), fc.constantFrom('gzip', 'deflate', 'br', 'identity', MARKER)),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => Object.fromEntries(pairs));
