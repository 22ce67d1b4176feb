// The Jest config no-egress.int-spec.ts runs inside its network namespace: the integration
// project's settings and global setup (Postgres and Redis on the ports the firewall allows, from
// TEST_POSTGRES_PORT / TEST_REDIS_PORT), with only the flow that belongs in there.
import base from '../../../jest.config.js';

const integration = base.projects.find((project) => project.displayName === 'integration');

export default {
  ...integration,
  rootDir: '../../..',
  testTimeout: base.testTimeout,
  displayName: 'no-egress namespace',
  testMatch: ['<rootDir>/test/integration/egress/flow-in-namespace.ts'],
};
