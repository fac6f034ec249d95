import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RegisterEntry } from '../../../../../domain/sync/register-api';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { RegisterScreen } from '../../../../../renderer/src/features/register/RegisterScreen';
import { json, unreachable } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const entry = (n: number, kind: RegisterEntry['kind']): RegisterEntry => ({
  documentId: `0197a000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`,
  number: `上虞应急${kind === 'record' ? '检记' : '责改'}〔2026〕第000${n}号`,
  kind,
  agencyId: '0197a000-0000-7000-8000-0000000000a1',
  agencyName: '上虞区应急管理局',
  year: 2026,
  sequence: n,
  issuedOn: '2026-11-29',
  inspectionId: '0197a000-0000-7000-8000-0000000000b1',
  enterpriseId: '0197a000-0000-7000-8000-0000000000c1',
  enterpriseName: '上虞精细化工有限公司',
  officers: [{ id: '0197a000-0000-7000-8000-0000000000e1', name: '李明' }],
  registeredAt: '2026-11-29T01:00:00.000Z',
});

/** The screen with a client whose server answers `handler`. */
function renderWith(handler: (r: RecordedRequest) => Response, language: 'en' | 'zh-CN' = 'en') {
  return renderOnline(<RegisterScreen />, profile, handler, language);
}

describe('the register screen', { timeout: 30_000 }, () => {
  it('lists the numbers the server finds, and sends the search asked', async () => {
    const requests = renderWith(({ url }) =>
      url.searchParams.get('kind') === 'order'
        ? json(200, { entries: [entry(1, 'order')], total: 1 })
        : json(200, { entries: [entry(2, 'record'), entry(1, 'record')], total: 2 }),
    );
    const table = await screen.findByRole('table');
    expect(within(table).getByText('上虞应急检记〔2026〕第0002号')).toBeTruthy();
    expect(within(table).getAllByText('On-site inspection record')).toHaveLength(2);
    expect(screen.getByText('2 documents')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: 'Document' }));
    await userEvent.click(await screen.findByTitle('Rectification order'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Enterprise' }), '精细');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('上虞应急责改〔2026〕第0001号')).toBeTruthy();
    const last = requests.at(-1)?.url;
    expect(last?.pathname).toBe('/api/v1/register');
    expect(Object.fromEntries(last?.searchParams ?? [])).toEqual({
      kind: 'order',
      enterprise: '精细',
      limit: '50',
      offset: '0',
    });
  });

  it('says so when nothing matches, in Chinese too', async () => {
    renderWith(() => json(200, { entries: [], total: 0 }), 'zh-CN');
    expect(await screen.findByText('没有符合条件的文书编号。')).toBeTruthy();
  });

  it('says the register needs the server when it cannot be reached', async () => {
    renderWith(unreachable);
    expect(await screen.findByText(/The register is kept on the server/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
