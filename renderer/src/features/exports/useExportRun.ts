// The run of an export button: the step it is at (reading, photos, building, saving), and a
// failure at any step said in the exports' words, after which the button is ready again.
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFailureText } from './export-failure';

export type ExportPhase =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'photos' | 'building'; done: number; total: number }
  | { step: 'saving' };

export function useExportRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [phase, setPhase] = useState<ExportPhase>({ step: 'idle' });

  async function run(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      void message.error(exportFailureText(error, t));
    } finally {
      setPhase({ step: 'idle' });
    }
  }

  return { phase, setPhase, run, busy: phase.step !== 'idle' };
}
