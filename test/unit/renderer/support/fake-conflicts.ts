// A stand-in for the server's conflicts log (GET /conflicts, POST /conflicts/:id/resolve) with
// its rules: same choice again answered as before, a different one refused with 409; anything
// else falls through to the sync stand-in.
import type { ConflictView } from '../../../../domain/sync/protocol';
import { json } from './fake-hq';
import type { RecordedRequest } from './fake-hq';
import { newId } from '../../../support/record-fixtures';

export function makeConflictView(overrides: Partial<ConflictView> = {}): ConflictView {
  return {
    id: newId(),
    entity: 'finding',
    recordId: newId(),
    town: '330604400',
    field: 'title',
    keptValue: 'Valve B',
    losingValue: 'Valve A',
    keptUserId: newId(),
    keptDeviceId: newId(),
    losingUserId: newId(),
    losingDeviceId: newId(),
    version: 120,
    at: '2026-11-28T02:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...overrides,
  };
}

export interface FakeConflictLog {
  conflicts: Map<string, ConflictView>;
  /** When set, every resolve is answered with this status and code. */
  refuse: { status: number; error: string; message: string } | null;
  handle(
    request: RecordedRequest,
    next: (r: RecordedRequest) => Response | Promise<Response>,
  ): Response | Promise<Response>;
}

export function fakeConflictLog(initial: ConflictView[] = []): FakeConflictLog {
  const log: FakeConflictLog = {
    conflicts: new Map(initial.map((c) => [c.id, c])),
    refuse: null,
    handle(request, next) {
      const { method, url, body } = request;
      if (method === 'GET' && url.pathname.endsWith('/conflicts')) {
        const status = url.searchParams.get('status');
        const list = [...log.conflicts.values()].filter((c) =>
          status === 'open' ? c.resolvedAt === null : status === 'resolved' ? c.resolvedAt : true,
        );
        return json(200, { conflicts: list });
      }
      const resolve = /\/conflicts\/([^/]+)\/resolve$/.exec(url.pathname);
      if (method === 'POST' && resolve) {
        if (log.refuse) return json(log.refuse.status, log.refuse);
        const conflict = log.conflicts.get(resolve[1] ?? '');
        if (!conflict) return json(404, { error: 'not_found', message: 'no such conflict' });
        const { keep } = body as { keep: 'kept' | 'losing' };
        if (conflict.resolution !== null && conflict.resolution !== keep) {
          return json(409, { error: 'already_resolved', message: 'already resolved' });
        }
        const resolved: ConflictView = {
          ...conflict,
          resolution: keep,
          resolvedAt: conflict.resolvedAt ?? '2026-11-29T01:00:00.000Z',
          resolvedBy: conflict.resolvedBy ?? newId(),
        };
        log.conflicts.set(resolved.id, resolved);
        return json(200, { conflict: resolved });
      }
      return next(request);
    },
  };
  return log;
}
