import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hasWorkerNodeFlags, WORKER_NODE_FLAGS } from './worker-node-flags.js';

const repo = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repo), 'utf8');

describe('the worker’s Node flags', () => {
  it('are accepted by this Node', () => {
    const run = spawnSync(process.execPath, [...WORKER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are the same wherever a worker, or the benchmark that times its code, is started by a command', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    const compose = read('docker-compose.yml').match(/^\s*command: \[([^\]]*'dist\/worker\.js')\]/m)?.[1] ?? '';
    const dockerfile = read('Dockerfile').match(/^#\s+worker\s+(.*)$/m)?.[1] ?? '';
    const starts = {
      'start:worker': scripts['start:worker'],
      'bench:speed': scripts['bench:speed'],
      'docker-compose worker': compose.replace(/['\s]/g, '').split(',').join(' '),
      'Dockerfile worker': dockerfile,
    };
    for (const [where, command] of Object.entries(starts)) {
      // The flags between `node` and the script, in order.
      const flags =
        command
          .match(/\bnode((?:\s+--\S+)*)\s+dist\//)?.[1]
          .trim()
          .split(/\s+/) ?? [];
      expect({ where, flags }).toEqual({ where, flags: WORKER_NODE_FLAGS });
    }
  });

  it('tells whether a process was started with them', () => {
    expect(hasWorkerNodeFlags(['--enable-source-maps'])).toBe(false);
    expect(hasWorkerNodeFlags([...WORKER_NODE_FLAGS, '--enable-source-maps'])).toBe(true);
  });
});
