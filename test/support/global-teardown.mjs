import { rm } from 'node:fs/promises';

const KEY = Symbol.for('rfl-tracing.test-stack');

/** Stops the servers global setup started and removes their data folder. */
export default async function globalTeardown() {
  const stack = globalThis[KEY];
  delete globalThis[KEY];
  if (!stack) return;
  try {
    await stack.services.stop();
  } finally {
    await rm(stack.root, { recursive: true, force: true });
  }
}
