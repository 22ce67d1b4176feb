/** One fault the run injects, in order. */
export type Fault = { kind: 'worker-kill'; worker: number } | { kind: 'redis-restart'; removeData: boolean } | { kind: 'postgres-restart' };

/**
 * The order of the faults: the restarts spread evenly among the kills (a Redis restart, then a
 * PostgreSQL one, in turn), so jobs and requests are in flight around each. The first Redis restart
 * starts from an empty data folder: every job BullMQ held is gone, and only the reconciler, reading
 * Postgres, can find the records whose jobs went with it. Kills go round the workers.
 */
export function planFaults(options: { kills: number; restarts: number; workers: number }): Fault[] {
  const restarts: Fault[] = [];
  for (let i = 0; i < options.restarts; i += 1) {
    restarts.push({ kind: 'redis-restart', removeData: i === 0 });
    restarts.push({ kind: 'postgres-restart' });
  }
  // Restart r comes after round((r + 1) * kills / (restarts + 1)) kills: evenly spaced among them.
  const killsBefore = restarts.map((_, r) => Math.round(((r + 1) * options.kills) / (restarts.length + 1)));
  const plan: Fault[] = [];
  let next = 0;
  for (let kill = 0; kill <= options.kills; kill += 1) {
    while (next < restarts.length && killsBefore[next] === kill) plan.push(restarts[next++]);
    if (kill < options.kills) plan.push({ kind: 'worker-kill', worker: kill % options.workers });
  }
  return plan;
}
