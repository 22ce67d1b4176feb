import { readFileSync } from 'node:fs';

/** The interface languages, each with a catalogue file in ./messages/. English is the reference. */
export const INTERFACE_LANGUAGES = ['en', 'ar'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: InterfaceLanguage = 'en';

export type Messages = Readonly<Record<string, string>>;

/** Looks up a text and fills its `{name}` slots; a key missing from a translation falls back to English, then to itself. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface Catalogue {
  language: InterfaceLanguage;
  direction: 'ltr' | 'rtl';
  t: Translate;
  /** Whether this language has its own text for the key (no fallback). */
  has: (key: string) => boolean;
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function makeCatalogue(language: InterfaceLanguage, own: Messages, english: Messages): Catalogue {
  const direction = own.direction === 'rtl' ? 'rtl' : 'ltr';
  return {
    language,
    direction,
    t: (key, values) => fill(own[key] ?? english[key] ?? key, values),
    has: (key) => Object.hasOwn(own, key),
  };
}

export function readMessages(directory: URL, language: InterfaceLanguage): Messages {
  const raw: unknown = JSON.parse(readFileSync(new URL(`${language}.json`, directory), 'utf8'));
  if (typeof raw !== 'object' || raw === null || Object.values(raw).some((v) => typeof v !== 'string'))
    throw new Error(`console catalogue ${language}: must be an object of strings`);
  return raw as Messages;
}

/** Every catalogue, read once at start-up: a broken file stops the API, not one page later. */
export function loadCatalogues(directory = new URL('./messages/', import.meta.url)): Record<InterfaceLanguage, Catalogue> {
  const english = readMessages(directory, 'en');
  return Object.fromEntries(
    INTERFACE_LANGUAGES.map((language) => [language, makeCatalogue(language, readMessages(directory, language), english)]),
  ) as Record<InterfaceLanguage, Catalogue>;
}
