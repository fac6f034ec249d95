// The printable documents of an inspection and their print route.
export const printableDocuments = ['record', 'order', 'reinspection'] as const;
export type PrintableDocument = (typeof printableDocuments)[number];

export function isPrintableDocument(value: string | undefined): value is PrintableDocument {
  return (printableDocuments as readonly (string | undefined)[]).includes(value);
}

/** The route path, for <Route path>. */
export const PRINT_ROUTE = '/print/inspections/:id/:document';

export function printPath(inspectionId: string, document: PrintableDocument): string {
  return `/print/inspections/${encodeURIComponent(inspectionId)}/${document}`;
}
