import { Alert, Result, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { caseDocumentKindSchema } from '../../../../domain/schemas/penalty-case';
import { getAgency } from '../../db/repositories/agencies';
import { useProfile } from '../../session/session-context';
import { PrintToolbar } from '../documents/PrintToolbar';
import { CaseDocument } from './CaseDocument';
import { CASE_DOC_TITLES } from './case-document-text';
import { useCaseNames } from './useCaseNames';
import { isOffline } from '../../sync/errors';
import { useCasesClient } from './useCases';
import '../documents/print.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; theCase: PenaltyCase }
  | { status: 'offline' }
  | { status: 'missing' };

/** The print route of one case document: the page alone, read from the server. */
export function CasePrintScreen() {
  const { t } = useTranslation();
  const params = useParams();
  const { db } = useProfile();
  const client = useCasesClient();
  const names = useCaseNames();
  const kind = caseDocumentKindSchema.safeParse(params.document);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const id = params.id ?? '';
  useEffect(() => {
    let current = true;
    client.get(id).then(
      (theCase) => current && setLoaded({ status: 'ready', theCase }),
      (error: unknown) =>
        current && setLoaded({ status: isOffline(error) ? 'offline' : 'missing' }),
    );
    return () => {
      current = false;
    };
  }, [client, id]);
  const agencyId = loaded.status === 'ready' ? loaded.theCase.agencyId : '';
  const agency = useLiveQuery(() => getAgency(db, agencyId), [db, agencyId]);

  if (loaded.status === 'offline') return <Alert type="info" showIcon title={t('cases.offline')} />;
  if (!kind.success || loaded.status === 'missing') {
    return <Result status="404" title={t('documents.notFound')} />;
  }
  if (loaded.status === 'loading') return <Spin />;
  const theCase = loaded.theCase;
  if (!theCase.documents.some((d) => d.kind === kind.data)) {
    return <Result status="404" title={t('documents.notFound')} />;
  }

  const fileName = `${CASE_DOC_TITLES[kind.data]}-${theCase.number ?? theCase.id}.pdf`.replace(
    /[/\\:*?"<>|]/g,
    '',
  );

  return (
    <div className="fi-print-page" data-print-ready="true">
      <PrintToolbar fileName={fileName} />
      <CaseDocument theCase={theCase} kind={kind.data} issuer={agency?.name ?? ''} names={names} />
    </div>
  );
}
