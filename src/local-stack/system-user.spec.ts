import { parsePasswd } from './system-user.js';

describe('parsePasswd', () => {
  const passwd = [
    'root:x:0:0:root:/root:/bin/bash',
    'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
    '',
  ].join('\n');

  it('finds a user with ids and home', () => {
    expect(parsePasswd(passwd, 'postgres')).toEqual({ name: 'postgres', uid: 101, gid: 104, home: '/var/lib/postgresql' });
  });

  it('returns null for a missing user or a prefix of a name', () => {
    expect(parsePasswd(passwd, 'postgre')).toBeNull();
    expect(parsePasswd(passwd, 'redis')).toBeNull();
  });
});
