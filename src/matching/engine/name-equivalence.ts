import { NAME_CLASSES } from './data/name-equivalences.js';

export interface NameClassMatch {
  classId: string;
  /** true when the token is a nickname of the name rather than a spelling of it */
  isNickname: boolean;
}

const INDEX: ReadonlyMap<string, NameClassMatch> = (() => {
  const index = new Map<string, NameClassMatch>();
  for (const nameClass of NAME_CLASSES) {
    for (const variant of nameClass.variants) index.set(variant, { classId: nameClass.id, isNickname: false });
    for (const nickname of nameClass.nicknames ?? []) {
      if (!index.has(nickname)) index.set(nickname, { classId: nameClass.id, isNickname: true });
    }
  }
  return index;
})();

/** The equivalence class of a name token (lowercase Latin), if it is a known spelling or nickname. */
export function nameClassOf(token: string): NameClassMatch | undefined {
  return INDEX.get(token);
}
