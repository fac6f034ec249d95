import { useCallback, useEffect, useState } from 'react';

export interface Position {
  lat: number;
  lon: number;
  accuracyM: number | null;
}

export type GeolocationFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export type GeolocationState =
  | { status: 'locating' }
  | { status: 'located'; position: Position }
  | { status: 'failed'; reason: GeolocationFailure };

const failures: Record<number, GeolocationFailure> = {
  1: 'denied',
  2: 'unavailable',
  3: 'timeout',
};

/** The device's position, asked for once on mount and again with locate(). */
export function useGeolocation(): { state: GeolocationState; locate: () => void } {
  const [state, setState] = useState<GeolocationState>({ status: 'locating' });
  const locate = useCallback(() => {
    const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geo) {
      setState({ status: 'failed', reason: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    geo.getCurrentPosition(
      ({ coords }) =>
        setState({
          status: 'located',
          position: {
            lat: coords.latitude,
            lon: coords.longitude,
            accuracyM: Number.isFinite(coords.accuracy) ? coords.accuracy : null,
          },
        }),
      (error) => setState({ status: 'failed', reason: failures[error.code] ?? 'unavailable' }),
      // A fresh, precise fix: the record proves where the visit was.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(() => locate(), [locate]);
  return { state, locate };
}
