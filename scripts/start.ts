// `npm start`: builds what is missing, starts the HQ server on the embedded database with the
// demo district, then opens the desktop app — or, where the Electron binary cannot be had,
// serves browser mode and prints its URL.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fetchElectron } from './electron-binary';
import { isStale } from './build-freshness';
import { SERVER_ENTRY, SERVER_SOURCES, serverNodeArgs } from '../server/src/node-flags';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '8787';
const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const rendererSources = ['renderer', 'domain', 'vite.web.config.ts', 'package.json'];

function run(script: string): void {
  console.log(`Building (${script})…`);
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm run ${script} failed; fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${baseUrl} within two minutes`);
}

async function main(): Promise<void> {
  const electron = fetchElectron();
  if (isStale('dist/web/index.html', rendererSources)) run('build:web');
  if (
    electron.ok &&
    isStale('out/main', [...rendererSources, 'electron', 'electron.vite.config.ts'])
  ) {
    run('build:electron');
  }

  if (isStale(SERVER_ENTRY, SERVER_SOURCES)) run('build:server');

  const server = spawn(process.execPath, serverNodeArgs(), {
    stdio: 'inherit',
    env: { ...process.env, HOST: host, PORT: port, FI_DEMO: process.env.FI_DEMO ?? '1' },
  });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
  await waitForHealth(server);

  if (!electron.ok) {
    console.log(
      `Electron is not available (the binary is missing and ${electron.reason}): browser mode is at ${baseUrl}/`,
    );
    return;
  }
  const app = spawn(electron.binary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, FI_SERVER_URL: baseUrl },
  });
  app.on('exit', stop);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
