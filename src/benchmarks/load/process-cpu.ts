/**
 * CPU time a process has used, from /proc/<pid>/stat. On a shared machine the wall-clock figures
 * depend on what else runs; CPU milliseconds per request do much less, so the run reports both.
 */
import { readFile } from 'node:fs/promises';

/** Linux reports times in clock ticks; USER_HZ is 100 on every architecture Node supports here. */
const TICKS_PER_SECOND = 100;

/** utime + stime in seconds, from the text of /proc/<pid>/stat (the command name may hold spaces and parentheses). Pure. */
export function cpuSecondsFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of the whole line, utime 14 and stime 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unreadable /proc stat line');
  return (utime + stime) / TICKS_PER_SECOND;
}

export async function cpuSeconds(pid: number): Promise<number> {
  return cpuSecondsFromStat(await readFile(`/proc/${pid}/stat`, 'utf8'));
}
