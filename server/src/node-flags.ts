// How the HQ server's Node process is started, in one place for everything that starts it
// (npm run server, npm start, the benchmarks and the end-to-end tests).
//
// V8 lets the young generation grow to 16 MB semi-spaces, and a sync's short-lived JSON pushes
// the process up by about 50 MB that it keeps. With 4 MB semi-spaces the server stays under the
// 300 MB the sync benchmark allows on the embedded database, for a few more scavenges.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** The arguments that run the server's entry point from source through tsx. */
export function serverNodeArgs(entry = 'server/src/main.ts'): string[] {
  return [...SERVER_NODE_FLAGS, '--import', 'tsx', entry];
}
