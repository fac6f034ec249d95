// Recording a penalty case's service receipt from the case drawer: offered only for a document
// the case issued to the party and has not served, to who may record it; the signature goes to
// the server first, then the receipt naming it; a refusal is worded, in Chinese too.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PenaltyCase } from '../../../../../domain/schemas/penalty-case';
import { CaseReceiptAction } from '../../../../../renderer/src/features/cases/CaseReceiptAction';
import type { Profile } from '../../../../../renderer/src/session/profile';
import { json } from '../../support/fake-hq';
import type { RecordedRequest } from '../../support/fake-hq';
import { makePenaltyCase } from '../../support/penalty-case';
import { renderOnline, withTestProfile } from '../../support/render';
import { drawSignature, withoutCanvasContext } from '../../support/signing';

let profile: Profile;
withTestProfile((opened) => (profile = opened));

const exportPng = async (strokes: readonly unknown[]) =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, strokes.length, 7])], { type: 'image/png' });

const decided = (me: string): PenaltyCase =>
  makePenaltyCase({
    openedBy: me,
    openedAt: '2026-12-10T01:00:00.000Z',
    approval: { approved: true, by: me, at: '2026-12-10T02:00:00.000Z', comment: '' },
    evidence: [],
    amendments: [],
    status: 'open',
    version: 5,
    number: '上虞应急立〔2026〕第0001号',
    handlers: [me],
    steps: [
      {
        stage: 'notice',
        startedAt: '2026-12-10T03:00:00.000Z',
        startedBy: me,
        dueOn: '2099-01-01',
        completedAt: '2026-12-10T04:00:00.000Z',
        completedBy: me,
        note: '',
      },
      {
        stage: 'decision',
        startedAt: '2026-12-10T04:00:00.000Z',
        startedBy: me,
        dueOn: '2099-01-01',
        completedAt: null,
        completedBy: null,
        note: '',
      },
    ],
    documents: [
      {
        kind: 'caseFiling',
        documentId: '0197a000-0000-7000-8000-0000000000f7',
        number: '上虞应急立〔2026〕第0001号',
        issuedOn: '2026-12-10',
      },
      {
        kind: 'penaltyNotice',
        documentId: '0197a000-0000-7000-8000-0000000000f8',
        number: '上虞应急罚告〔2026〕第0001号',
        issuedOn: '2026-12-10',
      },
      {
        kind: 'penaltyDecision',
        documentId: '0197a000-0000-7000-8000-0000000000f9',
        number: '上虞应急罚〔2026〕第0001号',
        issuedOn: '2026-12-10',
      },
    ],
  });

function renderAction(
  c: PenaltyCase,
  kind: 'caseFiling' | 'penaltyNotice' | 'penaltyDecision',
  handler: (r: RecordedRequest) => Response,
  language: 'en' | 'zh-CN' = 'en',
) {
  const changed = vi.fn();
  const requests = renderOnline(
    <CaseReceiptAction theCase={c} kind={kind} onChanged={changed} exportPng={exportPng} />,
    profile,
    handler,
    language,
  );
  return { requests, changed };
}

async function fillAndSign(place: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /^(Place of service|送达地点)$/ }), {
    target: { value: place },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /^(Recipient|受送达人)$/ }), {
    target: { value: '王建国' },
  });
  const canvas = screen.getByRole('img', { name: /signature area|签名区域/i });
  drawSignature(canvas);
  const [done] = screen.getAllByRole('button', { name: /^(Done|完 ?成)$/ });
  await userEvent.click(done as HTMLElement);
}

describe('recording a case’s service receipt', { timeout: 60_000 }, () => {
  withoutCanvasContext();

  it('uploads the signature, then records the receipt naming it on the case', async () => {
    const c = decided(profile.session.user.id);
    const { requests, changed } = renderAction(c, 'penaltyDecision', ({ method }) =>
      method === 'PUT' ? json(201, { created: true }) : json(200, c),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record service receipt' }));
    await fillAndSign('企业办公楼');
    await userEvent.click(screen.getByRole('button', { name: 'Save receipt' }));
    await screen.findByText('The service receipt was recorded on the server.');
    expect(changed).toHaveBeenCalled();
    const [put, post] = requests;
    expect(put?.method).toBe('PUT');
    expect(post?.url.pathname).toBe(`/api/v1/cases/${c.id}/receipts`);
    const body = post?.body as { version: number; receipt: Record<string, unknown> };
    expect(body.version).toBe(5);
    expect(body.receipt).toMatchObject({
      document: 'penaltyDecision',
      method: 'direct',
      place: '企业办公楼',
      servedBy: [profile.session.user.id],
      recipient: { name: '王建国', title: '' },
      refusal: null,
    });
    expect(put?.url.pathname).toBe(
      `/api/v1/blobs/${(body.receipt.signature as { sha256: string }).sha256}`,
    );
  });

  it('words the server’s refusal, in Chinese too, and keeps the dialog open', async () => {
    const c = decided(profile.session.user.id);
    const { changed } = renderAction(
      c,
      'penaltyNotice',
      ({ method }) =>
        method === 'PUT'
          ? json(201, { created: true })
          : json(409, { error: 'receipt_exists', message: 'served' }),
      'zh-CN',
    );
    await userEvent.click(screen.getByRole('button', { name: '填写送达回证' }));
    await fillAndSign('企业门卫室');
    await userEvent.click(screen.getByRole('button', { name: '保存送达回证' }));
    expect(await screen.findByText('该文书已有送达回证。')).toBeTruthy();
    expect(changed).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('dialog')).toBeTruthy());
  });

  it('offers nothing for the internal filing form, a served document, or a stranger to the case', async () => {
    const me = profile.session.user.id;
    const c = decided(me);
    renderAction(c, 'caseFiling', () => json(500, {}));
    expect(screen.queryByRole('button', { name: 'Record service receipt' })).toBeNull();
    const served = {
      ...c,
      serviceReceipts: [
        {
          id: '0197a000-0000-7000-8000-0000000000e9',
          document: 'penaltyNotice' as const,
          method: 'direct' as const,
          servedAt: '2026-12-10T05:00:00.000Z',
          place: '企业办公楼',
          servedBy: [me],
          recipient: { name: '王建国', title: '' },
          signature: { sha256: 'a'.repeat(64), mime: 'image/png' as const, size: 10 },
          refusal: null,
        },
      ],
    };
    renderAction(served, 'penaltyNotice', () => json(500, {}));
    expect(screen.queryByRole('button', { name: 'Record service receipt' })).toBeNull();
    renderAction(
      { ...c, handlers: ['0197a000-0000-7000-8000-0000000000e1'] },
      'penaltyDecision',
      () => json(500, {}),
    );
    expect(screen.queryByRole('button', { name: 'Record service receipt' })).toBeNull();
  });
});
