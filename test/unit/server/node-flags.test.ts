import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, serverNodeArgs } from '../../../server/src/node-flags';

describe('the server process flags', () => {
  it('are the ones `npm run server` starts the server with', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.server).toBe(`node ${serverNodeArgs().join(' ')}`);
  });

  it('put the V8 flags before the loader and the entry point', () => {
    expect(serverNodeArgs('x.ts')).toEqual([...SERVER_NODE_FLAGS, '--import', 'tsx', 'x.ts']);
  });
});
