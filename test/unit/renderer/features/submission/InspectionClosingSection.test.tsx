import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../../../renderer/src/session/profile';
import {
  setEnterpriseRep,
  signInspection,
} from '../../../../../renderer/src/db/repositories/inspection-signing';
import { sha256Hex } from '../../../../../renderer/src/shared/sha256';
import { InspectionClosingSection } from '../../../../../renderer/src/features/submission/InspectionClosingSection';
import type { ExportPng } from '../../../../../renderer/src/features/signatures/export-signature';
import { liMingSession } from '../../../../support/record-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';
import { pngBlob, seedClosing } from './closing-fixtures';

const exportPng: ExportPng = async (strokes) => pngBlob(strokes.length);

let profile: Profile;
let seeded: Awaited<ReturnType<typeof seedClosing>>;

withTestProfile((opened) => (profile = opened), liMingSession);
withRecordedObjectUrls();
beforeEach(async () => {
  seeded = await seedClosing(profile.db, profile.session.user.id);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => vi.restoreAllMocks());

function drawOn(canvas: HTMLElement) {
  fireEvent.pointerDown(canvas, {
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    clientX: 5,
    clientY: 5,
  });
  fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 60, clientY: 40 });
  fireEvent.pointerUp(canvas, { pointerId: 1, clientX: 60, clientY: 40 });
}

function renderClosing(inspectionId: string) {
  return renderSignedIn(
    <MemoryRouter>
      {/* Without motion, closed dialogs leave the page at once (jsdom never ends a transition). */}
      <ConfigProvider theme={{ token: { motion: false } }}>
        <InspectionClosingSection inspectionId={inspectionId} exportPng={exportPng} />
      </ConfigProvider>
    </MemoryRouter>,
    profile,
  );
}

const submitButton = () => screen.getByRole('button', { name: 'Submit inspection' });

// antd's first renders in jsdom are slow on a busy machine.
describe('closing an inspection', { timeout: 30_000 }, () => {
  it('lists what is missing in plain words and keeps Submit disabled', async () => {
    await profile.db.inspections.update(seeded.inspection.id, {
      itemResults: [{ itemId: 'storage.labels', result: 'pass', note: '' }],
    });
    renderClosing(seeded.inspection.id);
    const list = await screen.findByRole('list', { name: /5 things are missing/i });
    const problems = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toEqual([
      'Checklist item “Gas alarms work” has no answer',
      'Li Ming has not signed',
      'Wang Fang has not signed',
      "The enterprise's representative has not signed, and no refusal is recorded",
      "The enterprise's representative is not named",
    ]);
    expect(submitButton()).toHaveProperty('disabled', true);
  });

  it('stores a drawn signature as a PNG blob referenced by the inspection', async () => {
    renderClosing(seeded.inspection.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign as Li Ming' }));
    drawOn(await screen.findByRole('img', { name: 'Signature area for Li Ming' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));

    await screen.findByRole('button', { name: 'Sign again as Li Ming' });
    const stored = await profile.db.inspections.get(seeded.inspection.id);
    const [signature] = stored!.signatures;
    const expectedHash = await sha256Hex(pngBlob(1));
    expect(signature).toMatchObject({
      role: 'lead',
      userId: seeded.lead.id,
      name: 'Li Ming',
      image: { sha256: expectedHash, mime: 'image/png', size: 9 },
    });
    const blob = await profile.db.blobs.get(expectedHash);
    expect(blob).toMatchObject({ mime: 'image/png', size: 9 });
    const queued = await profile.db.outbox.where('id').equals(seeded.inspection.id).toArray();
    expect(queued.at(-1)?.data).toMatchObject({
      signatures: [{ image: { sha256: expectedHash } }],
    });
  });

  it('submits only when complete, then locks the record; an amendment needs a reason', async () => {
    const { db } = profile;
    const id = seeded.inspection.id;
    await signInspection(db, id, {
      role: 'lead',
      userId: seeded.lead.id,
      name: 'Li Ming',
      png: pngBlob(1),
    });
    await signInspection(db, id, {
      role: 'co',
      userId: seeded.co.id,
      name: 'Wang Fang',
      png: pngBlob(2),
    });
    renderClosing(id);
    await screen.findByRole('list', { name: /2 things are missing/i });
    expect(submitButton()).toHaveProperty('disabled', true);

    // The representative is named and refuses to sign, with a reason.
    fireEvent.change(screen.getByLabelText("Representative's name"), {
      target: { value: 'Zhou Qiang' },
    });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Safety manager' } });
    fireEvent.blur(screen.getByLabelText('Title'));
    fireEvent.click(await screen.findByRole('button', { name: 'Refuses to sign' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Record the refusal' }));
    await screen.findByText('Give the reason for the refusal');
    fireEvent.change(screen.getByLabelText('Why they refuse'), {
      target: { value: 'Disputes item 2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record the refusal' }));

    await screen.findByText('The record is complete and can be submitted.');
    await waitFor(() => expect(submitButton()).toHaveProperty('disabled', false));
    fireEvent.click(submitButton());

    await screen.findByText(/A submitted inspection is locked/);
    const submitted = await db.inspections.get(id);
    expect(submitted).toMatchObject({
      status: 'submitted',
      enterpriseRep: { name: 'Zhou Qiang', title: 'Safety manager' },
      refusedToSign: { reason: 'Disputes item 2' },
    });
    expect(submitted!.finishedAt).not.toBeNull();
    const lastQueued = await db.outbox.orderBy('seq').last();
    expect(lastQueued?.data).toMatchObject({ id, status: 'submitted' });
    // Locked: no way left to sign or change the representative.
    expect(screen.queryByRole('button', { name: /^Sign/ })).toBeNull();
    expect(screen.getByLabelText("Representative's name")).toHaveProperty('disabled', true);
    await expect(setEnterpriseRep(db, id, { name: 'Someone else', title: '' })).rejects.toThrow(
      /locked/,
    );

    // An amendment without a reason is refused and changes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Amend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Amend the submitted inspection' });
    fireEvent.change(within(dialog).getByLabelText('Title'), {
      target: { value: 'Plant manager' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save amendment' }));
    await within(dialog).findByText('Give a reason for the amendment');
    expect((await db.inspections.get(id))!.enterpriseRep?.title).toBe('Safety manager');

    fireEvent.change(within(dialog).getByLabelText('Reason for the amendment (required)'), {
      target: { value: 'Title was noted wrongly' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save amendment' }));
    await screen.findByText('Title was noted wrongly');
    const amended = await db.inspections.get(id);
    expect(amended!.enterpriseRep?.title).toBe('Plant manager');
    expect(amended!.amendments).toEqual([
      expect.objectContaining({ by: profile.session.user.id, reason: 'Title was noted wrongly' }),
    ]);
  });
});
