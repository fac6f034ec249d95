import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PenaltyCase } from '../../../../../domain/schemas/penalty-case';
import { CaseDocument } from '../../../../../renderer/src/features/cases/CaseDocument';
import { makePenaltyCase } from '../../support/penalty-case';

const OFFICER = '0197a000-0000-7000-8000-0000000000e1';
const step = (stage: PenaltyCase['steps'][number]['stage'], note: string) => ({
  stage,
  startedAt: '2026-12-10T02:00:00.000Z',
  startedBy: OFFICER,
  dueOn: '2027-03-10',
  completedAt: '2026-12-11T02:00:00.000Z',
  completedBy: OFFICER,
  note,
});
const doc = (kind: PenaltyCase['documents'][number]['kind'], number: string) => ({
  kind,
  documentId: '0197a000-0000-7000-8000-0000000000f9',
  number,
  issuedOn: '2026-12-12',
});

const theCase = makePenaltyCase({
  version: 6,
  status: 'open',
  number: '上虞应急立〔2026〕第0001号',
  openedBy: OFFICER,
  openedAt: '2026-12-09T17:00:00.000Z',
  approval: { approved: true, by: OFFICER, at: '2026-12-10T02:00:00.000Z', comment: '证据充分' },
  steps: [
    step('filing', ''),
    step('investigation', '储罐区仍未设置报警器'),
    step('decision', '罚款五万元'),
  ],
  evidence: [],
  documents: [
    doc('caseFiling', '上虞应急立〔2026〕第0001号'),
    doc('penaltyNotice', '上虞应急罚告〔2026〕第0001号'),
    doc('penaltyDecision', '上虞应急罚〔2026〕第0001号'),
  ],
  amendments: [],
});
const names = { enterprise: () => '上虞精细化工有限公司', user: () => '李明', loaded: true };

describe('a penalty case’s printed documents', () => {
  it('print the filing approval form with the case number and the approval', () => {
    render(
      <CaseDocument theCase={theCase} kind="caseFiling" issuer="上虞区应急管理局" names={names} />,
    );
    const form = screen.getByRole('article', { name: '立案审批表' });
    expect(form.textContent).toContain('文书编号：上虞应急立〔2026〕第0001号');
    expect(form.textContent).toContain('同意立案：证据充分');
    // Opened at 01:00 on 10 December in China, still the 9th in UTC.
    expect(form.textContent).toContain('2026年12月10日');
  });

  it('print the notice and the decision with their own numbers and what was found and decided', () => {
    const { unmount } = render(
      <CaseDocument
        theCase={theCase}
        kind="penaltyNotice"
        issuer="上虞区应急管理局"
        names={names}
      />,
    );
    const notice = screen.getByRole('article', { name: '行政处罚告知书' });
    expect(notice.textContent).toContain('上虞应急罚告〔2026〕第0001号');
    expect(notice.textContent).toContain('五日内提出');
    unmount();
    render(
      <CaseDocument
        theCase={theCase}
        kind="penaltyDecision"
        issuer="上虞区应急管理局"
        names={names}
      />,
    );
    const decision = screen.getByRole('article', { name: '行政处罚决定书' });
    expect(decision.textContent).toContain('上虞应急罚〔2026〕第0001号');
    expect(decision.textContent).toContain('罚款五万元');
    expect(decision.textContent).toContain('储罐区仍未设置报警器');
  });

  it('print nothing for a document the case has not issued', () => {
    const { container } = render(
      <CaseDocument
        theCase={{ ...theCase, documents: theCase.documents.slice(0, 1) }}
        kind="penaltyDecision"
        issuer="上虞区应急管理局"
        names={names}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
