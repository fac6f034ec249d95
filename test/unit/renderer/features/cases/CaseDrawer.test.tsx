import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RegisteredDocument } from '../../../../../domain/schemas/document';
import type { PenaltyCase } from '../../../../../domain/schemas/penalty-case';
import { CaseDrawer } from '../../../../../renderer/src/features/cases/CaseDrawer';
import type { CaseNames } from '../../../../../renderer/src/features/cases/useCaseNames';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { UiLanguage } from '../../../../../renderer/src/i18n/resolve-language';
import { makeFinding, makeInspection, newId } from '../../../../support/record-fixtures';
import { json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { makePenaltyCase } from '../../support/penalty-case';
import { renderOnline, withTestProfile } from '../../support/render';

const ENTERPRISE = '0197a000-0000-7000-8000-0000000000c1';
const LEAD = '0197a000-0000-7000-8000-0000000000e5';
const PHOTO = { sha256: 'ab'.repeat(32), mime: 'image/jpeg' as const, size: 9 };

const CASE = makePenaltyCase({
  version: 4,
  enterpriseId: ENTERPRISE,
  status: 'open',
  number: '上虞应急立〔2026〕第0001号',
  openedBy: LEAD,
  openedAt: '2026-12-10T01:00:00.000Z',
  approval: { approved: true, by: LEAD, at: '2026-12-10T02:00:00.000Z', comment: '' },
  steps: [],
  evidence: [],
  documents: [],
  amendments: [],
});

const names: CaseNames = {
  enterprise: () => '上虞化工',
  user: (id) => (id === LEAD ? 'Li Ming' : id),
  loaded: true,
};

function documentOf(inspectionId: string, enterpriseId: string, number: string) {
  return {
    id: newId(),
    version: 1,
    updatedAt: '2026-11-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: LEAD,
    kind: 'record',
    inspectionId,
    enterpriseId,
    agencyId: '0197a000-0000-7000-8000-0000000000a1',
    year: 2026,
    sequence: 7,
    number,
    issuedOn: '2026-11-01',
    officerIds: [LEAD],
  } satisfies RegisteredDocument;
}

describe('a case’s evidence in its drawer', { timeout: 30_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));

  /** The enterprise's inspection, hazard (with a photo) and record; another enterprise's hazard. */
  async function seed() {
    const { db } = profile;
    const inspection = makeInspection({
      enterpriseId: ENTERPRISE,
      leadInspectorId: LEAD,
      startedAt: '2026-11-01T09:00:00.000+08:00',
    });
    const finding = makeFinding({
      enterpriseId: ENTERPRISE,
      inspectionId: inspection.id,
      title: '储罐区未设可燃气体报警器',
      photos: [PHOTO],
    });
    const elsewhere = makeFinding({ title: '别家企业的隐患' });
    // A draft is no record yet: it and its hazards are not offered.
    const draft = makeInspection({
      enterpriseId: ENTERPRISE,
      status: 'draft',
      startedAt: '2026-11-20T09:00:00.000+08:00',
    });
    const drafted = makeFinding({
      enterpriseId: ENTERPRISE,
      inspectionId: draft.id,
      title: '草稿中的隐患',
    });
    const record = documentOf(inspection.id, ENTERPRISE, '上虞应急检记〔2026〕第0007号');
    await db.inspections.bulkPut([inspection, draft]);
    await db.findings.bulkPut([finding, elsewhere, drafted]);
    await db.documents.put(record);
    return { inspection, finding, record };
  }

  function show(theCase: PenaltyCase, handler: (r: RecordedRequest) => Response, lang: UiLanguage) {
    return renderOnline(
      <MemoryRouter>
        <CaseDrawer
          theCase={theCase}
          names={names}
          onClose={() => undefined}
          onChanged={() => undefined}
        />
      </MemoryRouter>,
      profile,
      handler,
      lang,
    );
  }

  const investigating = (me: string, evidence: PenaltyCase['evidence']) =>
    ({
      ...CASE,
      handlers: [me],
      steps: [
        {
          stage: 'investigation',
          startedAt: '2026-12-10T02:00:00.000Z',
          startedBy: me,
          dueOn: '2027-03-10',
          completedAt: null,
          completedBy: null,
          note: '',
        },
      ],
      evidence,
    }) satisfies PenaltyCase;

  it('names linked evidence, marks it in the picker, and links a record picked by search and keyboard', async () => {
    const { finding, record } = await seed();
    const me = profile.session.user.id;
    const linkedAt = { addedBy: me, addedAt: '2026-12-10T03:00:00.000Z' };
    const theCase = investigating(me, [
      { ref: { kind: 'finding', id: finding.id }, ...linkedAt },
      { ref: { kind: 'photo', sha256: PHOTO.sha256 }, ...linkedAt },
      { ref: { kind: 'inspection', id: '0197a000-0000-7000-8000-0000000000ff' }, ...linkedAt },
    ]);
    const requests = show(theCase, () => json(200, theCase), 'en');
    // Linked evidence by its name, not its id; the photo by its thumbnail; the unknown one says so.
    expect((await screen.findAllByText(/^储罐区未设可燃气体报警器/)).length).toBe(2);
    expect(screen.getAllByRole('img', { name: /储罐区未设可燃气体报警器/ }).length).toBe(1);
    expect(screen.getByText(/not on this device \(id 0197a000-000…\)/)).toBeTruthy();
    expect(screen.queryByText(finding.id)).toBeNull();
    expect(screen.getByText('Due by 2027-03-10', { exact: false })).toBeTruthy();

    const picker = screen.getByRole('combobox', { name: /Choose evidence/ });
    await userEvent.click(picker);
    const options = await screen.findAllByRole('option');
    expect(options.length).toBeGreaterThan(0);
    // Already linked: shown, marked and not offered again.
    const linkedOption = document.querySelector(
      '.ant-select-item-option-disabled',
    ) as HTMLElement | null;
    expect(linkedOption?.textContent).toContain('Linked');
    expect(screen.queryByText('别家企业的隐患')).toBeNull();
    expect(screen.queryByText('草稿中的隐患')).toBeNull();
    expect(screen.queryByText('Inspection of 2026-11-20')).toBeNull();
    expect(screen.getByText('Inspection of 2026-11-01')).toBeTruthy();

    await userEvent.type(picker, '0007');
    const shown = document.querySelectorAll('.ant-select-item-option');
    expect([...shown].map((o) => o.textContent)).toEqual([
      expect.stringContaining('上虞应急检记〔2026〕第0007号'),
    ]);
    // The select reads the key's code (`which`), which jsdom's keyboard events leave at 0.
    fireEvent.keyDown(picker, { key: 'Enter', which: 13, keyCode: 13 });
    fireEvent.keyUp(picker, { key: 'Enter', which: 13, keyCode: 13 });
    await userEvent.click(screen.getByRole('button', { name: 'Link evidence' }));
    await screen.findByText('Saved');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/v1/cases/${theCase.id}/evidence`);
    expect(post?.body).toEqual({ version: 4, evidence: { kind: 'document', id: record.id } });
  });

  it('says when the device holds nothing of the enterprise, in Chinese', async () => {
    const me = profile.session.user.id;
    show(investigating(me, []), () => json(200, {}), 'zh-CN');
    expect(await screen.findByText('暂无关联证据')).toBeTruthy();
    await userEvent.click(screen.getByRole('combobox', { name: /选择证据/ }));
    expect(await screen.findByText('本机尚无该企业的记录：请先同步，再选择')).toBeTruthy();
    expect(within(document.body).queryAllByRole('option')).toEqual([]);
    expect(screen.getByRole('button', { name: '关联证据' }).hasAttribute('disabled')).toBe(true);
  });
});
