import { Drawer, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultDeadline } from '../../../../domain/rules/deadlines';
import { useProfile } from '../../app/session-context';
import { removeFinding } from '../../db/repositories/findings';
import { photoBlobStoreFor } from '../../db/repositories/photo-blob-store';
import { blankFindingValues, valuesFromDraft } from './finding-form-schema';
import type { FindingFormValues } from './finding-form-schema';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { HazardForm } from './HazardForm';
import type { HazardSource } from './useHazardSource';
import { useHazardSource } from './useHazardSource';

export interface HazardEditorProps {
  /** The hazard's id: of its record, its draft, or the one it gets when first saved. */
  id: string;
  inspectionId: string;
  enterpriseId: string;
  today: string;
  disabled?: boolean;
  /** The photo pipeline, when not the default one (tests). */
  processPhoto?: PhotoPickerProps['process'];
  onClose: () => void;
}

function initialValues(source: HazardSource, today: string): FindingFormValues {
  const blank = blankFindingValues(defaultDeadline('general', today));
  if (source.draft) return valuesFromDraft(source.draft.values, blank);
  if (source.finding) return valuesFromDraft(source.finding, blank);
  return blank;
}

function itemIdOf(source: HazardSource): string | null {
  const fromDraft = source.draft?.values.itemId;
  if (typeof fromDraft === 'string') return fromDraft;
  return source.finding?.itemId ?? null;
}

/** The hazard form in a side panel; its first loaded state is what the form starts from. */
export function HazardEditor(props: HazardEditorProps) {
  const { id, inspectionId, enterpriseId, today, disabled, processPhoto, onClose } = props;
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const source = useHazardSource(id);
  // The form starts from the first state read; later reads are its own saves coming back.
  const [start, setStart] = useState<HazardSource | undefined>(undefined);
  if (start === undefined && source !== undefined) setStart(source);

  return (
    <Drawer
      open
      title={t('hazardForm.title')}
      size="large"
      onClose={onClose}
      destroyOnHidden
      // Closing saves (the form flushes as it unmounts) and keeps an incomplete draft.
      maskClosable={false}
    >
      {start === undefined ? (
        <Skeleton active aria-busy="true" />
      ) : (
        <HazardForm
          key={id}
          context={{
            id,
            inspectionId,
            enterpriseId,
            createdBy: session.user.id,
            itemId: itemIdOf(start),
            storedDeadline: start.finding?.deadline ?? null,
          }}
          initial={initialValues(start, today)}
          today={today}
          store={photoBlobStoreFor(db)}
          disabled={disabled ?? false}
          processPhoto={processPhoto}
          onDone={onClose}
          onRemove={() => {
            void removeFinding(db, id).then(onClose);
          }}
        />
      )}
    </Drawer>
  );
}
