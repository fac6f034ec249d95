import { describe, expect, it } from 'vitest';
import {
  caseReceiptProblem,
  issuedAt,
  mayRecordReceipt,
  unservedDocuments,
} from '../../../../domain/rules/case-receipts';
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';

const AGENCY = '0197a000-0000-7000-8000-0000000000a1';
const HANDLER = '0197a000-0000-7000-8000-0000000000e1';
const step = (stage: PenaltyCase['steps'][number]['stage'], startedAt: string) => ({
  stage,
  startedAt,
  startedBy: HANDLER,
  dueOn: '2099-01-01',
  completedAt: null,
  completedBy: null,
  note: '',
});
const doc = (kind: PenaltyCase['documents'][number]['kind']) => ({
  kind,
  documentId: '0197a000-0000-7000-8000-0000000000f9',
  number: `${kind} 1`,
  issuedOn: '2026-12-10',
});
const noticed: Pick<PenaltyCase, 'steps' | 'documents' | 'serviceReceipts'> = {
  steps: [
    step('investigation', '2026-12-10T01:00:00.000Z'),
    step('notice', '2026-12-10T02:30:40.000Z'),
  ],
  documents: [doc('caseFiling'), doc('penaltyNotice')],
};

describe('case service receipts', () => {
  it('serves the notice once issued, never the filing form, and not the decision before 决定', () => {
    expect(unservedDocuments(noticed)).toEqual(['penaltyNotice']);
    expect(issuedAt(noticed, 'caseFiling')).toBeNull();
    const at = '2026-12-10T03:00:00.000Z';
    expect(caseReceiptProblem(noticed, { document: 'penaltyNotice', servedAt: at })).toBeNull();
    expect(caseReceiptProblem(noticed, { document: 'caseFiling', servedAt: at })).toBe('notServed');
    expect(caseReceiptProblem(noticed, { document: 'order', servedAt: at })).toBe('notServed');
    expect(caseReceiptProblem(noticed, { document: 'penaltyDecision', servedAt: at })).toBe(
      'notIssued',
    );
  });

  it('takes the time to the minute of the issue, not earlier', () => {
    const same = '2026-12-10T02:30:00.000Z';
    const before = '2026-12-10T02:29:59.000Z';
    expect(caseReceiptProblem(noticed, { document: 'penaltyNotice', servedAt: same })).toBeNull();
    expect(caseReceiptProblem(noticed, { document: 'penaltyNotice', servedAt: before })).toBe(
      'beforeIssued',
    );
  });

  it('is recorded by a handler or a supervisor of the agency, never an administrator', () => {
    const c = { agencyId: AGENCY, openedBy: HANDLER, handlers: [HANDLER] };
    const user = (id: string, role: 'inspector' | 'supervisor' | 'admin', agencyId = AGENCY) => ({
      id,
      role,
      agencyId,
    });
    const other = '0197a000-0000-7000-8000-0000000000e2';
    expect(mayRecordReceipt(user(HANDLER, 'inspector'), c)).toBe(true);
    expect(mayRecordReceipt(user(other, 'supervisor'), c)).toBe(true);
    expect(mayRecordReceipt(user(other, 'inspector'), c)).toBe(false);
    expect(mayRecordReceipt(user(other, 'supervisor', other), c)).toBe(false);
    expect(mayRecordReceipt(user(other, 'admin'), c)).toBe(false);
  });
});
