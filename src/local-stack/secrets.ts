import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';

export interface LocalSecrets {
  /** Password of the `postgres` role of the local cluster; fixed at initdb time. */
  postgresPassword: string;
  /** 64 hex characters that sign the API's bearer tokens. */
  jwtSecret: string;
  /** 64 hex characters: the AES-256-GCM key sealing TOTP secrets (TOTP_ENCRYPTION_KEY). */
  totpEncryptionKey: string;
  /** 64 hex characters: the master key wrapping each person's data key (DATA_KEY_MASTER_KEYS). */
  dataMasterKey: string;
}

/** Keys added after the first files were written: a file without one gets a fresh one on its next start. */
const LATER_KEYS = ['totpEncryptionKey', 'dataMasterKey'] as const;
type LaterKey = (typeof LATER_KEYS)[number];
type ParsedSecrets = Omit<LocalSecrets, LaterKey> & Partial<Pick<LocalSecrets, LaterKey>>;

const newKey = () => randomBytes(32).toString('hex');

export function generateSecrets(): LocalSecrets {
  // Hex keeps the password safe to embed in a URL without escaping.
  return {
    postgresPassword: randomBytes(24).toString('hex'),
    jwtSecret: newKey(),
    totpEncryptionKey: newKey(),
    dataMasterKey: newKey(),
  };
}

/** A file written before a secret existed lacks it; the caller adds it (see loadOrCreateSecrets). */
export function parseSecrets(text: string, file: string): ParsedSecrets {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; restore it from a backup (the cluster's password is in it)`);
  }
  const { postgresPassword, jwtSecret, ...later } = (value ?? {}) as Partial<LocalSecrets>;
  if (typeof postgresPassword !== 'string' || postgresPassword.length < 16) {
    throw new Error(`${file} has no usable postgresPassword`);
  }
  if (typeof jwtSecret !== 'string' || !/^[0-9a-f]{64}$/.test(jwtSecret)) {
    throw new Error(`${file} has no usable jwtSecret (64 hex characters)`);
  }
  const parsed: ParsedSecrets = { postgresPassword, jwtSecret };
  for (const key of LATER_KEYS) {
    const found = later[key];
    if (found === undefined) continue;
    if (typeof found !== 'string' || !/^[0-9a-f]{64}$/.test(found)) throw new Error(`${file} has no usable ${key} (64 hex characters)`);
    parsed[key] = found;
  }
  return parsed;
}

async function readExisting(file: string): Promise<LocalSecrets> {
  const info = await stat(file);
  const me = process.getuid?.() ?? info.uid;
  if (info.uid !== me) throw new Error(`${file} must be owned by the user running this command`);
  // Someone loosened it by hand: tighten it again rather than keep serving secrets from it.
  if ((info.mode & 0o077) !== 0) await chmod(file, 0o600);
  const parsed = parseSecrets(await readFile(file, 'utf8'), file);
  if (parsed.totpEncryptionKey && parsed.dataMasterKey)
    return { ...parsed, totpEncryptionKey: parsed.totpEncryptionKey, dataMasterKey: parsed.dataMasterKey };
  // A file from before the second factor or encryption at rest: add the missing keys, keeping the
  // cluster's password, the JWT secret and any key already there (data sealed with it stays readable).
  const upgraded: LocalSecrets = {
    ...parsed,
    totpEncryptionKey: parsed.totpEncryptionKey ?? newKey(),
    dataMasterKey: parsed.dataMasterKey ?? newKey(),
  };
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(upgraded, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, file);
  return upgraded;
}

/**
 * Reads the secrets file, creating it (0600) with fresh random values the first time. The new
 * file is written completely under a temporary name and then hard-linked into place, which fails
 * if another start won the race; then that start's file is used, so both agree on the password.
 */
export async function loadOrCreateSecrets(file: string): Promise<LocalSecrets> {
  try {
    return await readExisting(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Unique per call, not per process: two starts in one process (tests) must not collide.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const secrets = generateSecrets();
  await writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readExisting(file);
  } finally {
    await unlink(temporary);
  }
}
