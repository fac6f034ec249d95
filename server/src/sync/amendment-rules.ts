// Owns the amendment history of an inspection on the server: it only grows. A device's list is
// merged onto the stored one (a device that has not pulled the latest amendments still appends
// its own, and never removes another's), each new amendment gets the server's time, and the new
// ones must be the caller's, of a submitted inspection the caller takes part in, and name exactly
// the content fields the change makes.
import { INSPECTION_CONTENT_FIELDS } from '../../../domain/rules/amendment';
import { sameValue } from '../../../domain/rules/inspection-changes';
import { takesPart } from '../../../domain/rules/officers';
import type { Amendment, Inspection } from '../../../domain/schemas/inspection';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { User } from '../../../domain/schemas/user';

/** An amendment as a device sent it back: the server's own stamp does not make it another. */
function sameAmendment(a: Amendment, b: Amendment): boolean {
  return sameValue({ ...a, recordedAt: undefined }, { ...b, recordedAt: undefined });
}

export type AmendmentMerge =
  { ok: true; amendments: Amendment[]; fresh: Amendment[] } | { ok: false; refusal: Refusal };

/**
 * The stored amendments followed by the new ones the device sent, each stamped `recordedAt: now`.
 * The device's list is what it held (the stored list as it was when it last pulled, so possibly
 * shorter) followed by what it added: entries after that common start that repeat a stored one,
 * or reuse a stored one's identifier (time and author), would reorder or rewrite the history and
 * are refused.
 */
export function mergeAmendments(
  stored: readonly Amendment[],
  sent: readonly Amendment[],
  now: Date,
): AmendmentMerge {
  let kept = 0;
  while (kept < sent.length && kept < stored.length) {
    const a = sent[kept];
    const b = stored[kept];
    if (!a || !b || !sameAmendment(a, b)) break;
    kept++;
  }
  const added = sent.slice(kept);
  const rewrites = added.some((a) =>
    stored.some((s) => sameAmendment(a, s) || (s.at === a.at && s.by === a.by)),
  );
  if (rewrites) return { ok: false, refusal: refusal('amendmentsAppendOnly') };
  const recordedAt = now.toISOString();
  const fresh = added.map((a) => ({ ...a, recordedAt }));
  return { ok: true, amendments: [...stored, ...fresh], fresh };
}

/** The content fields the inspection-level amendments among `fresh` name, each with its changes. */
function namedChanges(
  fresh: readonly Amendment[],
): Map<string, { before: string | null; after: string }[]> {
  const named = new Map<string, { before: string | null; after: string }[]>();
  for (const a of fresh) {
    if (a.findingId !== undefined) continue;
    for (const change of a.changes ?? []) {
      named.set(change.field, [...(named.get(change.field) ?? []), change]);
    }
  }
  return named;
}

/**
 * New amendments of an inspection: each by the caller, who takes part in it, of an inspection
 * that is submitted (as stored, or by this very mutation, whose amendments then travelled with
 * the submission); and, on a stored submitted inspection, the content fields the change makes
 * are exactly those the new inspection-level amendments name. A field named and left as it was
 * is taken only when its named changes lead back to where they started (two amendments made
 * offline that undo each other reach the server as one mutation that changes nothing).
 */
export function checkAmendments(
  user: User,
  before: Inspection | undefined,
  after: Inspection,
  fresh: readonly Amendment[],
  changed: ReadonlySet<string>,
): Refusal | null {
  if (fresh.length > 0) {
    if (after.status !== 'submitted') return refusal('amendmentNotSubmitted');
    const officers = before ?? after;
    if (fresh.some((a) => a.by !== user.id) || !takesPart(officers, user.id)) {
      return refusal('amendmentNotYours');
    }
  }
  if (before?.status !== 'submitted') return null;
  const content = INSPECTION_CONTENT_FIELDS.filter((f) => changed.has(f));
  const named = namedChanges(fresh);
  const unnamed = content.filter((f) => !named.has(f));
  if (unnamed.length > 0) return refusal('amendmentRequired', { fields: unnamed.join(', ') });
  const contentFields: ReadonlySet<string> = new Set(INSPECTION_CONTENT_FIELDS);
  const idle = [...named].filter(([field, changes]) => {
    if (!contentFields.has(field)) return true;
    if (changed.has(field)) return false;
    const first = changes[0];
    const last = changes.at(-1);
    return changes.length < 2 || first?.before !== last?.after;
  });
  if (idle.length > 0) {
    return refusal('amendmentFieldsUnchanged', { fields: idle.map(([f]) => f).join(', ') });
  }
  return null;
}
