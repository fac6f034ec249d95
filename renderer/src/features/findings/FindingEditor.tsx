import { Alert, Button, Drawer, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultDeadline } from '../../../../domain/rules/deadlines';
import { useProfile } from '../../session/session-context';
import { saveFindingAmendment } from '../../db/repositories/finding-amendments';
import { removeFinding } from '../../db/repositories/findings';
import { photoBlobStoreFor } from '../../db/repositories/photo-blob-store';
import { blankFindingValues, valuesFromDraft } from './finding-form-schema';
import type { FindingFormOutput, FindingFormValues } from './finding-form-schema';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { FindingForm } from './FindingForm';
import type { FindingAmendMode } from './finding-amend-mode';
import type { StoredFinding } from './useStoredFinding';
import { useStoredFinding } from './useStoredFinding';

export interface FindingEditorProps {
  /** The hazard's id: of its record, its draft, or the one it gets when first saved. */
  id: string;
  inspectionId: string;
  enterpriseId: string;
  today: string;
  disabled?: boolean;
  /** The text of a checklist item (its requirement), shown beside the title of its hazard. */
  requirementOf?: (itemId: string) => string | undefined;
  /** The photo pipeline, when not the default one (tests). */
  processPhoto?: PhotoPickerProps['process'];
  onClose: () => void;
}

function initialValues(source: StoredFinding, today: string): FindingFormValues {
  const blank = blankFindingValues(defaultDeadline('general', today));
  // A correction starts from the record as submitted, whatever draft was left beside it.
  if (source.submitted && source.finding) return valuesFromDraft(source.finding, blank);
  if (source.draft) return valuesFromDraft(source.draft.values, blank);
  if (source.finding) return valuesFromDraft(source.finding, blank);
  return blank;
}

function itemIdOf(source: StoredFinding): string | null {
  const fromDraft = source.draft?.values.itemId;
  if (typeof fromDraft === 'string') return fromDraft;
  return source.finding?.itemId ?? null;
}

function requirementOfItem(
  source: StoredFinding,
  requirementOf: FindingEditorProps['requirementOf'],
): string | null {
  const itemId = itemIdOf(source);
  return itemId === null ? null : (requirementOf?.(itemId) ?? null);
}

/**
 * The hazard form in a side panel; its first loaded state is what the form starts from. On a
 * submitted inspection a recorded hazard is read-only until the inspector chooses to amend it,
 * and a hazard not yet recorded can only be added by amendment: either is saved with a reason.
 */
export function FindingEditor(props: FindingEditorProps) {
  const { id, inspectionId, enterpriseId, today, disabled, requirementOf, processPhoto, onClose } =
    props;
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const source = useStoredFinding(id, inspectionId);
  // The form starts from the first state read; later reads are its own saves coming back.
  const [start, setStart] = useState<StoredFinding | undefined>(undefined);
  const [amending, setAmending] = useState(false);
  if (start === undefined && source !== undefined) {
    setStart(source);
    if (source.submitted && source.finding === null) setAmending(true);
  }

  const amend: FindingAmendMode = {
    save: async (values: FindingFormOutput, reason: string) => {
      const result = await saveFindingAmendment(db, {
        findingId: id,
        inspectionId,
        content: { ...values, itemId: start ? itemIdOf(start) : null },
        by: session.user.id,
        reason,
      });
      return result.ok ? null : result.problems;
    },
    onCancel: onClose,
    deadlineFixed: start !== undefined && start.finding !== null,
  };
  const correctable = start?.submitted === true && start.finding !== null && !amending;

  return (
    <Drawer
      open
      title={t('findingForm.title')}
      size="large"
      onClose={onClose}
      destroyOnHidden
      // Closing saves (the form flushes as it unmounts) and keeps an incomplete draft.
      maskClosable={false}
    >
      {start === undefined ? (
        <Skeleton active aria-busy="true" />
      ) : (
        <>
          {correctable ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('amendments.findingLocked')}
              action={
                <Button
                  onClick={() => {
                    // The correction starts from the record as it is now.
                    if (source) setStart(source);
                    setAmending(true);
                  }}
                >
                  {t('amendments.amendFinding')}
                </Button>
              }
            />
          ) : null}
          <FindingForm
            key={amending ? `${id}:amend` : id}
            context={{
              id,
              inspectionId,
              enterpriseId,
              createdBy: session.user.id,
              itemId: itemIdOf(start),
              storedDeadline: start.finding?.deadline ?? null,
            }}
            initial={initialValues(start, today)}
            itemRequirement={requirementOfItem(start, requirementOf)}
            today={today}
            store={photoBlobStoreFor(db)}
            disabled={amending ? false : (disabled ?? false) || start.submitted}
            processPhoto={processPhoto}
            onDone={onClose}
            onRemove={() => {
              void removeFinding(db, id).then(onClose);
            }}
            {...(amending ? { amend } : {})}
          />
        </>
      )}
    </Drawer>
  );
}
