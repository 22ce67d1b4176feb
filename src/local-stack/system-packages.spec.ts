import { pickPgBinDir } from './system-packages.js';

describe('pickPgBinDir', () => {
  const all = () => true;

  it('picks the highest major, comparing numbers rather than strings', () => {
    expect(pickPgBinDir('/usr/lib/postgresql', ['9', '15', '13'], all)).toBe('/usr/lib/postgresql/15/bin');
  });

  it('skips a major whose server binaries are missing (only the client is installed)', () => {
    const usable = (dir: string) => dir !== '/usr/lib/postgresql/16/bin';
    expect(pickPgBinDir('/usr/lib/postgresql', ['15', '16'], usable)).toBe('/usr/lib/postgresql/15/bin');
  });

  it('ignores entries that are not a major version', () => {
    expect(pickPgBinDir('/pg', ['lib', '15', '99.bak'], all)).toBe('/pg/15/bin');
  });

  it('returns null when nothing usable is there', () => {
    expect(pickPgBinDir('/pg', [], all)).toBeNull();
    expect(pickPgBinDir('/pg', ['15'], () => false)).toBeNull();
  });
});
