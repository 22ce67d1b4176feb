import { canTraverse, dataLayout, foldersOnPath, resolveDataDir } from './data-dir.js';

describe('resolveDataDir', () => {
  it.each([
    ['DATA_DIR wins for root', { DATA_DIR: '/srv/rfl' }, true, '/srv/rfl'],
    ['DATA_DIR wins for a user', { DATA_DIR: '/srv/rfl', XDG_DATA_HOME: '/x' }, false, '/srv/rfl'],
    ['root uses /var/lib', {}, true, '/var/lib/rfl-tracing'],
    ['root ignores XDG_DATA_HOME', { XDG_DATA_HOME: '/root/.data' }, true, '/var/lib/rfl-tracing'],
    ['a user uses XDG_DATA_HOME', { XDG_DATA_HOME: '/home/ana/data' }, false, '/home/ana/data/rfl-tracing'],
    ['a relative XDG_DATA_HOME is ignored', { XDG_DATA_HOME: 'data' }, false, '/home/ana/.local/share/rfl-tracing'],
    ['a user falls back to ~/.local/share', {}, false, '/home/ana/.local/share/rfl-tracing'],
  ])('%s', (_name, env, asRoot, expected) => {
    expect(resolveDataDir(env, asRoot, '/home/ana')).toBe(expected);
  });

  it('makes a relative DATA_DIR absolute', () => {
    expect(resolveDataDir({ DATA_DIR: 'data' }, false, '/home/ana')).toBe(`${process.cwd()}/data`);
  });
});

describe('dataLayout', () => {
  it('keeps the secrets at the root and the cluster in the postgres folder', () => {
    expect(dataLayout('/d')).toEqual({
      root: '/d',
      secretsFile: '/d/secrets.json',
      pgDir: '/d/postgres',
      pgData: '/d/postgres/data',
      pgLog: '/d/postgres/postgres.log',
      pgSocketDir: '/d/postgres',
      redisDir: '/d/redis',
      redisLog: '/d/redis/redis-server.log',
    });
  });
});

describe('canTraverse', () => {
  const postgres = { uid: 101, gid: 104 };
  it.each([
    ['a root 0711 folder', { mode: 0o40711, uid: 0, gid: 0 }, true],
    ['a root 0700 folder (mktemp -d, /root)', { mode: 0o40700, uid: 0, gid: 0 }, false],
    ['a root 0750 folder of another group', { mode: 0o40750, uid: 0, gid: 0 }, false],
    ['a root 0750 folder of its group', { mode: 0o40750, uid: 0, gid: 104 }, true],
    ['its own 0700 folder', { mode: 0o40700, uid: 101, gid: 104 }, true],
    ['its own folder without x for the owner', { mode: 0o40077, uid: 101, gid: 104 }, false],
  ])('%s', (_name, folder, expected) => {
    expect(canTraverse(folder, postgres)).toBe(expected);
  });

  it('lets root through anything', () => {
    expect(canTraverse({ mode: 0o40000, uid: 5, gid: 5 }, { uid: 0, gid: 0 })).toBe(true);
  });
});

describe('foldersOnPath', () => {
  it('lists every folder from / down', () => {
    expect(foldersOnPath('/var/lib/rfl-tracing')).toEqual(['/', '/var', '/var/lib', '/var/lib/rfl-tracing']);
    expect(foldersOnPath('/')).toEqual(['/']);
  });
});
