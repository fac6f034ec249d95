// How the HQ server's Node process is started, in one place for everything that starts it
// (npm run server, npm start, the benchmarks and the end-to-end tests): the built server
// (vite.server.config.ts, `npm run build:server`) under plain Node.
//
// - V8 lets the young generation grow to 16 MB semi-spaces, and a sync's short-lived JSON pushes
//   the process up by about 50 MB that it keeps. With 4 MB semi-spaces the server stays well
//   under the 300 MB the sync benchmark allows on the embedded database, for a few more scavenges.
// - The embedded database is PostgreSQL compiled to WebAssembly (9 MB). V8 compiles it twice by
//   default, quickly (Liftoff) and then optimised (TurboFan), and keeps both: compiling it
//   optimised only costs a second more at start and holds about 35 MB less, and runs no slower.
// - Stack traces in the log point into the TypeScript sources.
export const SERVER_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=4',
  '--no-liftoff',
  '--enable-source-maps',
];

/** The built server's entry point (relative to the repository root). */
export const SERVER_ENTRY = 'dist/server/main.js';

/** The sources the built server is made from: when one is newer, build it again. */
export const SERVER_SOURCES: readonly string[] = [
  'server',
  'domain',
  'vite.server.config.ts',
  'package.json',
];

/** The arguments that run the built server. */
export function serverNodeArgs(entry = SERVER_ENTRY): string[] {
  return [...SERVER_NODE_FLAGS, entry];
}
