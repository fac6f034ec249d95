import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlanCompletionSection } from '../../../../../renderer/src/features/dashboard/PlanCompletionSection';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { SAFETY, TODAY, seedTasks, supervisorSession } from '../tasks/task-screen-fixtures';

let profile: Profile;
withTestProfile((p) => (profile = p), supervisorSession);

describe('PlanCompletionSection', () => {
  it('says when there are no plan tasks this year', async () => {
    renderSignedIn(<PlanCompletionSection today={TODAY} />, profile);
    expect(await screen.findByText('No plan tasks for this year on this device.')).toBeDefined();
  });

  it('gives the tasks done of those due, by month and agency', async () => {
    await seedTasks(profile);
    renderSignedIn(<PlanCompletionSection today={TODAY} />, profile);
    expect(await screen.findByText('Plan completion by agency and month, 2026')).toBeDefined();
    expect((await screen.findByTestId(`plan-completion-2026-03-${SAFETY}`)).textContent).toBe(
      '0 / 1 (0%)',
    );
    expect(screen.getByTestId(`plan-completion-2026-06-${SAFETY}`).textContent).toBe(
      '1 / 1 (100%)',
    );
    expect(screen.getByTestId('plan-completion-2026-04-all').textContent).toBe('0 / 1 (0%)');
  });
});
