import { createRequire } from 'node:module';

// Both packages are CommonJS; iuliia's ESM build imports files without extensions, which Node refuses.
const require = createRequire(import.meta.url);

interface IuliiaModule {
  translate(source: string, schema: unknown): string;
  Schemas: { get(name: string): unknown };
}
const iuliia = require('iuliia') as IuliiaModule;
const cyrillicToTranslit = require('cyrillic-to-translit-js') as (options?: { preset: string }) => { transform(text: string): string };

/**
 * Russian romanisation standards as implemented by iuliia: the passport (ICAO Doc 9303), BGN/PCGN, the Library of
 * Congress (ALA-LC, ASCII form), GOST R 52535, the Russian Ministry of Interior's older passport systems
 * (MVD 310 with English and French spellings), and Wikipedia's rules.
 */
export const russianSchemes = ['icao_doc_9303', 'bgn_pcgn', 'ala_lc_alt', 'gost_52535', 'mvd_310', 'mvd_310_fr', 'wikipedia'] as const;

export function romaniseRussian(text: string, scheme: (typeof russianSchemes)[number]): string {
  return iuliia.translate(text, iuliia.Schemas.get(scheme)).replace(/[’']/g, '');
}

const ukrainianNational = cyrillicToTranslit({ preset: 'uk' });

/** The Ukrainian national system (Cabinet of Ministers resolution 55 of 2010), used in Ukrainian passports. */
export function romaniseUkrainianNational(text: string): string {
  return ukrainianNational.transform(text);
}
