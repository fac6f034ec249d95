// The print route of a penalty case's documents, loaded on first use.
import { lazy } from 'react';
import type { CaseDocumentKind } from '../../../../domain/schemas/penalty-case';

export const CASE_PRINT_ROUTE = '/print/cases/:id/:document';

export function casePrintPath(caseId: string, document: CaseDocumentKind): string {
  return `/print/cases/${encodeURIComponent(caseId)}/${document}`;
}

export const LazyCasePrintScreen = lazy(() =>
  import('./CasePrintScreen').then((m) => ({ default: m.CasePrintScreen })),
);
