// The buttons under the hazard form: Done and Remove (with the autosave state) while recording,
// Save and Cancel while amending a submitted inspection's hazard.
import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { SaveStatus } from '../autosave/SaveStatus';
import type { SaveState } from '../autosave/useAutosave';

export function AmendmentActions({
  disabled,
  onCancel,
}: {
  disabled: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Button type="primary" htmlType="submit" disabled={disabled}>
        {t('amendments.save')}
      </Button>
      <Button onClick={onCancel}>{t('signatures.cancel')}</Button>
    </Flex>
  );
}

export function RecordingActions({
  disabled,
  state,
  onRemove,
}: {
  disabled: boolean;
  state: SaveState;
  onRemove: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Button type="primary" htmlType="submit" disabled={disabled}>
        {t('findingForm.done')}
      </Button>
      <Popconfirm
        title={t('findingForm.removeConfirm')}
        okText={t('photos.removeOk')}
        cancelText={t('photos.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={onRemove}
      >
        <Button danger disabled={disabled}>
          {t('findingForm.remove')}
        </Button>
      </Popconfirm>
      <SaveStatus state={state} />
    </Flex>
  );
}
