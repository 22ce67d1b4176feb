import { execFileSync } from 'node:child_process';

/**
 * ICU's transliterators (the CLDR transforms: BGN/PCGN, UNGEGN and others) through `uconv`, which Debian's
 * icu-devtools package installs. Node's Intl has no transliteration API, and these are the published
 * standards applied by an independent library, which is what the cross-script sets need.
 * One uconv process per transform and batch; results are cached.
 */
export class IcuTransliterator {
  private readonly cache = new Map<string, string>();

  /** Transliterates every text with `transformId` (e.g. "Greek-Latin/UNGEGN"), returning results in order. */
  transliterate(transformId: string, texts: readonly string[]): string[] {
    const missing = [...new Set(texts.filter((text) => !this.cache.has(`${transformId}\u0000${text}`)))];
    if (missing.length > 0) {
      const output = runUconv(transformId, missing.join('\n') + '\n').split('\n');
      missing.forEach((text, i) => this.cache.set(`${transformId}\u0000${text}`, (output[i] ?? '').normalize('NFC')));
    }
    return texts.map((text) => this.cache.get(`${transformId}\u0000${text}`) as string);
  }
}

function runUconv(transformId: string, input: string): string {
  try {
    return execFileSync('uconv', ['-f', 'utf-8', '-t', 'utf-8', '-x', transformId], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error("The data-set builder needs ICU's uconv: install the Debian package icu-devtools (apt-get install icu-devtools).", {
        cause: error,
      });
    }
    throw error;
  }
}
