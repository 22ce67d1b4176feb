import { MODEL_WEIGHTS as W } from './data/model-weights.js';
import type { PersonForMatching } from './person-for-matching.js';
import { completeScore, preparePerson, reciprocityCanReach, scoreFields, scorePrepared, type PreparedPairContext } from './score-pair.js';

const person = (id: string, value: string, role: PersonForMatching['role'] = 'sought'): PersonForMatching => ({
  id,
  role,
  sex: 'unknown',
  birth: null,
  names: [{ value, part: 'full' }],
});

/** Counterparts that meet (the same enquirer's name on both sides), counting how often they are read. */
function meetingCounterparts(floor: number | undefined): PreparedPairContext & { reads: () => number } {
  let reads = 0;
  const enquirer = preparePerson(person('e1', 'Amina Warsame Farah', 'enquirer'));
  const other = preparePerson(person('e2', 'Amina Warsame Farah', 'enquirer'));
  return {
    aCounterparts: () => (reads++, [enquirer]),
    bCounterparts: () => (reads++, [other]),
    reciprocityFloor: floor,
    reads: () => reads,
  };
}

describe('scorePrepared: reciprocity under the storage floor', () => {
  const a = preparePerson(person('p1', 'Abdi Warsame'));
  const stranger = preparePerson(person('p2', 'Olena Kovalenko'));
  const namesake = preparePerson(person('p3', 'Abdi Warsame'));

  it('does not read the counterparts of a pair that even reciprocity would leave under the floor', () => {
    const context = meetingCounterparts(0.2);
    const result = scorePrepared(a, stranger, context);
    expect(result.evidence.find((e) => e.field === 'reciprocity')).toEqual({ field: 'reciprocity', outcome: 'not_needed', weight: 0 });
    expect(context.reads()).toBe(0);
    // the pair would stay under the floor with the reciprocity weight too
    const withReciprocity = 1 / (1 + Math.exp(-(Math.log(result.score / (1 - result.score)) + W.reciprocity)));
    expect(withReciprocity).toBeLessThan(0.2);
  });

  it('reads them for a pair within reach, and scores as without a floor', () => {
    const context = meetingCounterparts(0.2);
    const result = scorePrepared(a, namesake, context);
    expect(context.reads()).toBe(2);
    expect(result.evidence.find((e) => e.field === 'reciprocity')).toMatchObject({ outcome: 'agree', weight: W.reciprocity });
    expect(result.score).toBe(scorePrepared(a, namesake, meetingCounterparts(undefined)).score);
  });

  it('looks at reciprocity for every pair when no floor is given', () => {
    const context = meetingCounterparts(undefined);
    expect(scorePrepared(a, stranger, context).evidence.find((e) => e.field === 'reciprocity')?.outcome).not.toBe('not_needed');
    expect(context.reads()).toBe(2);
  });
});

describe('scoreFields, then completeScore', () => {
  const a = preparePerson(person('p1', 'Abdi Warsame'));
  const stranger = preparePerson(person('p2', 'Olena Kovalenko'));
  const namesake = preparePerson(person('p0', 'Abdi Warsame'));

  it.each([
    ['in canonical order', a, stranger],
    ['swapped (the second has the lower id)', a, namesake],
  ])('scores %s as scorePrepared does, reciprocity included', (_, first, second) => {
    const fields = scoreFields(first, second);
    expect(completeScore(fields, meetingCounterparts(0.2))).toEqual(scorePrepared(first, second, meetingCounterparts(0.2)));
    expect(completeScore(fields, meetingCounterparts(undefined))).toEqual(scorePrepared(first, second, meetingCounterparts(undefined)));
    expect(completeScore(fields)).toEqual(scorePrepared(first, second));
  });

  it('says whether counterparts could matter: not for a stranger, yes for a namesake', () => {
    expect(reciprocityCanReach(scoreFields(a, stranger), 0.2)).toBe(false);
    expect(reciprocityCanReach(scoreFields(a, namesake), 0.2)).toBe(true);
    expect(scoreFields(a, namesake).swapped).toBe(true);
  });
});
