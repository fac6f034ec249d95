// The real HQ server as a child process on a free port, for fault tests: killed, stopped by a
// signal, or fed slow and broken requests. It runs from the sources under Node itself with tsx's
// loader (not the tsx wrapper, which would run the server in a child process of its own and leave
// it running when the wrapper is killed).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { DEMO_PASSWORD_FOR_TESTS } from './demo-app';

const nodeArgs = ['--import', 'tsx', 'server/src/main.ts'];

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  /** Everything the process printed on stdout so far. */
  output: () => string;
  /** Resolves when stdout shows `line`. */
  waitFor: (line: string) => Promise<void>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * Starts the server on `dataDir` (the embedded database, unless `env` sets DATABASE_URL) with the
 * demo district, and resolves once it listens.
 */
export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, nodeArgs, {
    env: {
      ...process.env,
      FI_DATA_DIR: dataDir,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      FI_DEMO: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((x) => out.includes(x.line))) w.resolve();
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const waitFor = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(line)) return resolve();
      waiters.push({ line, resolve });
      void exited.then((code) =>
        reject(new Error(`server exited (${code}) before "${line}": ${err}`)),
      );
    });
  return waitFor('listening on').then(() => {
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
    if (!url) throw new Error(`no address in: ${out}`);
    return { child, url, port: Number(new URL(url).port), output: () => out, waitFor, exited };
  });
}

/** POSTs `body` as JSON over HTTP (with the session's token, if given); answers the parsed reply. */
export async function postOverHttp(url: string, body: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Signs inspector.li in on the server at `url` from a field laptop (as `deviceId` again, if given). */
export function signInOverHttp(url: string, deviceId?: string) {
  return postOverHttp(`${url}/api/v1/auth/login`, {
    username: 'inspector.li',
    password: DEMO_PASSWORD_FOR_TESTS,
    deviceName: 'field laptop',
    ...(deviceId ? { deviceId } : {}),
  });
}
