import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { recordServiceReceipt } from '../../../../../renderer/src/db/repositories/service-receipts';
import { ServiceReceiptDialog } from '../../../../../renderer/src/features/documents/ServiceReceiptDialog';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { makeInspection } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { drawSignature, withoutCanvasContext } from '../../support/signing';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const exportPng = async (strokes: readonly unknown[]) =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, strokes.length, Math.random() * 255])], {
    type: 'image/png',
  });

function fill(name: string, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
}

function sign(name: RegExp) {
  const canvas = screen.getByRole('img', { name });
  drawSignature(canvas);
}

describe('recording a service receipt', { timeout: 60_000 }, () => {
  withoutCanvasContext();

  it('records a refusal left with two distinct witnesses who sign', async () => {
    const inspection = makeInspection({ coInspectorIds: [] });
    await profile.db.inspections.put(inspection);
    const closed = vi.fn();
    renderSignedIn(
      <ServiceReceiptDialog
        document="order"
        servedBy={[inspection.leadInspectorId]}
        recipient={inspection.enterpriseRep}
        save={async (receipt) => {
          await recordServiceReceipt(profile.db, inspection.id, receipt);
        }}
        onClose={closed}
        exportPng={exportPng}
      />,
      profile,
    );
    const save = () => screen.getByRole('button', { name: 'Save receipt' });
    await userEvent.click(screen.getByLabelText('Refused, left with two witnesses'));
    fill('Place of service', '企业门卫室');
    fill('Recipient', '王建国');
    fill('Why the recipient refused to sign', '拒绝签收');
    for (const n of [1, 2]) {
      fill(`Witness ${n}`, '张三');
      fill(`Witness ${n}’s organisation`, '道墟街道办事处');
    }
    expect(screen.getByText('The two witnesses must be different people.')).toBeTruthy();
    fill('Witness 2', '李四');
    for (const n of [1, 2]) {
      sign(new RegExp(`signature area for witness ${n}`, 'i'));
      const [done] = screen.getAllByRole('button', { name: 'Done' });
      await userEvent.click(done as HTMLElement);
      await screen.findByText(`Witness ${n} has signed`);
    }
    expect(save()).toHaveProperty('disabled', false);
    await userEvent.click(save());
    await waitFor(() => expect(closed).toHaveBeenCalled());
    const stored = await profile.db.inspections.get(inspection.id);
    expect(stored?.serviceReceipts).toMatchObject([
      {
        document: 'order',
        method: 'left',
        place: '企业门卫室',
        servedBy: [inspection.leadInspectorId],
        recipient: { name: '王建国' },
        signature: null,
        refusal: { reason: '拒绝签收', witnesses: [{ name: '张三' }, { name: '李四' }] },
      },
    ]);
  });
});
