import { fireEvent, screen, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { InspectionList } from '../../../../../renderer/src/features/inspections/InspectionList';
import { InspectionClosingSection } from '../../../../../renderer/src/features/submission/InspectionClosingSection';
import { ReturnedNotice } from '../../../../../renderer/src/features/submission/ReturnedNotice';
import { useInspectionClosing } from '../../../../../renderer/src/features/submission/useInspectionClosing';
import { liMingSession, makeInspection, makeUser } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';
import { seedClosing } from './closing-fixtures';

const SLOW = { timeout: 10_000 };
const supervisor = makeUser({
  role: 'supervisor',
  username: 'supervisor.zhou',
  displayName: 'Zhou Jie',
});
const returnedReview = {
  status: 'returned' as const,
  comment: 'Name the plant manager correctly',
  reviewerId: supervisor.id,
  reviewedAt: '2026-11-21T09:00:00.000+08:00',
};

let profile: Profile;
withTestProfile((opened) => (profile = opened), liMingSession);
withRecordedObjectUrls();

/** The inspection page's notice above its closing section, as the inspection page shows them. */
function InspectionPage({ id }: { id: string }) {
  const closing = useInspectionClosing(id);
  if (!closing) return null;
  return (
    <>
      <ReturnedNotice inspection={closing.inspection} />
      <InspectionClosingSection inspectionId={id} />
    </>
  );
}

const render = (ui: React.ReactElement) =>
  renderSignedIn(
    <MemoryRouter>
      <ConfigProvider theme={{ token: { motion: false } }}>{ui}</ConfigProvider>
    </MemoryRouter>,
    profile,
  );

describe("the inspector's answer to a returned inspection", { timeout: 60_000 }, () => {
  it('shows the comment and reviewer; an amendment with a reason resubmits it', async () => {
    const { db } = profile;
    const { inspection } = await seedClosing(db, profile.session.user.id);
    await db.users.put(supervisor);
    await db.inspections.put({
      ...inspection,
      version: 4,
      status: 'submitted',
      finishedAt: '2026-11-20T11:00:00.000+08:00',
      enterpriseRep: { name: 'Zhou Qiang', title: 'Safety manager' },
      refusedToSign: { reason: 'Disputes item 2' },
      review: returnedReview,
    });
    render(<InspectionPage id={inspection.id} />);

    const notice = (await screen.findByText(/^Returned for correction by/, {}, SLOW)).closest(
      '.ant-alert',
    )!;
    expect(notice.textContent).toContain('Returned for correction by Zhou Jie');
    expect(notice.textContent).toContain("Supervisor's comment: Name the plant manager correctly");

    fireEvent.click(await screen.findByRole('button', { name: 'Amend' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Amend the submitted inspection' });
    fireEvent.change(within(dialog).getByLabelText('Title'), {
      target: { value: 'Plant manager' },
    });
    fireEvent.change(within(dialog).getByLabelText('Reason for the amendment (required)'), {
      target: { value: 'Corrected as the supervisor asked' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save amendment' }));

    expect(await screen.findByText('Resubmitted for review', {}, SLOW)).toBeTruthy();
    expect(screen.queryByText(/Returned for correction/)).toBeNull();
    const stored = await db.inspections.get(inspection.id);
    // Back in the queue: pending, with the return's comment, reviewer and time kept.
    expect(stored?.review).toEqual({ ...returnedReview, status: 'pending' });
    expect(stored?.enterpriseRep?.title).toBe('Plant manager');
    const queued = await db.outbox.orderBy('seq').last();
    expect(queued).toMatchObject({ id: inspection.id, baseVersion: 4 });
    expect(queued?.data).toMatchObject({
      review: { status: 'pending', comment: returnedReview.comment },
      amendments: [expect.objectContaining({ reason: 'Corrected as the supervisor asked' })],
    });
  });

  it('filters the inspection list to the returned ones', async () => {
    const { db } = profile;
    await db.inspections.bulkPut([
      makeInspection({ review: returnedReview }),
      makeInspection(),
      makeInspection({ status: 'draft' }),
    ]);
    render(<InspectionList />);
    const returnedOption = await screen.findByText('Returned (1)', {}, SLOW);
    const rows = () =>
      screen.getAllByRole('row').filter((r) => r.classList.contains('ant-table-row'));
    expect(rows()).toHaveLength(3);
    fireEvent.click(returnedOption);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain(returnedReview.comment);
    expect(within(rows()[0]!).getByRole('link', { name: /^Open the inspection of/ })).toBeTruthy();
  });
});
