import { fireEvent, screen, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { InspectionClosingSection } from '../../../../../renderer/src/features/submission/InspectionClosingSection';
import { liMingSession } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';
import { seedClosing } from './closing-fixtures';

const SLOW = { timeout: 20_000 };

let profile: Profile;
withTestProfile((opened) => (profile = opened), liMingSession);
withRecordedObjectUrls();

describe('the amendments of a submitted inspection', { timeout: 60_000 }, () => {
  it('lists a hazard correction and opens a blank hazard form to add one by amendment', async () => {
    const { db } = profile;
    const { inspection, finding } = await seedClosing(db, profile.session.user.id);
    await db.inspections.put({
      ...inspection,
      status: 'submitted',
      finishedAt: '2026-11-20T11:00:00.000+08:00',
      amendments: [
        {
          at: '2026-11-21T10:00:00.000+08:00',
          by: profile.session.user.id,
          reason: 'Graded wrongly on site',
          findingId: finding.id,
          findingTitle: finding.title,
          changes: [{ field: 'grade', before: 'general', after: 'major' }],
        },
      ],
    });
    renderSignedIn(
      <MemoryRouter>
        <ConfigProvider theme={{ token: { motion: false } }}>
          <InspectionClosingSection inspectionId={inspection.id} />
        </ConfigProvider>
      </MemoryRouter>,
      profile,
    );
    expect(await screen.findByText('Grade: General → Major', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Hazard “Gas alarm missing in store 2” corrected')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add a hazard by amendment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hazard' }, SLOW);
    const reason = await within(dialog).findByLabelText(
      'Reason for the amendment (required)',
      {},
      SLOW,
    );
    expect(reason).toBeTruthy();
    expect((within(dialog).getByLabelText('Title') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(dialog).getByText('Save amendment').closest('button')!);
    expect(
      await within(dialog).findByText('Give a reason for the amendment', {}, SLOW),
    ).toBeTruthy();
    expect(within(dialog).getByText('Title is required')).toBeTruthy();
    expect(await db.findings.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
