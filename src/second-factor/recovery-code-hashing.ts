import argon2 from 'argon2';

/**
 * argon2id with lighter parameters than passwords: a recovery code carries 50 random bits, so the
 * hash need not make guessing hard, and a login may check up to ten of them.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 8192, timeCost: 2, parallelism: 1 } as const;

export function hashRecoveryCode(normalised: string): Promise<string> {
  return argon2.hash(normalised, OPTIONS);
}

export function verifyRecoveryCode(hash: string, normalised: string): Promise<boolean> {
  return argon2.verify(hash, normalised);
}
