// The printable results list of a draw (抽查结果公示): each enterprise, the day it was inspected,
// the inspecting agencies, what was checked and the outcome; with its Excel export.
import { Alert, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { useServerLoad } from '../common/useServerLoad';
import { chineseDate } from '../documents/document-text';
import { PrintToolbar } from '../documents/PrintToolbar';
import { PrintedHeading } from './PrintedHeading';
import { PublicationExportButton } from './PublicationExportButton';
import {
  PUBLICATION_TITLE,
  itemsText,
  outcomeText,
  publicationFileName,
} from './publication-sheet';
import { PUBLICATION } from './publication-text';
import { usePlansClient } from './usePlans';
import '../documents/print.css';

export function PublicationPrintScreen() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const client = usePlansClient();
  const { state } = useServerLoad(() => client.results(id), `results:${id}`);

  if (state.status === 'offline') return <Alert type="info" showIcon title={t('plans.offline')} />;
  if (state.status === 'failed') return <Result status="404" title={t('documents.notFound')} />;
  if (state.status === 'loading') return <Spin />;
  const p = state.data;

  return (
    <div className="fi-print-page" data-print-ready="true">
      <PrintToolbar fileName={publicationFileName(p, 'pdf')}>
        <PublicationExportButton publication={p} />
      </PrintToolbar>
      <article className="fi-document" aria-label={PUBLICATION_TITLE}>
        <PrintedHeading issuer={p.draw.agencyName} title={PUBLICATION_TITLE} id={p.draw.id} />
        <p>{PUBLICATION.period(chineseDate(p.draw.periodFrom), chineseDate(p.draw.periodTo))}</p>
        {p.draw.replaced ? <p>{PUBLICATION.replaced}</p> : null}
        <table className="fi-doc-fields">
          <thead>
            <tr>
              {PUBLICATION.heads.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row, i) => (
              <tr key={row.enterpriseId}>
                <td>{i + 1}</td>
                <td>{row.enterpriseName}</td>
                <td>{row.inspectedOn ? chineseDate(row.inspectedOn) : PUBLICATION.notYet}</td>
                <td>{row.agencyNames.join('、')}</td>
                <td>{itemsText(row) || PUBLICATION.notYet}</td>
                <td>{outcomeText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="fi-doc-issued">
          {p.draw.agencyName} {chineseDate(todayInChina(new Date()))}
        </p>
      </article>
    </div>
  );
}
