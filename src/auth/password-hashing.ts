import argon2 from 'argon2';

/** argon2id with the library's defaults (memory-hard; parameters stored in the hash). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend comparable time when there is no hash, so response time does not tell whether an account exists.
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  return argon2.verify(hash, password);
}
