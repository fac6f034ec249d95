// docs/ARCHITECTURE.md is where a newcomer finds the file for each step: every file or folder it
// names in backticks must exist, or the document has fallen behind the code. A name may be given
// from the repository's root, from a folder below it (`features/common/useServerLoad.ts`), or as a
// bare file name where the text around it says the folder.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SKIPPED = new Set(['node_modules', '.git', 'out', 'dist', 'coverage', 'release']);

/** Every file and folder of the tree, as paths from the root with a leading slash. */
function treePaths(dir = root, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const relative = `/${path.relative(root, full).split(path.sep).join('/')}`;
    if (entry.isDirectory()) {
      into.push(`${relative}/`);
      treePaths(full, into);
    } else into.push(relative);
  }
  return into;
}

/** The names in backticks that look like a file (with an extension) or a folder (ending in /). */
function namedPaths(markdown: string): string[] {
  const names = [...markdown.matchAll(/`([^`\s]+)`/gu)].map((m) => m[1] ?? '');
  return [
    ...new Set(
      names.filter((n) => /^[\w.-]+(\/[\w.<>-]+)*(\.(ts|tsx|js|json|md|css)|\/)$/u.test(n)),
    ),
  ].filter((n) => !n.includes('<'));
}

/** Whether `name` is a path of the tree: from the root, or the end of a path below it. */
function existsIn(paths: readonly string[], name: string): boolean {
  const wanted = `/${name.replace(/^\/+/u, '')}`;
  return paths.some((p) => p === wanted || p.endsWith(wanted));
}

describe('docs/ARCHITECTURE.md', () => {
  const text = readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
  const paths = treePaths();

  it('names files and folders, and finds them the way a reader would', () => {
    const names = namedPaths('see `domain/rules/deadlines.ts`, `useThing.ts`, `db/`, `a b`');
    expect(names).toEqual(['domain/rules/deadlines.ts', 'useThing.ts', 'db/']);
    expect(existsIn(paths, 'domain/rules/deadlines.ts')).toBe(true);
    expect(existsIn(paths, 'features/common/useServerLoad.ts')).toBe(true);
    expect(existsIn(paths, 'features/common/useNothing.ts')).toBe(false);
    expect(existsIn(paths, 'renderer/src/shared/')).toBe(true);
  });

  it('names only files and folders that exist', () => {
    const names = namedPaths(text);
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((n) => !existsIn(paths, n))).toEqual([]);
  });
});
