import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface SystemUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** Finds a user in /etc/passwd-formatted text; pure so it can be tested without the real file. */
export function parsePasswd(text: string, name: string): SystemUser | null {
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 7 || fields[0] !== name) continue;
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) return null;
    return { name, uid, gid, home: fields[5] };
  }
  return null;
}

/**
 * Looks the user up in /etc/passwd first, then asks `id` (which also sees NSS sources such
 * as LDAP). Returns null when the user does not exist.
 */
export function findSystemUser(name: string): SystemUser | null {
  try {
    const found = parsePasswd(readFileSync('/etc/passwd', 'utf8'), name);
    if (found) return found;
  } catch {
    // no readable /etc/passwd: fall through to id(1)
  }
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid, gid, home: '/' };
  } catch {
    return null;
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
