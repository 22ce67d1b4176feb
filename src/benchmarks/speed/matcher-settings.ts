/**
 * The matcher's settings (BLOCKING_*, MATCH_*) set in the benchmark's environment: a run at another
 * setting (e.g. BLOCKING_CANDIDATE_LIMIT=40) applies it to the in-process run and to the API and
 * worker processes alike; everything else stays at the service's defaults.
 */
export function matcherSettings(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => /^(BLOCKING|MATCH)_/.test(name)));
}
