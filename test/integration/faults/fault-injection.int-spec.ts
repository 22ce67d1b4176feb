/**
 * The short form of `npm run test:faults`: ten worker kills in the middle of match jobs and one
 * crash-restart each of Redis (its data removed) and PostgreSQL, against the real API and worker
 * processes, their own PostgreSQL and Redis, under steady traffic. The command checks Postgres
 * itself and exits non-zero on any loss or duplicate; this test runs it and reads its summary.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FaultSummary } from '../../../src/fault-injection/fault-summary.js';

function runFaults(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/fault-injection/run-faults.js', ...args], {
      // Its own data folder under the test run's, which the postgres user can enter.
      env: { ...process.env, FAULTS_DIR: join(process.env.TEST_DATA_DIR as string, 'faults') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run test:faults (short form)', () => {
  it('loses no accepted request, matches every record version and stores no pair twice through 10 kills and a restart of each server', async () => {
    const { code, stdout, stderr } = await runFaults(['--kills', '10', '--restarts', '1', '--json']);
    if (code !== 0) process.stderr.write(stderr);
    const summary = JSON.parse(stdout) as FaultSummary;

    expect(summary.faults).toMatchObject({ workerKills: 10, redisRestarts: 1, redisRestartsWithDataRemoved: 1, postgresRestarts: 1 });
    // Most kills land while the worker holds a match job (its gauge is read just before the SIGKILL).
    expect(summary.faults.workerKillsWithJobInHand).toBeGreaterThanOrEqual(5);
    expect(summary.requests.accepted).toBeGreaterThan(0);
    expect(summary.requests.editsAccepted).toBeGreaterThan(0);
    expect(summary.requests.lost).toBe(0);
    expect(summary.matching).toMatchObject({ unmatched: 0, duplicatedPairs: 0, duplicatedRuns: 0 });
    expect(summary.matching.candidatePairs).toBeGreaterThan(0);
    expect(summary.recovery.allMatchedSeconds).not.toBeNull();
    // While PostgreSQL was down the API said "try again" (503), never "internal error" (500).
    expect(Object.keys(summary.requests.answers).filter((answer) => answer.endsWith(' 500'))).toEqual([]);
    expect(code).toBe(0);
  }, 420_000);
});
