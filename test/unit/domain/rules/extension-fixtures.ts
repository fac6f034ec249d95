// An enterprise's request for more time on a hazard, granted, as the extension's rule, document
// and print-page tests record it: asked for 2027-01-15 on 2026-11-28, granted to 2027-01-10.
import type { ExtensionRequest } from '../../../../domain/schemas/finding';

/** The supervisor who decides the request. */
export const EXTENSION_SUPERVISOR = '0197a000-0000-7000-8000-0000000000e2';

/** The granted request; `recordedBy` defaults to the supervisor, `decidedAt` is each test's own. */
export function grantedExtension({
  recordedBy = EXTENSION_SUPERVISOR,
  decidedAt,
}: {
  recordedBy?: string;
  decidedAt: string;
}): ExtensionRequest {
  return {
    id: '0197a000-0000-7000-8000-00000000ab12',
    requestedOn: '2026-11-28',
    reason: '防爆电机到货延迟',
    requestedDeadline: '2027-01-15',
    recordedBy,
    recordedAt: '2026-11-28T02:00:00.000Z',
    decision: {
      result: 'granted',
      newDeadline: '2027-01-10',
      comment: '',
      decidedBy: EXTENSION_SUPERVISOR,
      decidedAt,
    },
  };
}
