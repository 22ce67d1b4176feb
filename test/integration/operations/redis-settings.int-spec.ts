import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';

describe('Redis settings the queue relies on', () => {
  it('the locally started Redis persists to an append-only file and never evicts keys', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await redis.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
    } finally {
      redis.disconnect();
    }
  });

  it('docker-compose.yml asks for the same', async () => {
    const compose = await readFile(new URL('../../../docker-compose.yml', import.meta.url), 'utf8');
    expect(compose).toMatch(/--appendonly['"]?,\s*['"]?yes/);
    expect(compose).toMatch(/--maxmemory-policy['"]?,\s*['"]?noeviction/);
  });
});
