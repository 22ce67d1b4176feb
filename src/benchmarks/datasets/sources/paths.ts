import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits three folders below the repository root both as source (src/benchmarks/datasets/sources)
// and built (dist/benchmarks/datasets/sources), so the root is found the same way from Jest and from node.
const here = dirname(fileURLToPath(import.meta.url));
export const repositoryRoot = join(here, '..', '..', '..', '..');
export const sourcesFolder = join(repositoryRoot, 'bench', 'datasets', 'sources');
export const outputFolder = join(repositoryRoot, 'bench', 'datasets');
