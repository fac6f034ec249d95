// The print route, loaded on first use: documents are printed rarely and carry their own styles.
import { lazy } from 'react';

export { PRINT_ROUTE } from './document-kinds';

export const LazyPrintScreen = lazy(() =>
  import('./PrintScreen').then((m) => ({ default: m.PrintScreen })),
);
