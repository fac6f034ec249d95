import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../../../../renderer/src/session/profile';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { sha256Hex } from '../../../../../renderer/src/shared/sha256';
import { ReviewDetail } from '../../../../../renderer/src/features/review/ReviewDetail';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { fakeFetch, json } from '../../support/fake-hq';
import { renderSignedIn } from '../../support/render';
import { recordObjectUrls } from '../photos/render-with-photo-strings';
import { PNG_MAGIC, pngBlob, seedClosing } from '../submission/closing-fixtures';
import { isUploaded, markUploaded } from '../../../../../renderer/src/db/repositories/blobs';

const SLOW = { timeout: 10_000 };
const hash = (n: number) => String(n).repeat(64).slice(0, 64);
/** Photo bytes the server holds, by hash. */
const onServer = new Map<string, Uint8Array<ArrayBuffer>>();

let profile: Profile;
let objectUrls: ReturnType<typeof recordObjectUrls>;
const supervisor = makeUser({
  role: 'supervisor',
  username: 'supervisor.zhou',
  displayName: 'Zhou Jie',
});

beforeEach(() => {
  onServer.clear();
  const server = fakeFetch(({ method, url }) => {
    const bytes = onServer.get(url.pathname.split('/').at(-1) ?? '');
    if (method === 'GET' && url.pathname.includes('/blobs/') && bytes) {
      return new Response(bytes, { status: 200, headers: { 'content-type': 'image/jpeg' } });
    }
    return json(404, { error: 'not_found', message: 'No such blob.' });
  });
  profile = openProfile(makeSession({ user: supervisor }), {
    onUnauthorized: () => undefined,
    fetch: server.fetch,
  });
  profile.engine.stop();
  objectUrls = recordObjectUrls();
});
afterEach(async () => {
  cleanup();
  objectUrls.restore();
  profile.db.close();
  await profile.db.delete();
});

/**
 * A submitted inspection returned once and resubmitted; its hazard has three photos: one on this
 * device, one only on the server, one nowhere to be had.
 */
async function seedReviewed() {
  const { db } = profile;
  const seeded = await seedClosing(db, makeUser().id);
  const { inspection, finding, lead } = seeded;
  await db.users.put(supervisor);
  const here = { sha256: hash(1), mime: 'image/jpeg' as const, size: 9 };
  const serverBytes = new Uint8Array([...PNG_MAGIC, 2]);
  const remote = { sha256: await sha256Hex(serverBytes), mime: 'image/jpeg' as const, size: 9 };
  onServer.set(remote.sha256, serverBytes);
  const lost = { sha256: hash(3), mime: 'image/jpeg' as const, size: 9 };
  await db.blobs.put({ ...here, data: pngBlob(1) });
  await markUploaded(db, [here.sha256]);
  await db.findings.put({ ...finding, grade: 'major', photos: [here, remote, lost] });
  await db.inspections.put({
    ...inspection,
    status: 'submitted',
    finishedAt: '2026-11-20T11:00:00.000+08:00',
    enterpriseRep: { name: 'Chen Gang', title: 'Plant manager' },
    refusedToSign: { reason: 'Disputes the finding' },
    review: {
      status: 'pending',
      comment: 'Add the alarm photo',
      reviewerId: supervisor.id,
      reviewedAt: '2026-11-21T09:00:00.000+08:00',
    },
    amendments: [{ at: '2026-11-22T10:00:00.000+08:00', by: lead.id, reason: 'Photo added' }],
  });
  return { ...seeded, remote };
}

function renderDetail(id: string) {
  return renderSignedIn(
    <MemoryRouter initialEntries={[`/review/${id}`]}>
      <ConfigProvider theme={{ token: { motion: false } }}>
        <Routes>
          <Route path="/review/:id" element={<ReviewDetail />} />
          <Route path="/review" element={<p>Queue screen</p>} />
        </Routes>
      </ConfigProvider>
    </MemoryRouter>,
    profile,
  );
}

