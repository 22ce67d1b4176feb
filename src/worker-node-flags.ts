/**
 * The Node flags every worker process starts with (decision 0035), and bench:speed's own process,
 * which times the worker's code in-process. A match job opens, prepares and scores a hundred
 * candidates, and garbage collection was about 1.3 ms of its Node time at a million records:
 * with 32 MB semi-spaces fewer scavenges run, for more memory between them.
 * The processes this project spawns take them from here; package.json, the Dockerfile and
 * docker-compose.yml spell them out, and a unit test keeps them the same.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/** Whether this process was started with the worker's flags (bench:speed says so when not). */
export function hasWorkerNodeFlags(execArgv: readonly string[] = process.execArgv): boolean {
  return WORKER_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}
