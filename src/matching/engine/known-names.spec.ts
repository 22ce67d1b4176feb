import { droppedLetterLeavesNoName, isKnownGivenName, surnameFromGivenName } from './known-names.js';
import type { TokenForm } from './normalise-name.js';

const typed = (token: string): TokenForm => ({ token, metaphone: [], skeleton: '', typedInLatin: true });

describe('isKnownGivenName', () => {
  it.each([
    ['lia', true],
    ['ian', true],
    ['jaime', true],
    ['imm', false],
    ['wod', false],
    // the files' words for a child not yet named are left out
    ['unknown', false],
    ['baby', false],
  ])('%s: %s', (token, known) => {
    expect(isKnownGivenName(token)).toBe(known);
  });
});

describe('droppedLetterLeavesNoName', () => {
  it.each([
    ['imam', 'imm', true],
    ['wold', 'wod', true],
    // the last letter too
    ['nur', 'nu', true],
    ['wold', 'wol', true],
    // a known name left
    ['lina', 'lia', false],
    ['ivan', 'ian', false],
    // both could be one syllable of Vietnamese or Mandarin
    ['ngo', 'no', false],
    ['hou', 'hu', false],
    // the first letter dropped, two letters dropped, or five letters
    ['imam', 'mam', false],
    ['imam', 'im', false],
    ['hazel', 'hazl', false],
    // a letter changed besides
    ['wold', 'wid', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(droppedLetterLeavesNoName(typed(a), typed(b))).toBe(expected);
    expect(droppedLetterLeavesNoName(typed(b), typed(a))).toBe(expected);
  });

  it('reads only names typed in Latin letters', () => {
    expect(droppedLetterLeavesNoName({ ...typed('imam'), typedInLatin: undefined }, typed('imm'))).toBe(false);
  });
});

describe('surnameFromGivenName', () => {
  it.each([
    ['jaime', 'jaimes', true],
    ['peter', 'peters', true],
    // given names of their own
    ['charle', 'charles', false],
    ['jame', 'james', false],
    // another letter, or no known given name before the s
    ['jaime', 'jaimez', false],
    ['wod', 'wods', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(surnameFromGivenName(typed(a), typed(b))).toBe(expected);
    expect(surnameFromGivenName(typed(b), typed(a))).toBe(expected);
  });
});
