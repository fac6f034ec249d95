import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayRecordReceipt, unservedDocuments } from '../../../../domain/rules/case-receipts';
import { handlersOf } from '../../../../domain/rules/penalty-stages';
import type { CaseDocumentKind, PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { useProfile } from '../../session/session-context';
import { ApiError, isOffline } from '../../sync/errors';
import { ServiceReceiptDialog } from '../documents/ServiceReceiptDialog';
import type { ExportPng } from '../signatures/export-signature';
import { saveCaseReceipt } from './case-receipt-save';
import { useCasesClient } from './useCases';

interface Props {
  theCase: PenaltyCase;
  kind: CaseDocumentKind;
  onChanged: () => void;
  /** How strokes become PNG bytes; tests pass their own (jsdom has no canvas encoder). */
  exportPng?: ExportPng;
}

/**
 * "Record service receipt" for a document the case issued to the party and has not yet recorded
 * as served, shown to who may record it while the case runs; the server checks it all again.
 */
export function CaseReceiptAction({ theCase: c, kind, onChanged, exportPng }: Props) {
  const { t } = useTranslation();
  const { session, client } = useProfile();
  const cases = useCasesClient();
  const [open, setOpen] = useState(false);
  const may =
    c.status === 'open' && mayRecordReceipt(session.user, c) && unservedDocuments(c).includes(kind);
  if (!may) return null;
  const errorText = (error: unknown) =>
    isOffline(error)
      ? t('cases.offline')
      : error instanceof ApiError
        ? t(`cases.errors.${error.code}`, { defaultValue: t('receipt.failed') })
        : undefined;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('receipt.record')}
      </Button>
      {open ? (
        <ServiceReceiptDialog
          document={kind}
          servedBy={handlersOf(c)}
          save={async (input) => {
            await saveCaseReceipt(cases, client, c, input);
            onChanged();
          }}
          errorText={errorText}
          savedText={t('receipt.savedOnServer')}
          onClose={() => setOpen(false)}
          {...(exportPng ? { exportPng } : {})}
        />
      ) : null}
    </>
  );
}
