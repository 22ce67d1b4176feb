import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COARSE_STATUSES } from './coarse-status.js';
import { chooseCatalogue, loadCatalogues, parseCatalogue, statusTexts } from './message-catalogue.js';

const folder = new URL('./messages/', import.meta.url);
const catalogues = loadCatalogues(folder);

/** Languages whose texts no native speaker has checked yet; each must say so in its file. */
const DRAFTS = ['ar', 'fr', 'uk', 'ti', 'am', 'prs', 'ps', 'ckb', 'so'];

describe('message catalogues', () => {
  it('offers English, Arabic, French, Ukrainian, Tigrinya, Amharic, Dari, Pashto, Kurdish (Sorani) and Somali', () => {
    expect(catalogues.map((c) => c.language).sort()).toEqual(['am', 'ar', 'ckb', 'en', 'fr', 'prs', 'ps', 'so', 'ti', 'uk']);
  });

  it.each(readdirSync(folder).filter((name) => name.endsWith('.json')))('%s has a message and a next step for every status', (name) => {
    const catalogue = catalogues.find((c) => `${c.language}.json` === name)!;
    for (const status of COARSE_STATUSES) {
      expect(catalogue.texts[status]).toEqual({ message: expect.stringMatching(/\S/), nextStep: expect.stringMatching(/\S/) });
    }
  });

  it('marks the drafts as awaiting a native speaker’s review, and only English as reviewed', () => {
    for (const catalogue of catalogues) {
      expect(catalogue.review).toBe(DRAFTS.includes(catalogue.language) ? 'awaiting_native_review' : 'reviewed');
    }
    expect(statusTexts('searching', 'ti', catalogues)).toMatchObject({ language: 'ti', isReviewedText: false });
    expect(statusTexts('searching', 'en-GB', catalogues)).toMatchObject({ language: 'en', isReviewedText: true });
  });

  it('finds a language by its tag, its region-less tag or an alias, and anything else in English', () => {
    expect(chooseCatalogue('ar-SY', catalogues).language).toBe('ar');
    expect(chooseCatalogue('fa-AF', catalogues).language).toBe('prs');
    expect(chooseCatalogue('ku-Arab-IQ', catalogues).language).toBe('ckb');
    expect(chooseCatalogue('CKB', catalogues).language).toBe('ckb');
    expect(chooseCatalogue('de', catalogues).language).toBe('en');
    expect(chooseCatalogue(null, catalogues).language).toBe('en');
  });

  it('answers a status whose text a catalogue lacks in English, and says so', () => {
    const partial = parseCatalogue('xx', {
      review: 'reviewed',
      texts: { searching: { message: 'Xx.', nextStep: 'Xx xx.' }, news: { message: 'Xx.' } },
    });
    const withPartial = [...catalogues, partial];
    expect(statusTexts('searching', 'xx', withPartial)).toEqual({
      language: 'xx',
      isReviewedText: true,
      message: 'Xx.',
      nextStep: 'Xx xx.',
    });
    expect(statusTexts('news', 'xx', withPartial)).toEqual({ ...statusTexts('news', 'en', catalogues), language: 'en' });
    expect(statusTexts('ended', 'xx', withPartial).language).toBe('en');
  });

  it('counts a blank text as missing, and keeps only text aliases', () => {
    const blank = parseCatalogue('xx', {
      review: 'reviewed',
      aliases: ['xx-yy', 7, null],
      texts: { searching: { message: '   ', nextStep: 'Xx.' }, news: { message: 'Xx.', nextStep: 'Xx.' } },
    });
    expect(Object.keys(blank.texts)).toEqual(['news']);
    expect(blank.aliases).toEqual(['xx-yy']);
    expect(parseCatalogue('xx', { review: 'reviewed', texts: {} }).aliases).toEqual([]);
  });

  it('reads a tag written with underscores, and gives English for no tag at all', () => {
    expect(chooseCatalogue('ar_SY', catalogues).language).toBe('ar');
    expect(chooseCatalogue('', catalogues).language).toBe('en');
    expect(chooseCatalogue(undefined, catalogues).language).toBe('en');
  });

  it('refuses to start without a complete English catalogue, the fallback of every gap', () => {
    const folder = mkdtempSync(join(tmpdir(), 'catalogues-'));
    try {
      const url = pathToFileURL(`${folder}/`);
      expect(() => loadCatalogues(url)).toThrow(/message catalogue en must exist/);
      writeFileSync(join(folder, 'en.json'), JSON.stringify({ review: 'reviewed', texts: { searching: { message: 'x', nextStep: 'y' } } }));
      expect(() => loadCatalogues(url)).toThrow(/must exist and have every text/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a file without a review state, so no draft passes for a reviewed text', () => {
    expect(() => parseCatalogue('xx', { texts: {} })).toThrow(/review/);
    expect(() => parseCatalogue('xx', { review: 'checked', texts: {} })).toThrow(/review/);
  });
});
