// Child processes of a benchmark: started with their output captured, awaited until they print
// a readiness line, and stopped by their own pid (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { onCleanup } from './cleanup';

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Everything printed so far (stdout and stderr), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `command` and resolves once a line of its output matches `ready`. */
export async function startChild(
  label: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { ready: RegExp; timeoutMs?: number },
): Promise<Child> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${label} did not start`);
  let output = '';
  const stop = () => stopProcess(child);
  onCleanup(`stop ${label}`, stop);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} was not ready in time:\n${output.slice(-2000)}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining so that a chatty child never blocks on a full pipe.
  child.removeAllListeners('exit');
  return { process: child, pid: child.pid, output: () => output, stop };
}
