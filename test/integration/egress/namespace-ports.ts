/**
 * Fixed loopback ports inside the no-egress namespace. The namespace is empty but for what the
 * test starts, so any ports are free there; fixing them lets the firewall name them before the start.
 */
export const NAMESPACE_PORTS = {
  postgres: 15432,
  redis: 16379,
  /** the API under test; only the test's own HTTP client connects to it */
  api: 13000,
  /** the webhook receiver an admin configures through the API */
  webhooks: 18080,
} as const;
