/**
 * Import rules the machine checks (`npm run lint:deps`). Each rule's `comment` is what a
 * failing run prints, so it says why the rule exists and what to do instead.
 * @type {import('dependency-cruiser').IConfiguration}
 */

// Resolved paths of npm packages look like node_modules/<name>/...; an import that cannot be
// resolved keeps its bare name, so both shapes are matched.
const pkg = (names) => `(^|/)node_modules/(@types/)?(${names})(/|$)|^(${names})(/|$)`;

const FRAMEWORK = '@nestjs/[^/]+';
const ORM = 'typeorm';
const FRAMEWORK_DB_QUEUE = [FRAMEWORK, ORM, 'bullmq', 'ioredis', 'pg'].join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This module is part of an import cycle. Cycles make ESM initialisation order fragile ' +
        '("Cannot access \'X\' before initialization") and hide layering mistakes; move the shared ' +
        'piece into a module both sides import, or invert the dependency. No forwardRef cycles. ' +
        'The one exception: cycles made only of TypeORM *.entity.ts files, which bidirectional ' +
        'relations need; there the other class may be used only inside lazy arrow functions ' +
        '(() => Other) and as Relation<Other>, never at module evaluation.',
      from: {},
      // Flags a cycle as soon as one module in it is not an entity.
      to: { circular: true, via: { pathNot: '\\.entity\\.ts$' } },
    },
    {
      name: 'engine-is-framework-free',
      severity: 'error',
      comment:
        'The matching engine (src/matching/engine/) is plain deterministic TypeScript: it may not ' +
        'import NestJS, TypeORM, BullMQ, ioredis or pg. Do the I/O in MatchingService and pass plain data in.',
      from: { path: '^src/matching/engine/' },
      to: { path: pkg(FRAMEWORK_DB_QUEUE) },
    },
    {
      name: 'engine-imports-only-engine',
      severity: 'error',
      comment:
        'The matching engine may import nothing from src/ outside src/matching/engine/. ' +
        'Move the type or helper it needs into the engine, or let the caller pass it in.',
      from: { path: '^src/matching/engine/' },
      to: { path: '^src/', pathNot: '^src/matching/engine/' },
    },
    {
      name: 'src-not-to-test',
      severity: 'error',
      comment:
        'Code under src/ may not import from test/ (test/ is not part of the build or the image). ' +
        'Move what both need into src/, or keep the helper in test/ and use it from tests only.',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'local-stack-is-plain-node',
      severity: 'error',
      comment:
        'src/local-stack/ starts Postgres and Redis for development as plain Node code; it may not ' +
        'import NestJS or TypeORM. Start the API and worker entry points as processes instead.',
      from: { path: '^src/local-stack/' },
      to: { path: pkg([FRAMEWORK, ORM].join('|')) },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code imports a devDependency. The image installs production dependencies only ' +
        '(npm ci --omit=dev), so this import would fail at run time: move the package to ' +
        '"dependencies", use it from *.spec.ts files only, or write `import type` when only ' +
        'its types are needed (e.g. express types from @types/express).',
      // Benchmarks run from a checkout with dev dependencies installed, never in the image.
      from: { path: '^src/', pathNot: ['\\.spec\\.ts$', '^src/benchmarks/'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'This imports an npm package that package.json does not declare (it only happens to be ' +
        'installed as a dependency of something else). Add it to package.json.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved, so the rules above cannot check it either. ' +
        'Fix the path (relative imports end in .js under module nodenext) or install the package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    moduleSystems: ['es6', 'cjs'],
    // ESM TypeScript: imports end in .js and point at .ts files; resolve them as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    // Count type-only imports too: an engine file importing a TypeORM type is still coupled to it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
