// The printable record of a draw (摇号记录): the seed and its source, the algorithm's version,
// the hash of each input list and of the result, and the result itself, so that anyone holding
// the lists can re-run the draw and check it.
import { Alert, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import type { DrawInputHashes, DrawRecord } from '../../../../domain/schemas/draw';
import { useCaseNames } from '../cases/useCaseNames';
import { useServerLoad } from '../common/useServerLoad';
import { Field } from '../documents/DocumentParts';
import { chineseDate, chineseDateTime } from '../documents/document-text';
import { PrintToolbar } from '../documents/PrintToolbar';
import { PrintedHeading } from './PrintedHeading';
import { RISK_CLASS_TEXT } from './publication-sheet';
import { HASH_LABEL, printedPeriod, RECORD } from './publication-text';
import { useAgencies, usePlansClient } from './usePlans';
import '../documents/print.css';

const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

export function DrawRecordPrintScreen() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const client = usePlansClient();
  const names = useCaseNames();
  const { state } = useServerLoad(() => client.draw(id), `draw:${id}`);
  const agencies = useAgencies('');

  if (state.status === 'offline') return <Alert type="info" showIcon title={t('plans.offline')} />;
  if (state.status === 'failed') return <Result status="404" title={t('documents.notFound')} />;
  if (state.status === 'loading') return <Spin />;
  const d: DrawRecord = state.data.draw;
  const agency = agencies.name(d.agencyId);

  return (
    <div className="fi-print-page" data-print-ready="true">
      <PrintToolbar fileName={`${RECORD.title}-${d.year}-${d.periodKey}-${d.id.slice(-8)}.pdf`} />
      <article className="fi-document" aria-label={RECORD.title}>
        <PrintedHeading issuer={agency} title={RECORD.title} id={d.id} />
        <table className="fi-doc-fields">
          <tbody>
            <Field label={RECORD.agency}>{agency}</Field>
            <Field label={RECORD.plan}>{RECORD.planRevision(d.year, d.planRevision)}</Field>
            <Field label={RECORD.period}>
              {printedPeriod(d.periodKey)}（{chineseDate(d.periodFrom)}—{chineseDate(d.periodTo)}）
            </Field>
            {d.jointPartnerAgencyId ? (
              <Field label={RECORD.partner}>{agencies.name(d.jointPartnerAgencyId)}</Field>
            ) : null}
            <Field label={RECORD.seed}>
              <code style={{ wordBreak: 'break-all' }}>{d.seed.value}</code>
            </Field>
            <Field label={RECORD.seedSource}>
              {d.seed.source === 'public' ? RECORD.seedPublic : RECORD.seedGenerated}
            </Field>
            <Field label={RECORD.seedDescription}>{d.seed.description}</Field>
            <Field label={RECORD.seedRecordedAt}>{chineseDateTime(d.seed.recordedAt)}</Field>
            <Field label={RECORD.drawnAt}>{chineseDateTime(d.drawnAt)}</Field>
            <Field label={RECORD.drawnBy}>{names.user(d.drawnBy)}</Field>
            <Field label={RECORD.algorithm}>{d.algorithm}</Field>
            {d.redraw ? <Field label={RECORD.redraw}>{d.redraw.reason}</Field> : null}
          </tbody>
        </table>
        <h2>{RECORD.hashes}</h2>
        <table className="fi-doc-fields">
          <tbody>
            {(Object.keys(HASH_LABEL) as (keyof DrawInputHashes)[]).map((k) => (
              <Field key={k} label={HASH_LABEL[k]}>
                <code style={{ wordBreak: 'break-all' }}>{d.inputHashes[k]}</code>
              </Field>
            ))}
            <Field label={RECORD.resultHash}>
              <code style={{ wordBreak: 'break-all' }}>{d.resultHash}</code>
            </Field>
          </tbody>
        </table>
        <h2>{RECORD.quotas}</h2>
        <table className="fi-doc-fields">
          <thead>
            <tr>
              {RECORD.quotaHeads.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.result.quotas.map((q) => (
              <tr key={q.riskClass}>
                <td>{RISK_CLASS_TEXT[q.riskClass]}</td>
                <td>{q.population}</td>
                <td>{percent(q.shareBp)}</td>
                <td>{q.wanted}</td>
                <td>{q.eligible}</td>
                <td>{q.drawn}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{RECORD.result}</h2>
        <table className="fi-doc-fields">
          <thead>
            <tr>
              {RECORD.resultHeads.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.result.visits.map((v, i) => (
              <tr key={v.enterpriseId}>
                <td>{i + 1}</td>
                <td>{names.enterprise(v.enterpriseId)}</td>
                <td>{RISK_CLASS_TEXT[v.riskClass]}</td>
                <td>
                  {v.unstaffed
                    ? RECORD.unstaffed
                    : v.officerIds.map((o) => names.user(o)).join('、')}
                </td>
                <td>
                  {v.agencyIds.map((a) => agencies.name(a)).join('、')}
                  {v.joint ? RECORD.joint : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="fi-doc-notice">{RECORD.howToCheck}</p>
        <p className="fi-doc-issued">
          {agency} {chineseDate(chinaDateOf(d.drawnAt))}
        </p>
      </article>
    </div>
  );
}
