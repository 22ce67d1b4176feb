import { readdirSync, readFileSync } from 'node:fs';
import { COARSE_STATUSES, type CoarseStatus } from './coarse-status.js';

export const REVIEW_STATES = ['reviewed', 'awaiting_native_review'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const TEXT_KEYS = ['message', 'nextStep'] as const;
type StatusText = Record<(typeof TEXT_KEYS)[number], string>;

/** One language's texts, as a translator edits them in src/case-status/messages/<tag>.json. */
export interface Catalogue {
  language: string;
  aliases: string[];
  review: ReviewState;
  /** Only the complete texts: a status with a text missing is left out, and answered in English. */
  texts: Partial<Record<CoarseStatus, StatusText>>;
}

export interface StatusTexts extends StatusText {
  /** the language the texts are in, which is English when the enquirer's has no complete translation */
  language: string;
  isReviewedText: boolean;
}

export const FALLBACK_LANGUAGE = 'en';

/** Reads one catalogue file's content. A file that is not a catalogue stops the start-up; a missing text does not. */
export function parseCatalogue(language: string, raw: unknown): Catalogue {
  const file = (raw ?? {}) as { aliases?: unknown; review?: unknown; texts?: Record<string, Record<string, unknown> | undefined> };
  if (!REVIEW_STATES.includes(file.review as ReviewState))
    throw new Error(`message catalogue ${language}: review must be one of ${REVIEW_STATES}`);
  const texts: Catalogue['texts'] = {};
  for (const status of COARSE_STATUSES) {
    const entry = file.texts?.[status];
    const complete = TEXT_KEYS.every((key) => typeof entry?.[key] === 'string' && (entry[key] as string).trim().length > 0);
    if (complete) texts[status] = { message: entry!.message as string, nextStep: entry!.nextStep as string };
  }
  const aliases = Array.isArray(file.aliases) ? file.aliases.filter((a): a is string => typeof a === 'string') : [];
  return { language, aliases, review: file.review as ReviewState, texts };
}

/** Every `<tag>.json` of the folder. English must be complete: it is what every gap falls back to. */
export function loadCatalogues(folder: URL): Catalogue[] {
  const catalogues = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const language = name.slice(0, -'.json'.length);
      return parseCatalogue(language, JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
    });
  const english = catalogues.find((c) => c.language === FALLBACK_LANGUAGE);
  if (!english || COARSE_STATUSES.some((status) => !english.texts[status])) {
    throw new Error(`message catalogue ${FALLBACK_LANGUAGE} must exist and have every text`);
  }
  return catalogues;
}

/**
 * The catalogue for a language tag, by BCP 47 lookup (RFC 4647 §3.4): `ar-SY` finds `ar`, `fa-AF`
 * finds Dari through its alias; anything else – unknown, malformed, empty – is English.
 */
export function chooseCatalogue(tag: string | null | undefined, catalogues: readonly Catalogue[]): Catalogue {
  const byTag = new Map<string, Catalogue>();
  for (const catalogue of catalogues) {
    for (const name of [catalogue.language, ...catalogue.aliases]) byTag.set(name.toLowerCase(), catalogue);
  }
  const subtags = (tag ?? '').toLowerCase().replaceAll('_', '-').split('-');
  for (let length = subtags.length; length > 0; length -= 1) {
    const found = byTag.get(subtags.slice(0, length).join('-'));
    if (found) return found;
  }
  return byTag.get(FALLBACK_LANGUAGE)!;
}

/** The texts for a coarse status in the enquirer's language, or in English where that language has none. */
export function statusTexts(status: CoarseStatus, tag: string | null | undefined, catalogues: readonly Catalogue[]): StatusTexts {
  const chosen = chooseCatalogue(tag, catalogues);
  const catalogue = chosen.texts[status] ? chosen : chooseCatalogue(FALLBACK_LANGUAGE, catalogues);
  return { language: catalogue.language, isReviewedText: catalogue.review === 'reviewed', ...catalogue.texts[status]! };
}
