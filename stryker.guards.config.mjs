// Mutation testing of the guards' pure policy functions (StrykerJS), run by `npm run mutation:guards`.
// The data-protection issue asks each guard's decision to live in a pure function with unit tests of
// its own, so that mutants there die in the unit tests: role and organisation scoping, the consent
// gate, the four-eyes rules, the survivor's status, erasure, lockout. A report, not a CI gate.
import base from './stryker.config.mjs';

const GUARDS = [
  'src/auth/authenticated-user.ts',
  'src/auth/login-lockout.ts',
  'src/review/confirmation-rule.ts',
  'src/disclosure/identity-check-rule.ts',
  'src/disclosure/disclosure-policy.ts',
  'src/erasure/erasure-policy.ts',
  'src/case-status/coarse-status.ts',
  'src/case-status/message-catalogue.ts',
  'src/tracing-requests/request-lifecycle.ts',
  'src/second-factor/totp-codes.ts',
  'src/crypto/sealed-box.ts',
  'src/crypto/data-key-ring.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: GUARDS,
  jest: {
    ...base.jest,
    config: {
      ...base.jest.config,
      testMatch: GUARDS.map((file) => `<rootDir>/${file.replace(/\.ts$/, '')}*.spec.ts`),
    },
  },
  tsconfigFile: 'tsconfig.stryker-guards.json',
  htmlReporter: { fileName: 'reports/mutation-guards/index.html' },
  thresholds: { high: 80, low: 80, break: null },
};
