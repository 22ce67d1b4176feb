import { personDetails } from '../../persons/person-writer.js';
import {
  GROUP_SIZE_SHARES,
  generateRequest,
  groupSize,
  queryRecords,
  rescoreSample,
  storedRequests,
  storedSlots,
} from './generate-people.js';

const TODAY = { year: 2026, month: 1, day: 1 };

describe('speed benchmark generator', () => {
  it('gives the same requests for the same seed, and other requests for another seed', () => {
    const first = [...storedRequests(7, 300)];
    const again = [...storedRequests(7, 300)];
    const other = [...storedRequests(8, 300)];
    expect(again).toEqual(first);
    expect(other.map((r) => r.sought.names)).not.toEqual(first.map((r) => r.sought.names));
  });

  it('emits exactly the records asked for, each with ids of its own', () => {
    const requests = [...storedRequests(1, 1000)];
    expect(requests).toHaveLength(1000);
    const ids = requests.flatMap((r) => [r.requestId, r.soughtId, r.enquirerId]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records people once, twice or three times in the documented shares', () => {
    const groups = 20_000;
    const counts = [0, 0, 0];
    for (let group = 0; group < groups; group += 1) counts[groupSize(1, group) - 1] += 1;
    counts.forEach((count, i) => expect(count / groups).toBeCloseTo(GROUP_SIZE_SHARES[i], 1));
  });

  it('writes requests the service accepts: names, scripts, languages and birth dates within its rules', () => {
    for (const request of storedRequests(3, 3000)) {
      for (const person of [request.enquirer, request.sought]) {
        expect(person.names.length).toBeGreaterThan(0);
        for (const name of person.names) {
          expect(name.value.length).toBeGreaterThanOrEqual(1);
          expect(name.value.length).toBeLessThanOrEqual(200);
          if (name.script) expect(name.script).toMatch(/^[A-Z][a-z]{3}$/);
          if (name.language) expect(name.language).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
        }
        // The service's own conversion: throws on a birth date it would refuse.
        expect(() => personDetails(person as never, TODAY, 'person')).not.toThrow();
      }
    }
  });

  it('gives each query record the stored records of its human as true matches, from distinct humans', () => {
    const records = 3000;
    const stored = new Map<number, string[]>();
    for (const request of storedRequests(5, records)) stored.set(request.group, [...(stored.get(request.group) ?? []), request.soughtId]);
    const queries = queryRecords(5, records, 220);
    expect(new Set(queries.map((q) => q.request.group)).size).toBe(220);
    for (const query of queries) {
      expect(query.trueMatchIds).toEqual(stored.get(query.request.group));
      // a new recording: the member after the stored ones, with the same human behind it
      expect(query.request.member).toBe(query.trueMatchIds.length);
      expect(query.request.culture).toBe(generateRequest(5, query.request.group, 0).culture);
    }
  });

  it('refuses more queries than the complete groups can give', () => {
    expect(() => queryRecords(1, 600, 220)).toThrow(/at least 660 records/);
  });

  it('samples stored sought records evenly, all of them when fewer than asked', () => {
    const all = [...storedRequests(2, 500)].map((r) => r.soughtId);
    expect(rescoreSample(2, 500, 10_000)).toEqual(all);
    const sample = rescoreSample(2, 5000, 1000);
    expect(sample).toHaveLength(1000);
    expect(new Set(sample).size).toBe(1000);
    expect([...storedSlots(2, 5000)]).toHaveLength(5000);
  });
});
