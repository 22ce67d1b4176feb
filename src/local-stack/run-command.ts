import { spawn } from 'node:child_process';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (root only); libuv also drops root's supplementary groups. */
  runAs?: RunAs | null;
  /** Show the output to the user instead of collecting it (apt-get progress). */
  inheritOutput?: boolean;
}

export interface RunResult {
  code: number | null;
  output: string;
}

/**
 * Runs a command to completion. Spawn failures (EACCES, ENOENT) arrive as an 'error' event,
 * which no try/catch around spawn() sees, so they are turned into a rejection here.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      uid: options.runAs?.uid,
      gid: options.runAs?.gid,
      stdio: options.inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Like runCommand, but a non-zero exit is an error that carries the command's own output. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} exited with code ${result.code}\n${result.output.trim()}`);
  }
  return result.output;
}
