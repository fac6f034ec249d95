// Whether a document is ready to print: its data and blobs loaded and every image decoded, so
// that neither printToPDF nor the browser's print prints an empty frame.
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export function usePrintReady(container: RefObject<HTMLElement | null>, loaded: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!loaded) {
      setReady(false);
      return;
    }
    let cancelled = false;
    const images = [...(container.current?.querySelectorAll('img') ?? [])];
    void Promise.all(
      images.map((img) =>
        typeof img.decode === 'function' ? img.decode().catch(() => undefined) : undefined,
      ),
    ).then(() => {
      if (!cancelled) setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [container, loaded]);
  return ready;
}
