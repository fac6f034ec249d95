// Debian's Chromium through playwright-core: headless, quiet (no background networking or
// component updates), with a fresh profile directory so that IndexedDB is real and on disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { onCleanup, tempDir } from '../support/cleanup';

const CHROMIUM = process.env.FI_BENCH_CHROMIUM ?? '/usr/bin/chromium';
/** No single step of a benchmark may hang the run: each page call gives up after this long. */
const CALL_TIMEOUT_MS = Number(process.env.FI_BENCH_CALL_TIMEOUT_S ?? 600) * 1000;

export async function launchBrowser(): Promise<BrowserContext> {
  const profile = await tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  onCleanup('close Chromium', () => context.close());
  return context;
}

/** Which module the one bench page loads: the app's benchmark steps or the PouchDB anchor's. */
export type BenchPageName = 'fi' | 'pouch';

/** Opens the bench page as `name` and waits until its module has put its API on window. */
export async function openBenchPage(
  context: BrowserContext,
  pagesUrl: string,
  name: BenchPageName,
): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  if (process.env.FI_BENCH_DEBUG) page.on('console', (m) => console.log(`[page] ${m.text()}`));
  await page.goto(`${pagesUrl}/bench.html?page=${name}`);
  await page.waitForFunction(
    `document.title === ${JSON.stringify(`${name}-bench ready`)}`,
    undefined,
    {
      timeout: 60_000,
    },
  );
  return page;
}

type PageApis = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

/**
 * Calls `window[api][method](...args)` in the page. The page's code is typed by its own config;
 * here the caller states the answer's shape.
 */
export async function callPage<T>(
  page: Page,
  api: string,
  method: string,
  ...args: unknown[]
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${api}.${method} took longer than ${CALL_TIMEOUT_MS / 1000} s`)),
      CALL_TIMEOUT_MS,
    );
  });
  const call = page.evaluate(
    ([name, fn, params]) => {
      const target = (globalThis as unknown as PageApis)[name]?.[fn];
      if (!target) throw new Error(`the page has no ${name}.${fn}`);
      return target(...params);
    },
    [api, method, args] as const,
  ) as Promise<T>;
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` with the page's JavaScript CPU profiler on, when FI_BENCH_CLIENT_PROFILE names a
 * folder: the profile is written there as `<name>.cpuprofile` (open it in Chrome's DevTools).
 */
export async function withPageProfile<T>(
  page: Page,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const folder = process.env.FI_BENCH_CLIENT_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}
