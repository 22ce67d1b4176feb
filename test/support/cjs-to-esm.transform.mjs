// Jest on Node 20 cannot require() an ES module, and @nestjs/throttler is CommonJS that requires
// the ESM-only @nestjs/common and @nestjs/core. Node itself can (require(esm), Node >= 20.19), so
// the built service runs as is; for Jest this rewrites the package's files into ES modules: each
// require("x") becomes an import, the original code runs in a function scope with its own
// `exports`, and every name it assigns to `exports` is exported. Only for @nestjs/throttler's
// compiled output (jest.config.js), whose shape this expects; drop it once Jest runs on Node 24.9+
// or the package ships ESM. See docs/decisions/0013-http-hardening.md.
import { createHash } from 'node:crypto';

function rewrite(source) {
  const imports = [];
  const reexports = [];
  let body = source.replace(/__exportStar\(require\("([^"]+)"\), exports\);/g, (_, specifier) => {
    reexports.push(`export * from ${JSON.stringify(esmSpecifier(specifier))};`);
    return '';
  });
  body = body.replace(/require\("([^"]+)"\)/g, (_, specifier) => {
    const local = `__required_${imports.length}`;
    imports.push(`import * as ${local} from ${JSON.stringify(esmSpecifier(specifier))};`);
    return local;
  });
  const names = new Set();
  for (const match of source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)) names.add(match[1]);
  for (const match of source.matchAll(/Object\.defineProperty\(exports, "([A-Za-z_$][\w$]*)"/g)) names.add(match[1]);
  names.delete('__esModule');
  const exported = [...names].map(
    (name, index) => `const __exported_${index} = __cjs.exports.${name};\nexport { __exported_${index} as ${name} };`,
  );
  return [
    ...imports,
    ...reexports,
    'const __cjs = { exports: {} };',
    `(function (exports, module) {\n${body}\n})(__cjs.exports, __cjs);`,
    ...exported,
  ].join('\n');
}

function esmSpecifier(specifier) {
  return specifier.startsWith('.') ? `${specifier}.js` : specifier;
}

export default {
  process(source) {
    return { code: rewrite(source) };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(source).update(filename).update(rewrite.toString()).digest('hex');
  },
};
