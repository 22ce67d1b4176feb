import fc from 'fast-check';
import { COARSE_STATUSES } from './coarse-status.js';
import { loadCatalogues, statusTexts } from './message-catalogue.js';

const catalogues = loadCatalogues(new URL('./messages/', import.meta.url));
const languages = new Set(catalogues.map((c) => c.language));

describe('status texts for any language tag', () => {
  it('always answer with complete texts in a language the catalogues hold, never throwing', () => {
    const tags = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(null, undefined, '', '-', '--', 'en-', '-en', 'x-private', 'zh-Hant-TW', 'fa-AF', 'ar-SY', 'ti-ER', 'so_SO'),
      fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...COARSE_STATUSES), tags, (status, tag) => {
        const texts = statusTexts(status, tag, catalogues);
        expect(languages.has(texts.language)).toBe(true);
        expect(texts.message.trim().length).toBeGreaterThan(0);
        expect(texts.nextStep.trim().length).toBeGreaterThan(0);
      }),
    );
  });

  it('is the same for a tag in any letter case, and English only for tags no catalogue claims', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COARSE_STATUSES), fc.stringMatching(/^[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}$/), (status, tag) => {
        expect(statusTexts(status, tag.toUpperCase(), catalogues)).toEqual(statusTexts(status, tag, catalogues));
        const claimed = catalogues.some((c) => [c.language, ...c.aliases].some((name) => `${tag}-`.startsWith(`${name.toLowerCase()}-`)));
        if (!claimed) expect(statusTexts(status, tag, catalogues).language).toBe('en');
      }),
    );
  });
});
