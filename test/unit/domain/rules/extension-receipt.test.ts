import { describe, expect, it } from 'vitest';
import {
  extensionReceiptProblem,
  mayRecordExtensionReceipt,
} from '../../../../domain/rules/extension-receipt';
import { EXTENSION_SUPERVISOR as SUPERVISOR, grantedExtension } from './extension-fixtures';

const LEAD = '0197a000-0000-7000-8000-0000000000e1';
const officers = { leadInspectorId: LEAD, coInspectorIds: [] };
const request = grantedExtension({
  recordedBy: LEAD,
  // Stamped when the decision reached the server: later than the service, decided offline.
  decidedAt: '2026-11-30T09:00:00.000Z',
});
const receipt = (over: Partial<Parameters<typeof extensionReceiptProblem>[1]> = {}) => ({
  document: 'extension' as const,
  servedAt: '2026-11-29T07:40:00.000+08:00',
  servedBy: [LEAD],
  ...over,
});

describe('an extension decision’s receipt', () => {
  it('serves a granted decision by its supervisor or the hazard’s officers, from the day asked', () => {
    expect(extensionReceiptProblem(request, receipt(), officers)).toBeNull();
    expect(
      extensionReceiptProblem(request, receipt({ servedBy: [SUPERVISOR] }), officers),
    ).toBeNull();
    expect(
      extensionReceiptProblem(
        request,
        receipt({ servedBy: [LEAD, '0197a000-0000-7000-8000-0000000000e3'] }),
        officers,
      ),
    ).toBe('servedBy');
    // The day asked, in China: 00:30 on the 28th there is the 27th in UTC.
    expect(
      extensionReceiptProblem(request, receipt({ servedAt: '2026-11-27T16:30:00.000Z' }), officers),
    ).toBeNull();
    expect(
      extensionReceiptProblem(
        request,
        receipt({ servedAt: '2026-11-27T23:59:00.000+08:00' }),
        officers,
      ),
    ).toBe('beforeRequest');
  });

  it('serves nothing refused or waiting, nothing but the decision, and once', () => {
    expect(extensionReceiptProblem({ ...request, decision: null }, receipt(), officers)).toBe(
      'notGranted',
    );
    expect(
      extensionReceiptProblem(
        {
          ...request,
          decision: {
            result: 'refused',
            comment: '不同意',
            decidedBy: SUPERVISOR,
            decidedAt: request.recordedAt,
          },
        },
        receipt(),
        officers,
      ),
    ).toBe('notGranted');
    expect(extensionReceiptProblem(request, receipt({ document: 'order' }), officers)).toBe(
      'document',
    );
    const served = {
      ...request,
      serviceReceipt: {
        id: '0197a000-0000-7000-8000-00000000ab13',
        method: 'direct' as const,
        place: '企业办公楼',
        recipient: { name: '王建国', title: '' },
        signature: { sha256: 'a'.repeat(64), mime: 'image/png' as const, size: 10 },
        refusal: null,
        ...receipt(),
      },
    };
    expect(extensionReceiptProblem(served, receipt(), officers)).toBe('alreadyServed');
  });

  it('is recorded by one who may serve it, never by an administrator', () => {
    const as = (id: string, role: 'inspector' | 'supervisor' | 'admin') => ({ id, role });
    expect(mayRecordExtensionReceipt(request, officers, as(LEAD, 'inspector'))).toBe(true);
    expect(mayRecordExtensionReceipt(request, officers, as(SUPERVISOR, 'supervisor'))).toBe(true);
    const colleague = '0197a000-0000-7000-8000-0000000000e3';
    expect(mayRecordExtensionReceipt(request, officers, as(colleague, 'inspector'))).toBe(false);
    // Even one named among its servers, as an administrator, keeps the records only.
    expect(mayRecordExtensionReceipt(request, officers, as(LEAD, 'admin'))).toBe(false);
    // A request not decided has no supervisor to record it.
    expect(
      mayRecordExtensionReceipt(
        { ...request, decision: null },
        officers,
        as(SUPERVISOR, 'supervisor'),
      ),
    ).toBe(false);
  });
});
