// Samples a process's resident memory (VmRSS from /proc/<pid>/status) on a timer and keeps the
// peak, overall and since the last mark, so that each benchmark phase can report its own peak.
import { readFileSync } from 'node:fs';

export interface RssSampler {
  /** Peak since the previous mark (and starts a new window). */
  mark(): number;
  peak(): number;
  stop(): void;
}

export function readRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

export function sampleRss(pid: number, intervalMs = 200): RssSampler {
  let peak = 0;
  let windowPeak = 0;
  const sample = () => {
    const rss = readRssBytes(pid);
    if (rss === null) return;
    peak = Math.max(peak, rss);
    windowPeak = Math.max(windowPeak, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    mark() {
      sample();
      const value = windowPeak;
      windowPeak = readRssBytes(pid) ?? 0;
      return value;
    },
    peak: () => {
      sample();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
