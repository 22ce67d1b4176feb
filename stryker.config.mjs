// Mutation testing of the matching engine (StrykerJS), run by `npm run mutation`.
// A report, not a CI gate: `thresholds.break` is null, so a low score never fails the command.
// Results: clear text on the console, HTML in reports/mutation/ (git-ignored).
import jestConfig from './jest.config.js';

// The `unit` project of jest.config.js, flattened: Stryker swaps in its own test environment at the
// top level of the Jest config (that is how it records which test covers which mutant), which a
// `projects` entry would override. `projects: []` drops both projects from the config file.
const { displayName: _displayName, testMatch: _testMatch, ...unitProject } = jestConfig.projects.find((p) => p.displayName === 'unit');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: [
    'src/matching/engine/**/*.ts',
    '!src/matching/engine/**/*.spec.ts',
    // Name-equivalence tables and fitted model weights are data, not logic: a mutated entry is a
    // different table or weight, which unit tests should not pin one by one (the quality benchmark
    // measures them instead).
    '!src/matching/engine/data/**',
  ],
  testRunner: 'jest',
  // Jest runs the ESM sources only under `node --experimental-vm-modules` (docs/decisions/0001-module-system.md).
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    config: {
      ...unitProject,
      testMatch: ['<rootDir>/src/matching/engine/**/*.spec.ts'],
      projects: [],
    },
    enableFindRelatedTests: true,
  },
  // perTest works with ESM Jest (jest-circus): each mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // Mutants that do not type-check are reported as compile errors and left out of the score.
  // tsconfig.stryker.json checks the engine folder alone: the whole project made the checker the bottleneck.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  // The machine has 2 shared cores.
  concurrency: 2,
  // Under load, a static mutant (a full reload of the engine's specs) outran the default 5 s margin
  // and a surviving mutant was counted as a timeout, i.e. as detected. Infinite loops do not need
  // the wall clock: Stryker's hit limit stops them.
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 80, low: 75, break: null },
};
