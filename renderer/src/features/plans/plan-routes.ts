// The routes of the plan pages reached from the plans screen, and the print routes of a draw's
// record and its published results, each loaded on first use.
import { lazy } from 'react';

export const PLAN_DRAWS_ROUTE = '/plans/:id/draws';
export const DRAW_RECORD_PRINT_ROUTE = '/print/draws/:id/record';
export const PUBLICATION_PRINT_ROUTE = '/print/draws/:id/results';

export const drawsPath = (planId: string) => `/plans/${encodeURIComponent(planId)}/draws`;
export const drawRecordPrintPath = (drawId: string) =>
  `/print/draws/${encodeURIComponent(drawId)}/record`;
export const publicationPrintPath = (drawId: string) =>
  `/print/draws/${encodeURIComponent(drawId)}/results`;

export const LazyDrawRecordPrintScreen = lazy(() =>
  import('./DrawRecordPrintScreen').then((m) => ({ default: m.DrawRecordPrintScreen })),
);
export const LazyPublicationPrintScreen = lazy(() =>
  import('./PublicationPrintScreen').then((m) => ({ default: m.PublicationPrintScreen })),
);
