import { NAME_CLASSES } from './data/name-equivalences.js';
import { nameClassOf } from './name-equivalence.js';

describe('name equivalence classes', () => {
  it.each([
    ['mohammed', 'mehmet'],
    ['yusuf', 'joseph'],
    ['oleksandr', 'alexander'],
    ['hussein', 'huseyin'],
    ['fatima', 'fadumo'],
  ])('puts %s and %s in one class', (a, b) => {
    expect(nameClassOf(a)?.classId).toBeDefined();
    expect(nameClassOf(a)?.classId).toBe(nameClassOf(b)?.classId);
  });

  it('ties a nickname to its name, marked as a nickname', () => {
    expect(nameClassOf('sasha')).toEqual({ classId: 'alexander', isNickname: true });
    expect(nameClassOf('aleksandr')).toEqual({ classId: 'alexander', isNickname: false });
  });

  it('knows nothing of names it has no class for', () => {
    expect(nameClassOf('zzyzx')).toBeUndefined();
  });

  it('lists each spelling in one class only, in lowercase Latin', () => {
    const seen = new Map<string, string>();
    for (const nameClass of NAME_CLASSES) {
      for (const variant of nameClass.variants) {
        expect(variant).toMatch(/^[a-z]+$/);
        expect(seen.get(variant) ?? nameClass.id).toBe(nameClass.id);
        seen.set(variant, nameClass.id);
      }
    }
    expect(new Set(NAME_CLASSES.map((c) => c.id)).size).toBe(NAME_CLASSES.length);
  });
});
