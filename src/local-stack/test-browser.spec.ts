import { BROWSER_PACKAGE, FONTS_PACKAGE, missingBrowserPackages } from './test-browser.js';

describe('missingBrowserPackages', () => {
  it('names chromium when the command is missing and the fonts when either font file is', () => {
    expect(
      missingBrowserPackages(
        () => true,
        () => true,
      ),
    ).toEqual([]);
    expect(
      missingBrowserPackages(
        () => false,
        () => true,
      ),
    ).toEqual([BROWSER_PACKAGE]);
    expect(
      missingBrowserPackages(
        () => true,
        (file) => !String(file).includes('Ethiopic'),
      ),
    ).toEqual([FONTS_PACKAGE]);
    expect(
      missingBrowserPackages(
        () => false,
        () => false,
      ),
    ).toEqual([BROWSER_PACKAGE, FONTS_PACKAGE]);
  });
});
