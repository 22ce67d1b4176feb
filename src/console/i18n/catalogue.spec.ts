import { fill, INTERFACE_LANGUAGES, loadCatalogues, makeCatalogue, readMessages } from './catalogue.js';

const directory = new URL('./messages/', import.meta.url);

describe('console catalogues', () => {
  const english = readMessages(directory, 'en');

  it.each(INTERFACE_LANGUAGES)('%s has every key of the English catalogue, each with the same {slots}', (language) => {
    const own = readMessages(directory, language);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const slots = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, slots: slots(own[key]) }).toEqual({ key, slots: slots(text) });
    }
  });

  it('Arabic mirrors the layout, English does not', () => {
    const catalogues = loadCatalogues(directory);
    expect(catalogues.ar.direction).toBe('rtl');
    expect(catalogues.en.direction).toBe('ltr');
  });

  it('fills named slots and leaves unknown ones visible', () => {
    expect(fill('Request {reference} of {n}', { reference: 'TR-2026-000001' })).toBe('Request TR-2026-000001 of {n}');
  });

  it('falls back to English, then to the key, for a text a translation lacks', () => {
    const catalogue = makeCatalogue('ar', { direction: 'rtl' }, { 'nav.home': 'Home' });
    expect(catalogue.t('nav.home')).toBe('Home');
    expect(catalogue.t('no.such.key')).toBe('no.such.key');
  });
});
