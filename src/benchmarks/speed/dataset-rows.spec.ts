import { addRequest, emptyBatch, storedReference } from './dataset-rows.js';
import { storedRequests } from './generate-people.js';

const TODAY = { year: 2026, month: 1, day: 1 };
const ORGANISATION = '00000000-0000-4000-8000-000000000001';

describe('bulk-load rows', () => {
  const requests = [...storedRequests(4, 400)];
  const batch = emptyBatch();
  for (const request of requests) addRequest(batch, request, ORGANISATION, TODAY);

  it('has one enquirer and one sought person per request, with the columns the schema requires of each', () => {
    const p = batch.persons;
    expect(batch.requests.id).toHaveLength(400);
    expect(p.id).toHaveLength(800);
    for (const column of Object.values(p)) expect(column).toHaveLength(800);
    p.role.forEach((role, i) => {
      if (role === 'enquirer') {
        expect([p.legalBasis[i], p.status[i], p.relationship[i], p.position[i]]).toEqual(['consent', null, null, 0]);
      } else {
        expect([p.legalBasis[i], p.status[i], p.position[i]]).toEqual(['vital_interest', 'searching', 1]);
        expect(p.relationship[i]).not.toBeNull();
      }
      // birth_date_kind is unknown exactly when there is no range and no calendar
      expect(p.birthDateKind[i] === 'unknown').toBe(p.birthEarliest[i] === null);
      expect(p.birthDateKind[i] === 'unknown').toBe(p.birthCalendar[i] === null);
    });
  });

  it('writes keys for everyone, searchable only for sought people and enquirers who agreed to be found', () => {
    const findable = new Set(requests.flatMap((r) => (r.agreesToBeFound ? [r.enquirerId, r.soughtId] : [r.soughtId])));
    const keyed = new Set(batch.keys.personId);
    expect(keyed.size).toBe(800);
    batch.keys.personId.forEach((id, i) => expect(batch.keys.isTarget[i]).toBe(findable.has(id)));
    for (const key of batch.keys.key) expect(key.length).toBeGreaterThanOrEqual(3);
    expect(new Set(batch.baseline.personId)).toEqual(findable);
  });

  it('gives every request a reference in the service’s format, unique, from years before any created today', () => {
    const references = batch.requests.reference;
    expect(new Set(references).size).toBe(400);
    for (const reference of references) expect(reference).toMatch(/^TR-202[34]-[0-9]{6,}$/);
    expect(storedReference({ ...requests[0], index: 1_234_567 })).toMatch(/-1234568$/);
  });

  it('keeps names in order, as recorded', () => {
    const first = requests[0];
    const names = batch.names.value.filter((_, i) => batch.names.personId[i] === first.soughtId);
    expect(names).toEqual(first.sought.names.map((n) => n.value));
  });
});
