// `npm run security:electron`: Electronegativity over the desktop app's sources (electron/, or
// the folder given), offline. A finding above low severity fails the run unless the allowlist
// (electronegativity-allowlist.json beside this script) names it, with the reason it is a false
// positive; an allowlist entry that matches nothing fails it too, so the list stays short and
// true. A file the tool cannot parse fails it: it would be a file nobody checked.
//
// The library's own runner first downloads translations (up to three seconds when offline)
// and one of its checks needs the network; this drives its loader, parser and checks directly
// with the bundled English messages instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
/** What CI scans: the main process and the preload. */
export const APP_SOURCES = join(here, '..', 'electron');
export const ALLOWLIST_PATH = join(here, 'electronegativity-allowlist.json');

const reason = z.string().min(20, { message: 'say why in a sentence' });
export const allowlistSchema = z.object({
  /** Checks not run at all, by the class name the tool gives them. */
  excludedChecks: z.array(z.object({ check: z.string().min(1), reason })),
  /** Findings that are false positives: the check id, the file, and its source line. */
  findings: z.array(
    z.object({ id: z.string().min(1), file: z.string().min(1), line: z.string(), reason }),
  ),
});
export type Allowlist = z.infer<typeof allowlistSchema>;

export interface Finding {
  id: string;
  severity: string;
  /** Relative to the scanned folder, with forward slashes; "N/A" for an app-wide check. */
  file: string;
  line: number;
  /** The source line, trimmed (empty for an app-wide check). */
  sample: string;
  description: string;
}

export interface ScanResult {
  /** Above low severity and not allowlisted: each fails the run. */
  blocking: Finding[];
  /** Low or informational: shown, never failing. */
  notes: Finding[];
  allowlisted: Finding[];
  unusedAllowlistEntries: Allowlist['findings'];
  /** Files the tool could not read. */
  parseErrors: { file: string; message: string }[];
}

/** What the untyped library hands back (the fields read here). */
interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number };
  severity: { value: number; name: string };
  visibility?: { inlineDisabled?: boolean; globalCheckDisabled?: boolean };
}

const LOW = 1;

function library() {
  const requireFromTool = createRequire(
    require.resolve('@doyensec/electronegativity/package.json'),
  );
  const dist = dirname(requireFromTool.resolve('./dist/runner.js'));
  // The checks name themselves through i18n's global __(): give it the bundled English.
  const i18n = requireFromTool('i18n') as { configure(options: object): void };
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: join(dist, 'locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  /* eslint-disable @typescript-eslint/no-explicit-any -- the library ships no types */
  return {
    LoaderDirectory: requireFromTool('./dist/loader').LoaderDirectory as any,
    Parser: requireFromTool('./dist/parser').Parser as any,
    Finder: requireFromTool('./dist/finder').Finder as any,
    GlobalChecks: requireFromTool('./dist/finder').GlobalChecks as any,
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/** The installed Electron's version: the checks' defaults depend on it. */
function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

export function loadAllowlist(path = ALLOWLIST_PATH): Allowlist {
  return allowlistSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export async function scan(folder: string, allowlist: Allowlist): Promise<ScanResult> {
  const input = resolve(folder);
  const { LoaderDirectory, Parser, Finder, GlobalChecks } = library();
  const loader = new LoaderDirectory();
  await loader.load(input);
  const excluded = allowlist.excludedChecks.map((c) => c.check.toLowerCase());
  const globalChecks = new GlobalChecks(
    [],
    excluded.filter((c) => c.includes('globalcheck')),
  );
  const finder = await new Finder(
    [],
    excluded.filter((c) => !c.includes('globalcheck')),
  );
  const parser = new Parser(false, true);
  const version = electronVersion();

  const parseErrors: ScanResult['parseErrors'] = [];
  let issues: RawIssue[] = [];
  for (const file of [...(loader.list_files as Set<string>)]) {
    try {
      const content = loader.load_buffer(file) as string;
      const [type, data, parsedContent] = parser.parse(file, content) as [unknown, unknown, string];
      if (data === null) continue;
      issues.push(
        ...((await finder.find(file, data, type, parsedContent, null, version)) as RawIssue[]),
      );
    } catch (error) {
      parseErrors.push({
        file: relative(input, file),
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  issues = (await globalChecks.getResults(issues, undefined)) as RawIssue[];

  const result: ScanResult = {
    blocking: [],
    notes: [],
    allowlisted: [],
    unusedAllowlistEntries: [],
    parseErrors,
  };
  const used = new Set<number>();
  for (const issue of issues) {
    if (issue.visibility?.inlineDisabled || issue.visibility?.globalCheckDisabled) continue;
    const finding: Finding = {
      id: issue.id,
      severity: issue.severity.name,
      file: issue.file === 'N/A' ? 'N/A' : relative(input, issue.file).replaceAll('\\', '/'),
      line: issue.location.line,
      sample: issue.sample ?? '',
      description: issue.description,
    };
    if (issue.severity.value <= LOW) {
      result.notes.push(finding);
      continue;
    }
    const entry = allowlist.findings.findIndex(
      (a) => a.id === finding.id && a.file === finding.file && a.line === finding.sample,
    );
    if (entry === -1) {
      result.blocking.push(finding);
    } else {
      used.add(entry);
      result.allowlisted.push(finding);
    }
  }
  result.unusedAllowlistEntries = allowlist.findings.filter((_, i) => !used.has(i));
  return result;
}

/** True when the scan lets CI pass. */
export function passes(result: ScanResult): boolean {
  return (
    result.blocking.length === 0 &&
    result.unusedAllowlistEntries.length === 0 &&
    result.parseErrors.length === 0
  );
}

function show(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'the whole app' : `${finding.file}:${finding.line}`;
  return `  ${finding.severity} ${finding.id} at ${where}${finding.sample ? `\n      ${finding.sample}` : ''}\n      ${finding.description}`;
}

/**
 * Scans `folder` (the app's sources by default) and says what it found. The allowlist is the
 * app's: an entry that matches nothing is an error only when the app's sources are scanned.
 */
async function main(folder: string | undefined): Promise<number> {
  const result = await scan(folder ?? APP_SOURCES, loadAllowlist());
  if (folder !== undefined) result.unusedAllowlistEntries = [];
  console.log(
    `Electronegativity over ${folder ?? 'electron/'}: ${result.blocking.length} finding(s) ` +
      `above low severity, ${result.allowlisted.length} allowlisted, ` +
      `${result.notes.length} low or informational.`,
  );
  for (const finding of result.blocking) console.log(show(finding));
  for (const error of result.parseErrors) {
    console.log(`  could not parse ${error.file}: ${error.message}`);
  }
  for (const entry of result.unusedAllowlistEntries) {
    console.log(`  allowlist entry matches nothing, remove it: ${entry.id} in ${entry.file}`);
  }
  return passes(result) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv[2])
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
