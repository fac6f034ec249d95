import { useSyncExternalStore } from 'react';
import type { SyncEngine, SyncStatus } from './sync-engine';

export function useSyncStatus(engine: SyncEngine): SyncStatus {
  return useSyncExternalStore(engine.subscribe, engine.getStatus);
}
