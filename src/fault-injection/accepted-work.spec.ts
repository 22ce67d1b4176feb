import { AcceptedWork, type RequestAnswer } from './accepted-work.js';

const answer = (version: number, enquirer: number, sought: number): RequestAnswer => ({
  id: 'r1',
  version,
  enquirer: { id: 'e1', version: enquirer },
  soughtPeople: [{ id: 's1', version: sought }],
});

describe('AcceptedWork', () => {
  it('records each person version the API confirmed, enquirer first', () => {
    const work = new AcceptedWork();
    work.created(answer(1, 1, 1));
    work.edited(answer(2, 1, 2));
    expect(work.creates).toBe(1);
    expect(work.edits).toBe(1);
    expect([...work.requests.get('r1')!.persons.keys()]).toEqual(['e1', 's1']);
    expect(work.personVersions()).toEqual([
      { requestId: 'r1', personId: 'e1', version: 1 },
      { requestId: 'r1', personId: 's1', version: 2 },
    ]);
  });

  it('never lowers a confirmed version when an older answer arrives late', () => {
    const work = new AcceptedWork();
    work.created(answer(1, 1, 1));
    work.edited(answer(3, 1, 3));
    work.edited(answer(2, 1, 2));
    expect(work.requests.get('r1')!.version).toBe(3);
    expect(work.personVersions().find((p) => p.personId === 's1')!.version).toBe(3);
  });

  it('takes only the request version from a read after a refused edit: nothing new was accepted', () => {
    const work = new AcceptedWork();
    work.created(answer(1, 1, 1));
    work.refreshed({ id: 'r1', version: 4 });
    expect(work.requests.get('r1')!.version).toBe(4);
    expect(work.personVersions().map((p) => p.version)).toEqual([1, 1]);
    expect(work.edits).toBe(0);
  });
});
