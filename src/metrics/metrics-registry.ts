import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process; the API and the worker each expose theirs on a loopback port. */
export function createMetricsRegistry(processName: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry });
  return registry;
}
