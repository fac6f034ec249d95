// Processor time of the HQ server and of the browser (all its processes), read from /proc: on a
// small machine the two share the cores, so a phase's figures say which side was busy and how
// much of the machine the phase took.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User plus system time of one process (all its threads), or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    // The fields after the command name, which may itself hold spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The time of every process whose name starts with `name` (Chromium's browser, renderers…). */
export function cpuSecondsOfAll(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith(name)) continue;
    } catch {
      continue;
    }
    total += cpuSeconds(Number(entry)) ?? 0;
  }
  return total;
}

export interface CpuUse {
  serverSeconds: number;
  browserSeconds: number;
  wallSeconds: number;
}

/** Starts measuring; the returned function gives the time used since. */
export function measureCpu(serverPid: number, browserName = 'chrom'): () => CpuUse {
  const started = performance.now();
  const server = cpuSeconds(serverPid) ?? 0;
  const browser = cpuSecondsOfAll(browserName);
  return () => ({
    serverSeconds: (cpuSeconds(serverPid) ?? server) - server,
    browserSeconds: cpuSecondsOfAll(browserName) - browser,
    wallSeconds: (performance.now() - started) / 1000,
  });
}