describe('ReviewDetail', { timeout: 60_000 }, () => {
  it('shows facts, checklist, hazards with photos, the refusal and the history', async () => {
    const { inspection, remote } = await seedReviewed();
    renderDetail(inspection.id);
    await screen.findByRole('heading', { name: 'Inspection of Shangyu Fine Chemicals' }, SLOW);

    expect(screen.getByText('Li Ming (lead), Wang Fang')).toBeTruthy();
    expect(screen.getByText('30.100000, 120.800000 (accuracy 12 m)')).toBeTruthy();
    // The checklist with its notes, by the items' texts.
    expect(screen.getByText('Gas alarms work')).toBeTruthy();
    expect(screen.getByText('No alarm in store 2')).toBeTruthy();

    // Looked up each time: the section is drawn anew once fetched photos are stored.
    const findingRegion = () =>
      screen.getByRole('region', { name: 'Gas alarm missing in store 2' });
    const hazard = findingRegion();
    expect(within(hazard).getByText('Major')).toBeTruthy();
    expect(within(hazard).getByText('2026-12-15')).toBeTruthy();
    // The photo on this device is shown, the server's one is fetched and shown, and the third
    // says it is not here and why.
    await waitFor(
      () => expect(within(findingRegion()).getByRole('img', { name: 'Photo 1 of 3' })).toBeTruthy(),
      SLOW,
    );
    expect(
      await screen.findByText(
        'Some photos could not be fetched; they are shown once the server can be reached.',
        {},
        SLOW,
      ),
    ).toBeTruthy();
    await waitFor(
      () => expect(within(findingRegion()).getByRole('img', { name: 'Photo 2 of 3' })).toBeTruthy(),
      SLOW,
    );
    expect(
      await within(findingRegion()).findByRole('img', {
        name: 'Photo 3 of 3: Not on this device yet',
      }),
    ).toBeTruthy();
    expect(await isUploaded(profile.db, remote.sha256)).toBe(true);
    await userEvent.setup().click(within(findingRegion()).getAllByRole('button')[0]!);
    const viewer = await screen.findByRole('dialog', { name: 'Photo 1 / 3' });
    expect(await within(viewer).findByRole('img', { name: 'Photo 1 of 3' }, SLOW)).toBeTruthy();

    expect(
      screen.getByText('The representative refused to sign. Reason: Disputes the finding'),
    ).toBeTruthy();
    const history = screen
      .getByText('History')
      .closest('.ant-card')!
      .querySelectorAll('.ant-timeline-item');
    expect(
      [...history].map((item) => item.textContent?.split(/\d{4}|[A-Z][a-z]{2} \d/)[0]),
    ).toEqual([
      'Started by Li Ming',
      'Submitted by Li Ming',
      'Returned by Zhou Jie: Add the alarm photo',
      'Amended by Li Ming: Photo added',
      'Resubmitted for review by Li Ming',
    ]);
  });

  it('returns the inspection from the detail with a comment, then goes back to the queue', async () => {
    const { inspection } = await seedReviewed();
    renderDetail(inspection.id);
    const person = userEvent.setup();
    const returnButton = await screen.findByRole('button', { name: /^Return Shangyu/ }, SLOW);
    await person.click(returnButton);
    const dialog = await screen.findByRole('dialog', { name: 'Return the inspection' });
    await person.click(within(dialog).getByLabelText('Comment for the inspector'));
    await person.paste('Photo is blurred');
    await person.click(within(dialog).getByRole('button', { name: 'Return with comment' }));
    expect(await screen.findByText('Queue screen', {}, SLOW)).toBeTruthy();
    const stored = await profile.db.inspections.get(inspection.id);
    expect(stored?.review).toMatchObject({
      status: 'returned',
      comment: 'Photo is blurred',
      reviewerId: supervisor.id,
    });
    await waitFor(async () => expect(await profile.db.outbox.count()).toBe(1));
  });

  it('offers no decision on a visit the supervisor took part in, nor of another agency', async () => {
    const { inspection: seeded } = await seedReviewed();
    // Waiting for review, as the first test shows it with its decisions.
    const inspection = (await profile.db.inspections.get(seeded.id))!;
    const other = { ...inspection, id: crypto.randomUUID(), coInspectorIds: [supervisor.id] };
    const foreign = { ...inspection, id: crypto.randomUUID(), agencyIds: [crypto.randomUUID()] };
    await profile.db.inspections.bulkPut([other, foreign]);
    for (const shown of [other, foreign]) {
      renderDetail(shown.id);
      await screen.findByRole('heading', { name: 'Inspection of Shangyu Fine Chemicals' }, SLOW);
      expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
      expect(screen.queryByRole('button', { name: /^Return/ })).toBeNull();
      cleanup();
    }
  });
});
