import { spawn } from 'node:child_process';

export interface AppProcess {
  name: string;
  /** Settles with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs one of the service's entry points on this same node binary. Output goes straight to our
 * terminal. detached: a Ctrl-C reaches only the supervisor, which then stops everything in order.
 */
/** `nodeFlags`: flags for Node itself, before the script (a worker's: WORKER_NODE_FLAGS). */
export function spawnApp(name: string, script: string, env: NodeJS.ProcessEnv, nodeFlags: readonly string[] = []): AppProcess {
  const child = spawn(process.execPath, [...nodeFlags, script], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  let ended = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  }).then((code) => {
    ended = true;
    return code;
  });
  return {
    name,
    exited,
    hasExited: () => ended,
    stop: async (graceMs = 20_000) => {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200; false when `shouldGiveUp` says so or time runs out. */
export async function waitForHttpOk(url: string, timeoutMs: number, shouldGiveUp: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shouldGiveUp()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
