// The steps of an enterprise import: the chosen file is previewed by the server (nothing is
// written), and only a file with no bad row may be imported, after the user confirms; the server
// imports it all or nothing. After an import a sync brings the written enterprises to the device.
import { useState } from 'react';
import type { ImportPreview } from '../../../../../domain/schemas/admin-content';
import { useProfile } from '../../../session/session-context';
import { failureOf, useAdminContent } from '../templates/useAdminContent';

export type ImportStep =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'checked'; fileName: string; bytes: Uint8Array<ArrayBuffer>; preview: ImportPreview }
  | { step: 'importing'; fileName: string; rows: number }
  | { step: 'done'; fileName: string; preview: ImportPreview }
  | { step: 'offline'; fileName: string }
  | { step: 'failed'; fileName: string; message: string };

export function useEnterpriseImport() {
  const admin = useAdminContent();
  const { engine } = useProfile();
  const [state, setState] = useState<ImportStep>({ step: 'choose' });

  const failed = (fileName: string, error: unknown): ImportStep => {
    const f = failureOf(error);
    return f.status === 'failed'
      ? { step: 'failed', fileName, message: f.message }
      : { step: 'offline', fileName };
  };

  async function check(file: File) {
    const fileName = file.name;
    setState({ step: 'checking', fileName });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setState({ step: 'checked', fileName, bytes, preview: await admin.previewImport(bytes) });
    } catch (error) {
      setState(failed(fileName, error));
    }
  }

  async function confirm() {
    if (state.step !== 'checked' || !state.preview.ok) return;
    const { fileName, bytes } = state;
    setState({ step: 'importing', fileName, rows: state.preview.counts.rows });
    try {
      const preview = await admin.confirmImport(bytes);
      setState({ step: 'done', fileName, preview });
      void engine.syncNow();
    } catch (error) {
      // Refused (the registry changed since the preview): show what is wrong now.
      try {
        setState({ step: 'checked', fileName, bytes, preview: await admin.previewImport(bytes) });
      } catch {
        setState(failed(fileName, error));
      }
    }
  }

  return { state, check, confirm, reset: () => setState({ step: 'choose' }) };
}
