// How this device introduces itself at sign-in, so that people can tell their sessions apart.
import type { AppInfo } from '../../../domain/platform/contract';

export function deviceName(info: AppInfo): string {
  const shell = info.shell === 'electron' ? 'desktop' : 'browser';
  return `${info.name} (${shell}, ${info.platform || 'unknown'})`.slice(0, 100);
}
