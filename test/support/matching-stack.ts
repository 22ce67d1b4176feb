import { makeOrganisation, type TestOrganisation } from './factories.js';
import { loginAs, type Session } from './http.js';
import { startStack, type TestStack } from './stack.js';

/** An API and a match worker on a Redis and a database of their own, with an organisation and its officer logged in. */
export interface MatchingStack extends TestStack {
  org: TestOrganisation;
  officer: Session;
}

/** Starts what the matching suites share; `settings` go to both processes (e.g. the reconciler's interval). */
export async function startMatchingStack(settings: Record<string, string> = {}): Promise<MatchingStack> {
  const stack = await startStack(settings, 'matching');
  try {
    const org = await makeOrganisation(stack.db);
    const officer = await loginAs(stack.api, org.users.officer);
    return { ...stack, org, officer };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
