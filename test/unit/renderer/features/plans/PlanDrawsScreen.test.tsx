// The draws screen against a stand-in server: a draw whose answer is lost is sent again with the
// same idempotency key (so the server answers with the draw it made, never a second one), and a
// stored draw is verified with the problems named.
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PlanDrawsScreen } from '../../../../../renderer/src/features/plans/PlanDrawsScreen';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeSession, makeUser } from '../../../../support/record-fixtures';
import { drawInput, makeDrawRecord } from '../../../domain/rules/draw-fixtures';
import { json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';

const input = drawInput();
const plan = input.plan;
const drawn = makeDrawRecord(input);

function renderWith(profile: Profile, handler: (r: RecordedRequest) => Response) {
  return renderOnline(
    <MemoryRouter initialEntries={[`/plans/${plan.id}/draws`]}>
      <Routes>
        <Route path="/plans/:id/draws" element={<PlanDrawsScreen />} />
      </Routes>
    </MemoryRouter>,
    profile,
    handler,
    'en',
  );
}

describe('the draws screen, for a supervisor', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile(
    (opened) => (profile = opened),
    () =>
      makeSession({
        user: makeUser({ role: 'supervisor', agencyId: plan.agencyId, displayName: 'Sun Liqun' }),
      }),
  );

  it('sends a draw again after a lost answer with the same idempotency key', async () => {
    let posts = 0;
    let draws: unknown[] = [];
    const requests = renderWith(profile, ({ method, url }) => {
      if (method === 'POST') {
        posts += 1;
        if (posts === 1) throw new TypeError('Failed to fetch');
        draws = [drawn];
        return json(200, { draw: drawn, tasks: [], replayed: true });
      }
      if (url.pathname.endsWith('/draws')) return json(200, { draws });
      return json(200, { plans: [plan] });
    });
    const q1 = (await screen.findByText(/^Quarter 1/)).closest<HTMLElement>('.ant-card');
    if (!q1) throw new Error('Q1 is a card');
    await userEvent.click(within(q1).getByRole('button', { name: 'Run the draw' }));
    fireEvent.change(await screen.findByLabelText('Seed'), {
      target: { value: '2027001: 3 8 5' },
    });
    fireEvent.change(screen.getByLabelText('Source and issue'), {
      target: { value: '福彩3D 2027001期' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Draw' }));
    expect(await screen.findByText(/The answer did not arrive/)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: /Send again/ }));
    expect(await screen.findByText(/nothing was drawn twice/)).toBeTruthy();
    const sent = requests.filter((r) => r.method === 'POST').map((r) => r.body);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0]).toMatchObject({
      periodKey: 'Q1',
      seed: { source: 'public', value: '2027001: 3 8 5', description: '福彩3D 2027001期' },
      jointPartnerAgencyId: null,
      redraw: null,
    });
  });

  it('verifies a stored draw and names what does not match', async () => {
    renderWith(profile, ({ url }) => {
      if (url.pathname.endsWith('/verify')) {
        return json(200, { matches: false, problems: ['inputHash.officers', 'result.differs'] });
      }
      if (url.pathname.endsWith('/draws')) return json(200, { draws: [drawn] });
      return json(200, { plans: [plan] });
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Open' }));
    // The period by its name, as the period's card calls it, not by its key.
    const drawer = await screen.findByRole('dialog', { name: /^Draw of Quarter 1, / });
    expect(within(drawer).getByText(/^Quarter 1 \(\d{4}-\d{2}-\d{2} – /)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The draw does not match its record:')).toBeTruthy();
    expect(
      screen.getByText('The hash of the officer list differs from the one recorded.'),
    ).toBeTruthy();
    expect(screen.getByText('Re-running the draw gives another result.')).toBeTruthy();
  });
});
