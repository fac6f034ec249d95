// The draw dialog's values and the request they make. A request carries an idempotency key, so
// that sending it again after a lost answer gives the draw the server made the first time; the
// key is kept while the request stays the same and a new one is made when it changes (the server
// refuses a key used for another request).
import { v7 as uuidv7 } from 'uuid';
import { canonicalJson } from '../../../../domain/rules/canonical-json';
import type { DrawRequest } from '../../../../domain/schemas/plan-requests';
import { drawRequestSchema } from '../../../../domain/schemas/plan-requests';

export interface DrawFormValues {
  periodKey: string;
  seedSource: 'public' | 'generated';
  /** The published number, for a public seed. */
  seedValue: string;
  /** Which published source and issue, or a note on a generated seed. */
  seedDescription: string;
  /** The partner agency of a joint draw; empty for the agency alone. */
  jointPartnerAgencyId: string;
  /** Why the draw in force is replaced, for a redraw. */
  redrawReason: string;
}

export type DrawContent = Omit<DrawRequest, 'idempotencyKey'>;

export function drawContentOf(values: DrawFormValues, redrawOf: string | null): DrawContent {
  return {
    periodKey: values.periodKey,
    seed:
      values.seedSource === 'public'
        ? { source: 'public', value: values.seedValue.trim(), description: values.seedDescription }
        : { source: 'generated', description: values.seedDescription },
    jointPartnerAgencyId: values.jointPartnerAgencyId === '' ? null : values.jointPartnerAgencyId,
    redraw: redrawOf === null ? null : { of: redrawOf, reason: values.redrawReason },
  };
}

/** The key a request was sent with, and what it was sent for. */
export interface HeldKey {
  key: string;
  content: string;
}

/** The key to send `content` with: the held one for the same request, else a new one. */
export function keyFor(held: HeldKey | null, content: DrawContent): HeldKey {
  const text = canonicalJson(content);
  return held !== null && held.content === text ? held : { key: uuidv7(), content: text };
}

export type CheckedDraw =
  { ok: true; request: DrawRequest } | { ok: false; problems: { name: string; message: string }[] };

const FIELD_OF: Record<string, keyof DrawFormValues> = {
  periodKey: 'periodKey',
  'seed.value': 'seedValue',
  'seed.description': 'seedDescription',
  jointPartnerAgencyId: 'jointPartnerAgencyId',
  'redraw.reason': 'redrawReason',
};

/** The request checked with the domain's schema; problems named by the dialog's fields. */
export function checkDraw(content: DrawContent, key: string): CheckedDraw {
  const parsed = drawRequestSchema.safeParse({ idempotencyKey: key, ...content });
  if (parsed.success) return { ok: true, request: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      name: FIELD_OF[issue.path.join('.')] ?? '',
      message: issue.message,
    })),
  };
}
