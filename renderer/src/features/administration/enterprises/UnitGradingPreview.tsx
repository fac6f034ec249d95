import { Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import { useGb18218Table } from '../../common/useGb18218Table';
import type { EnterpriseFormValues } from './enterprise-form-values';
import type { UnitFormValues } from './unit-form-values';
import { previewUnit } from './unit-form-values';

const LEVEL_COLOURS = { 1: 'red', 2: 'volcano', 3: 'orange', 4: 'gold' } as const;
const round = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * How the unit grades as entered (GB 18218-2018: level and R, or S when it is no major hazard
 * source), recomputed as the administrator types, so the record's grading is seen before saving.
 */
export function UnitGradingPreview({
  form,
  unit,
}: {
  form: FormInstance<EnterpriseFormValues>;
  unit: number;
}) {
  const { t } = useTranslation();
  const values = Form.useWatch(['units', unit], form) as UnitFormValues | undefined;
  const people = Form.useWatch('peopleWithin500m', form) as number | null | undefined;
  // The edition in force on this device, as the enterprise file will grade it.
  const table = useGb18218Table() ?? defaultGb18218Table;
  const preview = useMemo(() => previewUnit(values, people, table), [values, people, table]);
  if (!preview.ok) {
    return (
      <Typography.Text type="secondary" role="status">
        {t('adminEnterprises.units.previewIncomplete')}
      </Typography.Text>
    );
  }
  const { level, R, S } = preview.grading;
  return (
    <span role="status">
      {level === null ? (
        <Tag>{t('adminEnterprises.units.previewNotMajor', { S: round(S) })}</Tag>
      ) : (
        <Tag color={LEVEL_COLOURS[level]}>
          {t('adminEnterprises.units.previewLevel', { level, R: round(R), S: round(S) })}
        </Tag>
      )}
    </span>
  );
}
