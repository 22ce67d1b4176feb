import { personErasure } from './erasure-policy.js';

const people = [
  { id: 'e', role: 'enquirer' },
  { id: 's1', role: 'sought' },
  { id: 's2', role: 'sought' },
];

describe('personErasure', () => {
  it('lets a sought person go alone while another remains', () => {
    expect(personErasure(people, 's1')).toEqual({ allowed: true });
  });

  it('keeps the enquirer and the last sought person for the whole request', () => {
    expect(personErasure(people, 'e')).toEqual({ allowed: false, reason: 'needs_whole_request' });
    expect(personErasure(people.slice(0, 2), 's1')).toEqual({ allowed: false, reason: 'needs_whole_request' });
  });

  it('does not know a person of another request', () => {
    expect(personErasure(people, 'x')).toEqual({ allowed: false, reason: 'not_in_request' });
  });
});
