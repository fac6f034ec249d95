import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { useGb18218Table } from '../common/useGb18218Table';
import { enterpriseLines } from './unit-working';
import { UnitWorking } from './UnitWorking';

/**
 * Every unit of the enterprise with its GB 18218-2018 identification and grading, term by term,
 * and the enterprise's level: the most severe of its units.
 */
export function MajorHazardSourceCard({ enterprise }: { enterprise: Enterprise }) {
  const table = useGb18218Table();
  const { t } = useTranslation();
  return (
    <Card title={t('enterpriseFile.chemicals')} size="small" loading={table === undefined}>
      {table ? <Grading enterprise={enterprise} table={table} /> : null}
    </Card>
  );
}

function Grading({ enterprise, table }: { enterprise: Enterprise; table: Gb18218Table }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const grading = useMemo(
    () => gradeEnterprise(enterprise, table),
    [enterprise.units, enterprise.peopleWithin500m, table], // eslint-disable-line react-hooks/exhaustive-deps -- a new copy of the record grades again only when these change
  );
  const lines = useMemo(() => enterpriseLines(grading, t, lang), [grading, t, lang]);
  return (
    <>
      {enterprise.units.length === 0 ? (
        <Typography.Text type="secondary">{t('hazardWorking.noUnits')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph strong style={{ marginBottom: 0 }}>
            {lines.result}
          </Typography.Paragraph>
          {lines.units.map((unit, i) => (
            <UnitWorking key={i} lines={unit} />
          ))}
        </>
      )}
    </>
  );
}
