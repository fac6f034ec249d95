// A stand-in for the server's push and blob endpoints with the protocol's numbering rules (per
// device lastMid, duplicates answered with their earlier result, a gap refused with 409, mids
// that do not follow each other inside a batch refused with 400), as a fetch handler, so that the
// renderer's sync can be driven through its real HTTP client.
import type { Mutation, MutationResult } from '../../../../domain/sync/protocol';
import { json } from './fake-hq';
import type { RecordedRequest } from './fake-hq';

export interface FakeSyncServer {
  lastMid: Map<string, number>;
  /** Answers by `${deviceId}:${mid}`. */
  results: Map<string, MutationResult>;
  applied: Mutation[];
  blobs: Set<string>;
  /** Decides each fresh mutation's result; the default applies everything. */
  decide: (mutation: Mutation) => Omit<MutationResult, 'mid'>;
  /** Applies a push but throws instead of answering (a dropped response). */
  dropNextAnswer: boolean;
  /** An administrator ordered the device wiped: answers say so (wipe: true). */
  wipeOrdered: boolean;
  /** Devices that acknowledged their wipe (POST /sync/wipe-done). */
  wiped: string[];
  /** The `unsent` each push and pull reported, in order. */
  unsentReports: (number | undefined)[];
  handle(request: RecordedRequest, body?: Blob): Response | Promise<Response>;
}

export function fakeSyncServer(): FakeSyncServer {
  const results = new Map<string, MutationResult>();
  let version = 100;
  const server: FakeSyncServer = {
    lastMid: new Map(),
    results,
    applied: [],
    blobs: new Set(),
    decide: () => ({ status: 'applied', version: ++version }),
    dropNextAnswer: false,
    wipeOrdered: false,
    wiped: [],
    unsentReports: [],
    handle({ method, url, body }) {
      const wipe = server.wipeOrdered ? { wipe: true } : {};
      if (method === 'POST' && url.pathname.endsWith('/sync/wipe-done')) {
        if (!server.wipeOrdered) return json(409, { error: 'no_wipe_ordered', message: 'none' });
        server.wiped.push((body as { deviceId: string }).deviceId);
        return new Response(null, { status: 204 });
      }
      if (method === 'POST' && url.pathname.endsWith('/sync/push')) {
        server.unsentReports.push((body as { unsent?: number }).unsent);
      }
      if (method === 'GET' && url.pathname.endsWith('/sync/pull')) {
        const unsent = url.searchParams.get('unsent');
        server.unsentReports.push(unsent === null ? undefined : Number(unsent));
      }
      if (method === 'POST' && url.pathname.endsWith('/sync/push')) {
        const { deviceId, mutations } = body as { deviceId: string; mutations: Mutation[] };
        if (mutations.some((m, i) => i > 0 && m.mid !== mutations[i - 1]!.mid + 1)) {
          return json(400, { error: 'invalid_batch', message: 'mids must follow each other' });
        }
        const last = server.lastMid.get(deviceId) ?? 0;
        const fresh = mutations.filter((m) => m.mid > last);
        if (fresh[0] && fresh[0].mid !== last + 1) {
          return json(409, { error: 'mid_gap', message: 'gap', lastMid: last });
        }
        const answers = mutations.map((m): MutationResult => {
          const key = `${deviceId}:${m.mid}`;
          const earlier = results.get(key);
          if (earlier) return { ...earlier, status: 'duplicate' };
          const result = { mid: m.mid, ...server.decide(m) };
          results.set(key, result);
          if (result.status !== 'rejected') server.applied.push(m);
          return result;
        });
        server.lastMid.set(deviceId, Math.max(last, fresh.at(-1)?.mid ?? 0));
        if (server.dropNextAnswer) {
          server.dropNextAnswer = false;
          throw new TypeError('Failed to fetch');
        }
        return json(200, { results: answers, lastMid: server.lastMid.get(deviceId), ...wipe });
      }
      if (method === 'POST' && url.pathname.endsWith('/blobs/missing')) {
        const { hashes } = body as { hashes: string[] };
        return json(200, { missing: hashes.filter((h) => !server.blobs.has(h)) });
      }
      if (method === 'PUT' && url.pathname.includes('/blobs/')) {
        server.blobs.add(url.pathname.split('/').at(-1)!);
        return new Response(null, { status: 201 });
      }
      if (method === 'GET' && url.pathname.endsWith('/sync/pull')) {
        return json(200, { changes: [], cursor: 'c', hasMore: false, ...wipe });
      }
      return json(404, { error: 'not_found', message: 'no such route' });
    },
  };
  return server;
}
