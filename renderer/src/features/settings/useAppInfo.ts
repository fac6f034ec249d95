import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../domain/platform/contract';

/** What the platform says about the app (name, version, desktop or browser). */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void window.api.appInfo().then((next) => {
      if (live) setInfo(next);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
