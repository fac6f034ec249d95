import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer messages ESLint gives `code` as if it were the file at `file`. */
async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layers/downward-only')
    .map((message) => message.message);
}

// The first lint loads the whole config and its plugins: seconds on a busy machine.
describe('the layers lint rule', { timeout: 60_000 }, () => {
  it.each([
    ['renderer/src/features/x/useThing.ts', "import { App } from '../../app/App';\n"],
    ['renderer/src/db/repositories/x.ts', "import { a } from '../../features/photos/camera';\n"],
    ['renderer/src/db/x.ts', "import { pullAll } from '../sync/pull';\n"],
    ['renderer/src/sync/x.ts', "export { useSession } from '../session/session-context';\n"],
    ['renderer/src/shared/x.ts', "export * from '../db/database';\n"],
    ['renderer/src/session/x.ts', "const m = import('../features/settings/AboutCard');\n"],
    ['electron/main/x.ts', "import type { A } from '../../renderer/src/shared/sha256';\n"],
    ['domain/rules/x.ts', "import { b } from '../../server/src/db/database';\n"],
    ['server/src/x.ts', "import { c } from '../../renderer/src/db/database';\n"],
  ])('refuses %s importing upwards or across processes', async (file, code) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may (not )?import/);
  });

  it.each([
    ['renderer/src/app/x.ts', "import { a } from '../features/settings/AboutCard';\n"],
    [
      'renderer/src/features/x/y.ts',
      "import { useProfile } from '../../session/session-context';\n",
    ],
    ['renderer/src/features/x/y.ts', "import { b } from '../photos/camera';\n"],
    ['renderer/src/sync/x.ts', "import { db } from '../db/database';\n"],
    ['renderer/src/db/x.ts', "import { sha256Hex } from '../shared/sha256';\n"],
    ['renderer/src/shared/x.ts', "import { s } from '../../../domain/platform/contract';\n"],
    ['electron/main/x.ts', "import type { S } from '../../domain/platform/contract';\n"],
    ['renderer/src/db/x.ts', "import Dexie from 'dexie';\n"],
  ])('accepts %s importing downwards', async (file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it('refuses Dexie in screens, which reach data through renderer/src/db', async () => {
    const code = "import Dexie from 'dexie';\nexport const d = Dexie;\n";
    const [result] = await eslint.lintText(code, {
      filePath: path.join(root, 'renderer/src/features/x/useThing.ts'),
    });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [lower] = await eslint.lintText(code, {
      filePath: path.join(root, 'renderer/src/db/x.ts'),
    });
    expect(lower?.messages.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });
});
