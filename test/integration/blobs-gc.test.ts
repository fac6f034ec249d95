// Collecting unused blobs: a blob no record ever referred to, that nobody uploaded during the
// grace period, goes (row, uploads, file); one a record refers to, or once referred to, stays,
// and so does a young one. By the app's clock, from the periodic job and from the admin tool.
import { describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../server/src/admin/commands';
import { collectUnusedBlobs, startBlobCollector } from '../../server/src/blobs/blob-gc';
import {
  blobStoreCases,
  inFileStore,
  jpeg,
  missingFor,
  photoRef,
  putBlob,
  sha,
} from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { push, pushNewFinding, signIn, upsert, withSignedInApp } from '../support/push-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const GRACE = 7 * DAY;
const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);

describe.each(blobStoreCases)(
  'collecting unused blobs on $kind (in files: $files)',
  ({ kind, files }) => {
    let t: DemoApp;
    let li: Device;
    withSignedInApp(kind, 'inspector.li', { blobsInFiles: files }, (app, d) => {
      t = app;
      li = d;
    });

    const present = async (bytes: Buffer) => {
      const [row] = await t.db.query<{ blobs: number; uploads: number }>(
        `SELECT (SELECT count(*)::int FROM blobs WHERE sha256 = $1) AS blobs,
              (SELECT count(*)::int FROM blob_uploads WHERE sha256 = $1) AS uploads`,
        [sha(bytes)],
      );
      const inFiles = t.blobDir ? inFileStore(t.blobDir, sha(bytes)) : null;
      return row?.blobs === 1 && row.uploads > 0 && inFiles !== false
        ? 'kept'
        : row?.blobs === 0 && row.uploads === 0 && !inFiles
          ? 'gone'
          : `half: ${JSON.stringify({ ...row, inFiles })}`;
    };
    const collect = (now: Date) => collectUnusedBlobs(t.db, t.blobs, { now, graceMs: GRACE });

    it('removes what no record ever referred to after the grace period, and keeps the rest', async () => {
      const chen = await signIn(t.app, t.district, 'inspector.chen');
      const [unused, referenced, dropped, young, again] = [
        'unused',
        'referenced',
        'dropped',
        'young',
        'uploaded again',
      ].map((n) => jpeg(`gc ${n}`));
      if (!unused || !referenced || !dropped || !young || !again) throw new Error('no photos');
      t.setNow(TEST_NOW);
      for (const bytes of [unused, referenced, dropped, again]) {
        expect((await putBlob(t.app, li.token, bytes)).statusCode).toBe(201);
      }
      // One photo stays on a hazard; another was on it and was taken off (the history names it).
      const { finding, findingVersion } = await pushNewFinding(t.app, t.district, li, {
        photos: [photoRef(referenced), photoRef(dropped)],
      });
      const edited = await push(t.app, li, [
        upsert('finding', { ...finding, version: findingVersion, photos: [photoRef(referenced)] }),
      ]);
      expect(edited.results.map((r) => r.status)).toEqual(['applied']);
      t.setNow(at(3));
      expect((await putBlob(t.app, li.token, young)).statusCode).toBe(201);
      // Another user uploads the same bytes later: the grace period runs from the latest upload.
      t.setNow(at(5));
      expect((await putBlob(t.app, chen.token, again)).statusCode).toBe(201);

      expect(await collect(at(7 - 1 / 24))).toEqual({ blobs: 0, bytes: 0 });
      for (const bytes of [unused, referenced, dropped, young, again]) {
        expect(await present(bytes)).toBe('kept');
      }

      expect(await collect(at(8))).toEqual({ blobs: 1, bytes: unused.length });
      expect(await present(unused)).toBe('gone');
      for (const bytes of [referenced, dropped, young, again]) {
        expect(await present(bytes)).toBe('kept');
      }
      t.setNow(at(8));
      expect((await getAs(t.app, `/api/v1/blobs/${sha(unused)}`, li.token)).statusCode).toBe(404);
      expect(await missingFor(t.app, li.token, [sha(unused)])).toEqual([sha(unused)]);
      // Uploaded again, it is back.
      expect((await putBlob(t.app, li.token, unused)).statusCode).toBe(201);
      expect(await present(unused)).toBe('kept');

      // The admin tool, later: the young upload and the one uploaded again go too.
      const out: string[] = [];
      const code = await runAdminCommand(
        { command: 'collect-blobs', values: {} },
        { out: (l) => out.push(l), err: (l) => out.push(l), env: {} },
        { db: t.db, clock: () => at(13), blobs: t.blobs, unusedBlobGraceMs: GRACE },
      );
      expect(code).toBe(0);
      expect(out.join('\n')).toMatch(/^Removed 2 photos and signatures/);
      for (const bytes of [young, again]) expect(await present(bytes)).toBe('gone');
      for (const bytes of [unused, referenced, dropped]) expect(await present(bytes)).toBe('kept');
    });

    it('keeps the file of bytes uploaded again between the removal of their row and of the file', async () => {
      // As when an upload comes in after the collection committed, before it removed the files.
      const bytes = jpeg('gc uploaded again meanwhile');
      t.setNow(TEST_NOW);
      expect((await putBlob(t.app, li.token, bytes)).statusCode).toBe(201);
      await t.blobs.removeBytes(t.db, [sha(bytes)]);
      expect(await present(bytes)).toBe('kept');
      const got = await getAs(t.app, `/api/v1/blobs/${sha(bytes)}`, li.token);
      expect(Buffer.compare(got.rawPayload, bytes)).toBe(0);
    });

    it('runs by itself in the server process', async () => {
      const bytes = jpeg('gc periodic');
      t.setNow(TEST_NOW);
      expect((await putBlob(t.app, li.token, bytes)).statusCode).toBe(201);
      const reports: string[] = [];
      const collector = startBlobCollector({
        db: t.db,
        store: t.blobs,
        clock: () => at(30),
        graceMs: GRACE,
        everyMs: 20,
        report: (message) => reports.push(message),
      });
      try {
        await expect.poll(() => present(bytes), { timeout: 10_000 }).toBe('gone');
        await expect.poll(() => reports.length).toBeGreaterThan(0);
        expect(reports[0]).toMatch(/^Removed \d+ unused photos and signatures/);
      } finally {
        await collector.stop();
      }
    });
  },
);
