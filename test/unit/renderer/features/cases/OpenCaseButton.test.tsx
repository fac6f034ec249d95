import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../../domain/schemas/finding';
import { OpenCaseButton } from '../../../../../renderer/src/features/cases/OpenCaseButton';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { createApiClient } from '../../../../../renderer/src/sync/api-client';
import { makeFinding } from '../../../../support/record-fixtures';
import { fakeFetch, json } from '../../support/fake-hq';
import { renderSignedIn, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

function renderFor(finding: Finding) {
  const hq = fakeFetch(() => json(422, { error: 'case_origin_not_eligible', message: 'no' }));
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 't'.repeat(40),
    fetch: hq.fetch,
  });
  renderSignedIn(<OpenCaseButton finding={finding} />, { ...profile, client }, 'en');
  return hq.requests;
}

describe('opening a penalty case from a hazard', { timeout: 30_000 }, () => {
  it('is offered for a major hazard past its deadline, and asks the server, which may refuse', async () => {
    const finding = makeFinding({ grade: 'major', deadline: '2020-01-31', status: 'open' });
    const requests = renderFor(finding);
    await userEvent.click(screen.getByRole('button', { name: 'Open penalty case' }));
    await screen.findByRole('dialog');
    const buttons = screen.getAllByRole('button', { name: 'Open penalty case' });
    await userEvent.click(buttons.at(-1) as HTMLElement);
    expect(await screen.findByText(/This record cannot open a case/)).toBeTruthy();
    expect(requests.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
      [
        'POST',
        '/api/v1/cases',
        {
          origin: { kind: 'overdueMajorHazard', recordId: finding.id },
          summary: `Major hazard past its deadline：${finding.title}`,
        },
      ],
    ]);
  });

  it('is not offered for a general hazard', () => {
    renderFor(makeFinding({ grade: 'general', deadline: '2020-01-31', status: 'open' }));
    expect(screen.queryByRole('button', { name: 'Open penalty case' })).toBeNull();
  });

  it('is not offered for a closed major hazard', () => {
    renderFor(makeFinding({ grade: 'major', deadline: '2020-01-31', status: 'closed' }));
    expect(screen.queryByRole('button', { name: 'Open penalty case' })).toBeNull();
  });
});
