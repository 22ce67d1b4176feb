import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = (file: string) => fileURLToPath(new URL(`../../../dist/${file}`, import.meta.url));

describe('start-up configuration check', () => {
  it.each(['main.js', 'worker.js'])('%s refuses to start, naming each missing or malformed setting', (entry) => {
    const result = spawnSync(process.execPath, [dist(entry)], {
      env: { PATH: process.env.PATH, REDIS_URL: 'http://not-redis', JWT_SECRET: 'too-short-secret', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL is required');
    expect(result.stderr).toContain('REDIS_URL is malformed');
    expect(result.stderr).toContain('JWT_SECRET is malformed');
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).not.toContain('too-short-secret');
  });
});
