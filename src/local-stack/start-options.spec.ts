import { formatDemoAccounts } from './demo-accounts.js';
import { serverOptions } from './postgres-cluster.js';
import { redisArguments } from './redis-server.js';

describe('serverOptions (pg_ctl -o)', () => {
  it('listens on loopback only, with the socket in the given folder', () => {
    expect(serverOptions(5433, '/var/lib/rfl-tracing/postgres')).toBe(
      "-p 5433 -c listen_addresses=127.0.0.1 -k '/var/lib/rfl-tracing/postgres'",
    );
  });
  it('refuses a folder that would break the shell quoting', () => {
    expect(() => serverOptions(5433, "/tmp/it's")).toThrow(/quote/);
  });
  it('refuses a folder too long for a Unix socket path', () => {
    expect(() => serverOptions(5433, `/tmp/${'x'.repeat(100)}`)).toThrow(/too long/);
  });
});

describe('redisArguments', () => {
  it('binds loopback, keeps an append-only file and never evicts', () => {
    const args = redisArguments(6380, '/d/redis');
    expect(args.join(' ')).toContain('--bind 127.0.0.1 --port 6380 --dir /d/redis --appendonly yes');
    expect(args.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(args[args.indexOf('--save') + 1]).toBe('');
  });
});

describe('formatDemoAccounts', () => {
  it('prints one aligned line per account, role first, and says it is shown once', () => {
    const text = formatDemoAccounts([
      { organisation: 'Demo A', role: 'officer', email: 'officer@demo-a.example', password: 'pw-1' },
      { organisation: 'Demo A', role: 'reviewer', email: 'reviewer@demo-a.example', password: 'pw-2' },
    ]);
    expect(text).toMatch(/not be shown again/);
    expect(text).toMatch(/^ {2}officer {4}officer@demo-a\.example {4}pw-1 {7}Demo A$/m);
    expect(text.match(/^\s+officer\s+(\S+@\S+)\s+(\S+)/m)?.slice(1)).toEqual(['officer@demo-a.example', 'pw-1']);
  });
});
