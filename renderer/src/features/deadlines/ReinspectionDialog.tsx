import { Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInChina } from '../../../../domain/rules/calendar-date';
import { DEFAULT_DEADLINE_DAYS, defaultDeadline } from '../../../../domain/rules/deadlines';
import { reinspectionProblem } from '../../../../domain/rules/rectification';
import type { BlobRef } from '../../../../domain/schemas/common';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { recordReinspection } from '../../db/repositories/rectification';
import { PhotosField } from '../findings/PhotosField';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { useLocalBlobStore } from '../signatures/useLocalBlobStore';
import { DeadlineDialog, NoteField } from './DeadlineDialog';
import { useDeadlineSave } from './useDeadlineSave';
import { useVisitColleagues } from './useVisitColleagues';

interface Props {
  finding: Finding;
  onClose: () => void;
  /** The photo pipeline, when not the default one (tests). */
  process?: PhotoPickerProps['process'];
}

type Result = 'passed' | 'failed';

/**
 * Records a re-inspection of a rectified hazard, made with the colleagues named (two officers or
 * more, from the user directory on this device, so offline too): passed (with after-photos)
 * closes it; failed reopens it with a new deadline, by default the grade's usual period from today.
 */
export function ReinspectionDialog({ finding, onClose, process }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const store = useLocalBlobStore();
  const colleagues = useVisitColleagues() ?? [];
  const [coInspectorIds, setCoInspectorIds] = useState<string[]>([]);
  const today = todayInChina(new Date());
  const [result, setResult] = useState<Result | null>(null);
  const [photos, setPhotos] = useState<BlobRef[]>([]);
  const [note, setNote] = useState('');
  const [newDeadline, setNewDeadline] = useState(defaultDeadline(finding.grade, today));
  const { error, saving, fail, run, clearError } = useDeadlineSave(onClose);

  const save = async () => {
    if (result === null) return fail('resultRequired');
    const input = { result, photos, note, newDeadline: result === 'failed' ? newDeadline : null };
    const problem = reinspectionProblem(finding, input, today);
    if (problem) return fail(problem);
    if (coInspectorIds.length === 0) return fail('coInspectorRequired');
    await run(
      () => recordReinspection(db, finding.id, { ...input, coInspectorIds }, session.user),
      result,
    );
  };

  return (
    <DeadlineDialog
      title={t('deadlines.reinspectionDialog.title')}
      saving={saving}
      error={error}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('deadlines.reinspectionDialog.coInspectors')}
          htmlFor="reinspection-co-inspectors"
          extra={t('deadlines.reinspectionDialog.coInspectorsHint')}
        >
          <Select<string[]>
            id="reinspection-co-inspectors"
            mode="multiple"
            aria-label={t('deadlines.reinspectionDialog.coInspectors')}
            value={coInspectorIds}
            onChange={(ids) => {
              setCoInspectorIds(ids);
              clearError();
            }}
            optionFilterProp="label"
            options={colleagues.map((u) => ({
              value: u.id,
              label: `${u.displayName} (${t('startInspection.certificate', { no: u.certificateNo })})`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('deadlines.reinspectionDialog.result')}>
          <Radio.Group
            aria-label={t('deadlines.reinspectionDialog.result')}
            value={result}
            onChange={(e) => {
              setResult(e.target.value as Result);
              clearError();
            }}
            options={[
              { value: 'passed', label: t('deadlines.result.passed') },
              { value: 'failed', label: t('deadlines.result.failed') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('deadlines.reinspectionDialog.photos')}>
          <PhotosField
            photos={photos}
            store={store}
            onAdd={(photo) => setPhotos((list) => [...list, photo])}
            onRemove={(index) => setPhotos((list) => list.filter((_, i) => i !== index))}
            {...(process ? { process } : {})}
          />
        </Form.Item>
        {result === 'failed' ? (
          <Form.Item
            label={t('deadlines.reinspectionDialog.newDeadline')}
            htmlFor="reinspection-new-deadline"
            extra={t('deadlines.reinspectionDialog.newDeadlineHint', {
              days: DEFAULT_DEADLINE_DAYS[finding.grade],
            })}
          >
            <Input
              id="reinspection-new-deadline"
              type="date"
              min={addDays(today, 1)}
              value={newDeadline}
              onChange={(e) => setNewDeadline(e.target.value)}
              style={{ maxWidth: 220 }}
            />
          </Form.Item>
        ) : null}
        <NoteField id="reinspection-note" value={note} onChange={setNote} />
      </Form>
    </DeadlineDialog>
  );
}
