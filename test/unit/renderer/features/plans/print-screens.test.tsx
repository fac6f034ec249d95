// The printable draw record and results list as read from a stand-in server: the record shows
// what anyone needs to re-run and check the draw (seed and source, algorithm, each list's hash,
// the result's hash), the results list each visit's outcome as published.
import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publication } from '../../../../../domain/schemas/publication';
import { DrawRecordPrintScreen } from '../../../../../renderer/src/features/plans/DrawRecordPrintScreen';
import { PublicationPrintScreen } from '../../../../../renderer/src/features/plans/PublicationPrintScreen';
import { printedPeriod } from '../../../../../renderer/src/features/plans/publication-text';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { drawInput, makeDrawRecord } from '../../../domain/rules/draw-fixtures';
import { json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { renderOnline, withTestProfile } from '../../support/render';

const input = drawInput();
const drawn = makeDrawRecord(input);

function renderAt(profile: Profile, path: string, handler: (r: RecordedRequest) => Response) {
  return renderOnline(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/print/draws/:id/record" element={<DrawRecordPrintScreen />} />
        <Route path="/print/draws/:id/results" element={<PublicationPrintScreen />} />
      </Routes>
    </MemoryRouter>,
    profile,
    handler,
    'en',
  );
}

describe('the printed draw record and results', { timeout: 60_000 }, () => {
  let profile: Profile;
  withTestProfile((opened) => (profile = opened));
  beforeAll(() => {
    // The desktop bridge, as the print toolbar asks it which shell it runs in.
    Object.assign(window, { api: { appInfo: async () => ({ shell: 'electron' }) } });
  });

  it('prints the seed and its source, the algorithm and every hash of the draw', async () => {
    renderAt(profile, `/print/draws/${drawn.id}/record`, () => json(200, { draw: drawn, input }));
    expect(await screen.findByText(drawn.seed.value)).toBeTruthy();
    expect(screen.getByText(drawn.seed.description)).toBeTruthy();
    expect(screen.getByText(drawn.algorithm)).toBeTruthy();
    expect(screen.getByText(drawn.resultHash)).toBeTruthy();
    for (const hash of new Set(Object.values(drawn.inputHashes))) {
      expect(screen.getAllByText(hash).length).toBeGreaterThan(0);
    }
    expect(document.querySelectorAll('tr').length).toBeGreaterThan(drawn.result.visits.length);
    // The period by its printed name, not its key.
    expect(screen.getByText(new RegExp(`^${printedPeriod(drawn.periodKey)}（`))).toBeTruthy();
  });

  it('prints each visit’s published outcome', async () => {
    const publication: Publication = {
      draw: {
        id: drawn.id,
        agencyId: drawn.agencyId,
        agencyName: '上虞区应急管理局',
        jointPartnerAgencyId: null,
        planId: drawn.planId,
        planRevision: 1,
        year: drawn.year,
        periodKey: drawn.periodKey,
        periodFrom: drawn.periodFrom,
        periodTo: drawn.periodTo,
        drawnAt: drawn.drawnAt,
        resultHash: drawn.resultHash,
        replaced: false,
      },
      rows: [
        {
          enterpriseId: drawn.result.visits[0]?.enterpriseId ?? drawn.id,
          enterpriseName: '浙江龙盛化工有限公司',
          riskClass: 'major',
          agencyIds: [drawn.agencyId],
          agencyNames: ['上虞区应急管理局'],
          joint: false,
          inspectionId: drawn.id,
          inspectedOn: '2026-02-10',
          checklists: ['危险化学品企业安全检查表'],
          itemsChecked: 40,
          itemsFailed: 0,
          outcome: 'noHazards',
          hazards: { total: 0, major: 0, closed: 0 },
        },
      ],
    };
    renderAt(profile, `/print/draws/${drawn.id}/results`, () => json(200, { publication }));
    expect(await screen.findByText('浙江龙盛化工有限公司')).toBeTruthy();
    expect(screen.getByText('2026年2月10日')).toBeTruthy();
    expect(screen.getByText('未发现问题')).toBeTruthy();
    expect(screen.getByText('危险化学品企业安全检查表（40项）')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Export to Excel/ })).toBeTruthy();
  });
});
