import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import { regradeSnapshot } from '../../../../domain/rules/grading-snapshot';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { GradingSnapshot } from '../../../../domain/schemas/grading-snapshot';
import { useGb18218Editions, useGb18218Table } from '../common/useGb18218Table';
import { enterpriseLines } from '../enterprises/unit-working';
import { chineseDateTime } from './document-text';

interface Props {
  /** The enterprise as this device holds it today; undefined when it is not on the device. */
  enterprise: Enterprise | null | undefined;
  /**
   * The grading kept when the inspection was submitted. Without one (a record submitted before
   * it was kept) the enterprise's units of today are graded, and the record says so.
   */
  snapshot?: GradingSnapshot | null;
}

/**
 * The enterprise's major hazard sources on a printed inspection record: each unit's GB 18218-2018
 * working as a table of its terms and its S, α, R and level, and the enterprise's level, as the
 * units stood when the inspection was submitted where the record kept them. Printed in Chinese,
 * as the rest of the document, whatever the app's language.
 */
export function MajorHazardWorking(props: Props) {
  const table = useGb18218Table();
  const editions = useGb18218Editions();
  // Nothing is printed until the device's tables are read: the record names the edition it used.
  return table && editions ? <Working {...props} table={table} editions={editions} /> : null;
}

function Working({
  enterprise,
  snapshot = null,
  table,
  editions,
}: Props & { table: Gb18218Table; editions: readonly Gb18218Table[] }) {
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('zh-CN'), [i18n]);
  const basis = useMemo(() => {
    const kept = snapshot ? regradeSnapshot(snapshot, editions) : undefined;
    if (snapshot && kept) return { grading: kept, at: snapshot.at, note: null };
    const note = snapshot
      ? t('hazardWorking.recordSnapshotUnreadable', { version: snapshot.tableVersion.label })
      : t('hazardWorking.recordNoSnapshot');
    return enterprise ? { grading: gradeEnterprise(enterprise, table), at: null, note } : null;
  }, [enterprise, snapshot, table, editions, t]);
  const lines = useMemo(() => (basis ? enterpriseLines(basis.grading, t, 'zh') : null), [basis, t]);
  if (!basis || !lines) return null;
  return (
    <section aria-label={t('hazardWorking.record')} className="fi-doc-units">
      <h2>{t('hazardWorking.record')}</h2>
      {basis.note ? <p className="fi-doc-footnote">{basis.note}</p> : null}
      <p>
        {lines.result}
        {basis.at
          ? t('hazardWorking.recordBasisSubmitted', {
              at: chineseDateTime(basis.at),
              version: lines.tableVersion,
            })
          : t('hazardWorking.recordBasis', { version: lines.tableVersion })}
      </p>
      {lines.units.map((unit, i) => (
        <div key={i} className="fi-doc-unit">
          <h3>{unit.title}</h3>
          {unit.terms.length > 0 ? (
            <table className="fi-doc-fields fi-doc-terms">
              <thead>
                <tr>
                  <th>{t('hazardWorking.substance')}</th>
                  <th>{t('enterpriseFile.q')}</th>
                  <th>{t('enterpriseFile.Q')}</th>
                  <th>{t('hazardWorking.qBasis')}</th>
                  <th>{t('enterpriseFile.qOverQ')}</th>
                  <th>{t('enterpriseFile.beta')}</th>
                  <th>{t('hazardWorking.betaBasis')}</th>
                  <th>{t('enterpriseFile.betaQOverQ')}</th>
                </tr>
              </thead>
              <tbody>
                {unit.terms.map((term) => (
                  <tr key={term.key}>
                    <td>{term.substance}</td>
                    <td>{term.q}</td>
                    <td>{term.Q}</td>
                    <td>{term.qBasis}</td>
                    <td>{term.qOverQ}</td>
                    <td>{term.beta}</td>
                    <td>{term.betaBasis}</td>
                    <td>{term.betaQOverQ}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p>
            {t('hazardWorking.summary', {
              S: unit.S,
              people: unit.people,
              alpha: unit.alpha,
              R: unit.R,
            })}
          </p>
          <p>{unit.result}</p>
          {unit.notCounted.length > 0 ? (
            <p>
              {t('hazardWorking.notCountedLine', {
                holdings: unit.notCounted.join(t('hazardWorking.listSep')),
              })}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
