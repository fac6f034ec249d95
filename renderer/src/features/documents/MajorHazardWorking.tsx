import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { gradeEnterprise } from '../../../../domain/rules/gb18218';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { useGb18218Table } from '../common/useGb18218Table';
import { enterpriseLines } from '../enterprises/unit-working';

/**
 * The enterprise's major hazard sources on a printed document: each unit's GB 18218-2018 working
 * as a table of its terms and its S, α, R and level, and the enterprise's level. Printed in
 * Chinese, as the rest of the document, whatever the app's language.
 */
export function MajorHazardWorking({ enterprise }: { enterprise: Enterprise }) {
  const table = useGb18218Table();
  // Nothing is printed until the device's table is read: the record names the edition it used.
  return table ? <Working enterprise={enterprise} table={table} /> : null;
}

function Working({ enterprise, table }: { enterprise: Enterprise; table: Gb18218Table }) {
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT('zh-CN'), [i18n]);
  const lines = useMemo(
    () => enterpriseLines(gradeEnterprise(enterprise, table), t, 'zh'),
    [enterprise, table, t],
  );
  return (
    <section aria-label={t('hazardWorking.record')} className="fi-doc-units">
      <h2>{t('hazardWorking.record')}</h2>
      <p>
        {lines.result}
        {t('hazardWorking.recordBasis', { version: lines.tableVersion })}
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
