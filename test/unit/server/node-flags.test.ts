import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, serverNodeArgs } from '../../../server/src/node-flags';

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;

describe('the server process flags', () => {
  it('are the ones `npm run server` starts the built server with, after building it', () => {
    expect(scripts.server).toBe(
      `npm run --silent build:server && node ${serverNodeArgs().join(' ')}`,
    );
    expect(scripts['build:server']).toBe('vite build -c vite.server.config.ts');
    expect(scripts.build).toContain(scripts['build:server']);
  });

  it('put the V8 flags before the entry point, which is the build', () => {
    expect(serverNodeArgs()).toEqual([...SERVER_NODE_FLAGS, 'dist/server/main.js']);
    expect(serverNodeArgs('x.js')).toEqual([...SERVER_NODE_FLAGS, 'x.js']);
  });
});
