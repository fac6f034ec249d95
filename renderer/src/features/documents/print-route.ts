// The print route, loaded on first use: documents are printed rarely and carry their own styles.
import { lazy } from 'react';

export { PRINT_ROUTE } from './document-kinds';

/** A granted extension's decision (延期整改审批表), by its hazard and request. */
export const EXTENSION_PRINT_ROUTE = '/print/extensions/:findingId/:extensionId';

export function extensionPrintPath(findingId: string, extensionId: string): string {
  return `/print/extensions/${encodeURIComponent(findingId)}/${encodeURIComponent(extensionId)}`;
}

export const LazyExtensionPrintScreen = lazy(() =>
  import('./ExtensionPrintScreen').then((m) => ({ default: m.ExtensionPrintScreen })),
);

export const LazyPrintScreen = lazy(() =>
  import('./PrintScreen').then((m) => ({ default: m.PrintScreen })),
);
