import { readFile } from 'node:fs/promises';
import { cpuSeconds, cpuSecondsFromStat } from './process-cpu.js';

describe('cpuSecondsFromStat', () => {
  it('adds user and system ticks, whatever the command name holds', () => {
    const rest = 'S 1 2 3 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0 12345 1000 200 18446744073709551615';
    expect(cpuSecondsFromStat(`4242 (node) ${rest}`)).toBe(3.25);
    expect(cpuSecondsFromStat(`4242 (a (b) c) ${rest}`)).toBe(3.25);
  });

  it('refuses a line it cannot read', () => {
    expect(() => cpuSecondsFromStat('4242 (node) S 1')).toThrow('unreadable');
  });

  it('reads this very process, and never less than before', async () => {
    const before = await cpuSeconds(process.pid);
    expect(before).toBeGreaterThan(0);
    expect(await readFile(`/proc/${process.pid}/stat`, 'utf8')).toMatch(/^\d+ \(/);
    expect(await cpuSeconds(process.pid)).toBeGreaterThanOrEqual(before);
  });
});
