import { existsSync } from 'node:fs';
import { aptInstall, findCommand } from './system-packages.js';
import { isRoot } from './system-user.js';

/** Debian's packages for the console's browser tests: the browser, and fonts that draw Arabic and Ge'ez. */
export const BROWSER_PACKAGE = 'chromium';
export const FONTS_PACKAGE = 'fonts-noto-core';
/** Files fonts-noto-core installs; either missing means the package is. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf',
];

/** Which of the two packages are missing. */
export function missingBrowserPackages(hasCommand = (name: string) => findCommand(name) !== null, hasFile = existsSync): string[] {
  return [...(hasCommand('chromium') ? [] : [BROWSER_PACKAGE]), ...(FONT_FILES.every((f) => hasFile(f)) ? [] : [FONTS_PACKAGE])];
}

/**
 * Makes sure Debian's chromium and the Noto fonts are installed (with apt-get, as root; no test tool
 * ever downloads a browser of its own) and returns the browser's path, for playwright-core's
 * `executablePath`.
 */
export async function ensureTestBrowser(): Promise<string> {
  const missing = missingBrowserPackages();
  if (missing.length > 0) {
    if (!isRoot() || findCommand('apt-get') === null) {
      throw new Error(`The browser tests need ${missing.join(' and ')}: install them as root (apt-get install -y ${missing.join(' ')}).`);
    }
    process.stdout.write(`Installing ${missing.join(', ')} with apt-get...\n`);
    if (!(await aptInstall(missing))) throw new Error(`apt-get could not install ${missing.join(', ')}`);
  }
  const browser = findCommand('chromium');
  if (!browser) throw new Error(`${BROWSER_PACKAGE} installed, but chromium is not on PATH`);
  return browser;
}
