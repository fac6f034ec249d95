// The printed extension decision's page records its service receipt on this device, with the
// hazard's officers as those who served it, and prints it after the decision once recorded.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_DOC } from '../../../../../renderer/src/features/documents/ExtensionDecisionDocument';
import { ExtensionPrintScreen } from '../../../../../renderer/src/features/documents/ExtensionPrintScreen';
import {
  EXTENSION_PRINT_ROUTE,
  extensionPrintPath,
} from '../../../../../renderer/src/features/documents/print-route';
import type { Profile } from '../../../../../renderer/src/session/profile';
import type { Finding } from '../../../../../domain/schemas/finding';
import type { Inspection } from '../../../../../domain/schemas/inspection';
import { makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { grantedExtension } from '../../../domain/rules/extension-fixtures';
import { renderSignedIn, withTestProfile } from '../../support/render';
import { withRecordedObjectUrls } from '../photos/render-with-photo-strings';
import { createWebPlatform } from '../../../../../renderer/src/shared/platform/web-platform';
import { drawSignature } from '../../support/signing';

let profile: Profile;
withTestProfile((opened) => (profile = opened));
withRecordedObjectUrls();

const granted = grantedExtension({ decidedAt: '2026-11-29T01:30:00.000Z' });

describe('the extension decision’s print page', { timeout: 60_000 }, () => {
  beforeEach(() => {
    window.api = createWebPlatform(window.localStorage, { origin: 'http://127.0.0.1:8787' });
    // jsdom draws nothing: any 2D call does nothing, and the export yields PNG bytes.
    const noop: unknown = new Proxy({}, { get: () => () => undefined, set: () => true });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      noop as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) =>
      done(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1])], { type: 'image/png' })),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Stores the hazard with its granted request, found by `inspection`, and opens the page. */
  async function openPrintPage(inspection: Inspection): Promise<Finding> {
    const finding = makeFinding({ inspectionId: inspection.id, extensions: [granted] });
    await profile.db.inspections.put(inspection);
    await profile.db.findings.put(finding);
    renderSignedIn(
      <MemoryRouter initialEntries={[extensionPrintPath(finding.id, granted.id)]}>
        <ConfigProvider theme={{ token: { motion: false } }}>
          <Routes>
            <Route path={EXTENSION_PRINT_ROUTE} element={<ExtensionPrintScreen />} />
          </Routes>
        </ConfigProvider>
      </MemoryRouter>,
      profile,
    );
    return finding;
  }

  it('offers the receipt to no one who may not serve the decision', async () => {
    // Another officer's hazard: the page prints, and its receipt is not this user's to record.
    await openPrintPage(makeInspection({ coInspectorIds: [] }));
    await screen.findByText(EXTENSION_DOC.title);
    expect(screen.queryByRole('button', { name: 'Record service receipt' })).toBeNull();
  });

  it('records the receipt, served by the hazard’s officers, and prints it with the decision', async () => {
    // The signed-in officer led the inspection that found the hazard.
    const inspection = makeInspection({
      leadInspectorId: profile.session.user.id,
      coInspectorIds: [],
    });
    const finding = await openPrintPage(inspection);
    await userEvent.click(await screen.findByRole('button', { name: 'Record service receipt' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Place of service' }), {
      target: { value: '企业办公楼' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Recipient' }), {
      target: { value: '王建国' },
    });
    const canvas = screen.getByRole('img', { name: /signature area for recipient/i });
    drawSignature(canvas);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByText('Recipient has signed');
    await userEvent.click(screen.getByRole('button', { name: 'Save receipt' }));

    const receipt = await screen.findByRole('region', { name: '送达回证' });
    expect(receipt.textContent).toContain('延期整改审批表');
    expect(receipt.textContent).toContain('王建国');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Record service receipt' })).toBeNull(),
    );
    const stored = await profile.db.findings.get(finding.id);
    expect(stored?.extensions?.[0]?.serviceReceipt).toMatchObject({
      document: 'extension',
      servedBy: [inspection.leadInspectorId],
      place: '企业办公楼',
    });
    expect(await profile.db.outbox.where('entity').equals('finding').count()).toBe(1);
  });
});
