import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';

/** What the local cluster is started with beyond PostgreSQL's defaults (decision 0034). */
export interface ServerTuning {
  sharedBuffersMb: number;
  /** load pg_prewarm at start, so the buffers held before a restart are read back after it */
  autoprewarm: boolean;
}

/** PostgreSQL's own default: a smaller machine gets no less than it would untuned. */
const MIN_SHARED_BUFFERS_MB = 128;
/** Past a few GB the operating system's cache serves as well, and checkpoints grow. */
const MAX_SHARED_BUFFERS_MB = 8192;

/**
 * A quarter of the machine's memory, PostgreSQL's documented starting point for a dedicated
 * server: the default 128 MB holds almost none of the blocking index at a million records, and
 * every match job then copied its pages in from the operating system again. The memory is only
 * taken as pages are read, so a small database costs no more than before.
 */
export function sharedBuffersMb(totalMemoryBytes: number): number {
  const quarter = Math.floor(totalMemoryBytes / 4 / 2 ** 20);
  return Math.min(MAX_SHARED_BUFFERS_MB, Math.max(MIN_SHARED_BUFFERS_MB, quarter));
}

/** The tuning for this machine and the server binaries in `binDir` (Debian: .../<major>/bin, modules in ../lib). */
export function serverTuning(binDir: string, totalMemoryBytes: number = totalmem()): ServerTuning {
  return {
    sharedBuffersMb: sharedBuffersMb(totalMemoryBytes),
    // A contrib module: a server built without it must still start.
    autoprewarm: existsSync(join(binDir, '..', 'lib', 'pg_prewarm.so')),
  };
}

/** The `-c` settings for pg_ctl's -o. */
export function tuningOptions(tuning: ServerTuning): string {
  const preload = tuning.autoprewarm ? ' -c shared_preload_libraries=pg_prewarm' : '';
  return `-c shared_buffers=${tuning.sharedBuffersMb}MB${preload}`;
}
