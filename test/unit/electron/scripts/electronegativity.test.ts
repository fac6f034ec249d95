import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allowlistSchema,
  APP_SOURCES,
  loadAllowlist,
  passes,
  scan,
} from '../../../../scripts/electronegativity';

const root = resolve(import.meta.dirname, '../../../..');

// The app's own sources with one insecure window added, as a careless change would add it.
const PLANTED_LINE =
  'export const helpWindow = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false } });';
const planted = mkdtempSync(join(tmpdir(), 'fi-electronegativity-'));
cpSync(APP_SOURCES, planted, { recursive: true });
appendFileSync(join(planted, 'main/index.ts'), `\n${PLANTED_LINE}\n`);
afterAll(() => rmSync(planted, { recursive: true, force: true }));

/** `npm run security:electron`, as CI runs it, on the given folder (the app's by default). */
function runScript(...folder: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/electronegativity.ts'), ...folder],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
}

describe('electronegativity script', { timeout: 120_000 }, () => {
  it('passes on the app, where every allowlisted finding is still found', async () => {
    const allowlist = loadAllowlist();
    const result = await scan(APP_SOURCES, allowlist);
    expect(result.blocking).toEqual([]);
    expect(result.parseErrors).toEqual([]);
    expect(result.unusedAllowlistEntries).toEqual([]);
    expect(result.allowlisted).toHaveLength(allowlist.findings.length);
    expect(passes(result)).toBe(true);
  });

  it('fails on a window with Node integration and no sandbox, naming what it found', async () => {
    const result = await scan(planted, loadAllowlist());
    expect(new Set(result.blocking.map((f) => `${f.file}: ${f.sample}`))).toEqual(
      new Set([`main/index.ts: ${PLANTED_LINE}`]),
    );
    expect(result.blocking.map((f) => f.id).sort()).toEqual([
      'AUXCLICK_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
    ]);
    // The tool's own nodeIntegration check rates an explicit `true` as informational at most:
    // the missing sandbox and context isolation that come with it are what fail the run.
    expect(passes(result)).toBe(false);
  });

  it('allowlists a finding only on its own line, and fails on an entry that matches nothing', async () => {
    const allowlist = loadAllowlist();
    const elsewhere = {
      id: 'SANDBOX_JS_CHECK',
      file: 'main/index.ts',
      line: 'export const helpWindow = () => new BrowserWindow({',
      reason: 'a reason that names another line than the planted one',
    };
    const result = await scan(planted, {
      ...allowlist,
      findings: [...allowlist.findings, elsewhere],
    });
    expect(result.blocking.map((f) => f.id)).toContain('SANDBOX_JS_CHECK');
    expect(result.unusedAllowlistEntries).toEqual([elsewhere]);
    expect(passes({ ...result, blocking: [] })).toBe(false);
  });

  it('fails on a file it cannot parse, which nobody would have checked', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'fi-electronegativity-broken-'));
    try {
      writeFileSync(join(broken, 'main.ts'), 'export const = new BrowserWindow({;\n');
      const result = await scan(broken, loadAllowlist());
      expect(result.parseErrors.map((e) => e.file)).toEqual(['main.ts']);
      expect(passes(result)).toBe(false);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('wants a reason for every allowlist entry', () => {
    const entry = { id: 'SANDBOX_JS_CHECK', file: 'main/index.ts', line: 'x', reason: '' };
    expect(allowlistSchema.safeParse({ excludedChecks: [], findings: [entry] }).success).toBe(
      false,
    );
  });

  it('exits 1 on the planted finding and 0 on the app, as CI sees it', () => {
    const failing = runScript(planted);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('HIGH CONTEXT_ISOLATION_JS_CHECK at main/index.ts');
    expect(failing.stdout).toContain(PLANTED_LINE);
    const passing = runScript();
    expect(passing.stderr).toBe('');
    expect(passing.status).toBe(0);
    expect(passing.stdout).toContain('0 finding(s) above low severity');
  });
});
