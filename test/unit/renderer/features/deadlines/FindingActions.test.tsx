import { cleanup, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { requestExtension } from '../../../../../domain/rules/extension';
import type { Inspection } from '../../../../../domain/schemas/inspection';
import type { User } from '../../../../../domain/schemas/user';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { FindingActions } from '../../../../../renderer/src/features/deadlines/FindingActions';
import {
  makeFinding,
  makeInspection,
  makeSession,
  makeUser,
  newId,
} from '../../../../support/record-fixtures';
import { openTestProfile, renderSignedIn } from '../../support/render';

const SAFETY = '0197a000-0000-7000-8000-0000000000a1';
const OTHER = '0197a000-0000-7000-8000-0000000000a2';
const supervisor = makeUser({ role: 'supervisor', agencyId: SAFETY, certificateNo: null });
const found = makeInspection({ agencyIds: [SAFETY] });
const asked = requestExtension(
  makeFinding({ inspectionId: found.id, deadline: '2099-01-01' }),
  { requestedOn: '2026-11-28', reason: 'Motor delivered late', requestedDeadline: '2099-06-30' },
  { userId: newId(), at: '2026-11-29T02:00:00.000Z', today: '2026-11-29' },
  newId(),
);

const opened: Profile[] = [];
afterEach(async () => {
  cleanup();
  for (const profile of opened.splice(0)) {
    profile.db.close();
    await profile.db.delete();
  }
});

function render(user: User, inspection: Inspection | null = found, finding = asked) {
  const profile = openTestProfile(makeSession({ user }));
  opened.push(profile);
  return renderSignedIn(
    <MemoryRouter>
      <FindingActions finding={finding} inspection={inspection} />
    </MemoryRouter>,
    profile,
  );
}

const decide = () => screen.queryByRole('button', { name: 'Decide request for more time' });

describe('FindingActions', { timeout: 90_000 }, () => {
  it('offers the decision to a supervisor of the agency who did not take part', () => {
    render(supervisor);
    expect(decide()).toBeTruthy();
    // The request waits: no second one.
    expect(screen.queryByRole('button', { name: 'Record request for more time' })).toBeNull();
  });

  it('not to a supervisor of another agency, one who took part, or an administrator', () => {
    const { unmount } = render({ ...supervisor, agencyId: OTHER });
    expect(decide()).toBeNull();
    unmount();
    const { unmount: again } = render(supervisor, { ...found, coInspectorIds: [supervisor.id] });
    expect(decide()).toBeNull();
    again();
    render({ ...supervisor, role: 'admin' });
    expect(decide()).toBeNull();
  });

  it('not when the inspection that found the hazard is not on this device', () => {
    render(supervisor, null);
    expect(decide()).toBeNull();
  });
});
