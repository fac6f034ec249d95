import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Amendment, AmendmentChange } from '../../../../domain/schemas/inspection';

const fieldLabels: Record<string, string> = {
  title: 'findingForm.name',
  description: 'findingForm.description',
  category: 'findingForm.category',
  grade: 'findingForm.grade',
  legalBasis: 'findingForm.legalBasis',
  requirement: 'findingForm.requirement',
  deadline: 'findingForm.deadline',
  responsiblePerson: 'findingForm.responsiblePerson',
  photos: 'findingForm.photos',
};

/** A stored value as a reader sees it: codes translated, photos counted, blanks named. */
function shown(t: TFunction, field: string, value: string | null): string {
  if (value === null || value === '') return t('amendments.empty');
  if (field === 'category') return t(`findingForm.categories.${value}`);
  if (field === 'grade') return t(`grade.${value}`);
  if (field === 'kind') return t(`inspectionKind.${value}`);
  return value;
}

/** A changed field's name: a hazard form's label, or the inspection field's. */
function fieldLabel(t: TFunction, field: string, ofFinding: boolean): string {
  const label = ofFinding ? fieldLabels[field] : `conflicts.fields.${field}`;
  return label ? t(label, { defaultValue: field }) : field;
}

function changeText(t: TFunction, change: AmendmentChange, ofFinding: boolean): string {
  return t('amendments.change', {
    field: fieldLabel(t, change.field, ofFinding),
    before: shown(t, change.field, change.before),
    after: shown(t, change.field, change.after),
  });
}

/**
 * What an amendment changed, before and after: the inspection's fields, or which hazard it
 * corrected or added and what changed in it.
 */
export function AmendmentChanges({ amendment }: { amendment: Amendment }) {
  const { t } = useTranslation();
  if (amendment.findingId === undefined) {
    const changes = amendment.changes ?? [];
    if (changes.length === 0) return null;
    return (
      <ul style={{ margin: 0, paddingInlineStart: 16, whiteSpace: 'pre-line' }}>
        {changes.map((change) => (
          <li key={change.field}>{changeText(t, change, false)}</li>
        ))}
      </ul>
    );
  }
  const title = amendment.findingTitle ?? '';
  // An added hazard lists every field; its "before" is empty throughout, so only "after" is news.
  const changes = amendment.changes ?? [];
  return (
    <div>
      <Typography.Text strong>
        {t(amendment.findingAdded ? 'amendments.findingAdded' : 'amendments.findingCorrected', {
          title,
        })}
      </Typography.Text>
      {amendment.findingAdded ? null : (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {changes.map((change) => (
            <li key={change.field}>{changeText(t, change, true)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
