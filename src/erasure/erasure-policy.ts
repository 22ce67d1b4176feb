export interface RequestPerson {
  id: string;
  role: 'enquirer' | 'sought' | string;
}

export type PersonErasure = { allowed: true } | { allowed: false; reason: 'not_in_request' | 'needs_whole_request' };

/**
 * Whether one person of a request may be erased alone: a sought person, while another sought person
 * remains. The enquirer and the last sought person go only with the whole request, which without
 * them would mean nothing.
 */
export function personErasure(people: readonly RequestPerson[], personId: string): PersonErasure {
  const person = people.find((p) => p.id === personId);
  if (!person) return { allowed: false, reason: 'not_in_request' };
  if (person.role !== 'sought' || people.filter((p) => p.role === 'sought').length < 2)
    return { allowed: false, reason: 'needs_whole_request' };
  return { allowed: true };
}
