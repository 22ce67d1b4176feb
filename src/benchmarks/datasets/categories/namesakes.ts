import { closeOther, listFor, type Person, type Role, withPart } from '../name-model.js';
import type { Prng } from '../prng.js';

/**
 * A different person whose name differs from `person`'s in one part only, chosen close when possible: a sibling
 * (same father's and family names, another given name), a cousin or namesake (same given name, another father's or
 * family name). These are the hard negatives the issue asks for: "Ahmed Ali Hassan" vs "Ahmed Ali Hussein",
 * "Olena Kovalenko" vs "Oksana Kovalenko". `sameName` rejects forms of one name (Francis / Frank, Yusuf / Joseph),
 * which would be the same person.
 */
export function namesake(person: Person, prng: Prng, sameName?: (a: string, b: string) => boolean): Person {
  const weights: Record<Role, number> = { given: 5, middle: 1, father: 3, grandfather: 1, patronymic: 2, family: 3 };
  const candidates = person.roles.map((role, index) => ({ role, index })).filter(({ role }) => listFor(person, role).length > 1);
  const { role, index } = prng.pickWeighted(candidates, ({ role: r }) => weights[r]);
  return withPart(person, index, closeOther(person.parts[index], listFor(person, role), prng, sameName));
}
