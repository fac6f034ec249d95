// What was chosen when an inspection began (its co-inspectors, checklist templates and place)
// stays open to change by its lead until it is submitted. Owns the check of such a change and
// what it does to the draft: the agencies follow the officers, answers to items of a template
// taken away go with it, and signatures already given go too (they signed another record). The
// device applies it (db/repositories/draft-setup.ts); the server holds the officers to the same
// rules (server/src/sync/inspection-rules.ts).
import type { Inspection } from '../schemas/inspection';
import type { ChecklistTemplate } from '../schemas/template';
import type { User } from '../schemas/user';
import { officerAgencyIds, officerProblem } from './officers';
import type { OfficerProblem } from './officers';

export interface DraftSetup {
  coInspectorIds: readonly string[];
  /** Every template used, in order; the first is also the inspection's templateId. */
  templates: readonly Pick<ChecklistTemplate, 'id' | 'version'>[];
  location: Inspection['location'];
}

export type DraftSetupProblem =
  | { code: 'notDraft' }
  | { code: 'notLead' }
  | { code: 'templates.required' }
  | { code: 'templates.tooMany' }
  | { code: 'location.required' }
  | { code: 'coInspector'; userId: string; problem: OfficerProblem };

/** The most templates one inspection combines (the schema's limit). */
const MAX_TEMPLATES = 10;

/**
 * Why `editorId` may not make this change, or an empty list. Co-inspectors already named keep
 * their place (as on the server, an officer is checked when added).
 */
export function draftSetupProblems(
  inspection: Pick<Inspection, 'status' | 'leadInspectorId' | 'coInspectorIds' | 'deletedAt'>,
  setup: DraftSetup,
  editorId: string,
  users: readonly Pick<User, 'id' | 'role' | 'certificateNo' | 'deletedAt'>[],
): DraftSetupProblem[] {
  if (inspection.status !== 'draft' || inspection.deletedAt !== null) return [{ code: 'notDraft' }];
  if (inspection.leadInspectorId !== editorId) return [{ code: 'notLead' }];
  const problems: DraftSetupProblem[] = [];
  if (setup.templates.length === 0) problems.push({ code: 'templates.required' });
  if (setup.templates.length > MAX_TEMPLATES) problems.push({ code: 'templates.tooMany' });
  if (setup.location === null) problems.push({ code: 'location.required' });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const userId of setup.coInspectorIds) {
    if (userId === inspection.leadInspectorId || inspection.coInspectorIds.includes(userId)) {
      continue;
    }
    const problem = officerProblem(byId.get(userId));
    if (problem !== null) problems.push({ code: 'coInspector', userId, problem });
  }
  return problems;
}

/** The ids of the items of these templates. */
function itemIds(templates: readonly Pick<ChecklistTemplate, 'sections'>[]): Set<string> {
  return new Set(templates.flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.id))));
}

/**
 * The answers a change of templates drops: those to items that none of the templates kept lists
 * (an item found in two templates stays answered while one of them is kept).
 */
export function droppedAnswers(
  inspection: Pick<Inspection, 'itemResults'>,
  kept: readonly Pick<ChecklistTemplate, 'sections'>[],
): Inspection['itemResults'] {
  const ids = itemIds(kept);
  return inspection.itemResults.filter((r) => !ids.has(r.itemId));
}

/** Whether the change alters anything of the record, so that its signatures no longer hold. */
export function setupChanges(inspection: Inspection, setup: DraftSetup): boolean {
  const refs = inspection.templateRefs ?? [
    { id: inspection.templateId, version: inspection.templateVersion },
  ];
  const sameTemplates =
    refs.length === setup.templates.length &&
    refs.every(
      (r, i) => r.id === setup.templates[i]?.id && r.version === setup.templates[i].version,
    );
  const co = [...new Set(setup.coInspectorIds)].filter((id) => id !== inspection.leadInspectorId);
  const sameOfficers =
    co.length === inspection.coInspectorIds.length &&
    co.every((id, i) => inspection.coInspectorIds[i] === id);
  const sameLocation = JSON.stringify(inspection.location) === JSON.stringify(setup.location);
  return !(sameTemplates && sameOfficers && sameLocation);
}

/**
 * The draft after the change (its `updatedAt` is the caller's): officers and their agencies,
 * templates, place; answers only to items of the templates kept; no signatures when anything
 * changed. `templates` are the chosen templates' contents, `users` the directory.
 */
export function applyDraftSetup(
  inspection: Inspection,
  setup: DraftSetup,
  templates: readonly Pick<ChecklistTemplate, 'sections'>[],
  users: readonly Pick<User, 'id' | 'agencyId'>[],
): Inspection {
  const [first] = setup.templates;
  if (!first) throw new RangeError('an inspection needs at least one checklist template');
  if (!setupChanges(inspection, setup)) return inspection;
  const coInspectorIds = [...new Set(setup.coInspectorIds)].filter(
    (id) => id !== inspection.leadInspectorId,
  );
  const officers = { leadInspectorId: inspection.leadInspectorId, coInspectorIds };
  const kept = itemIds(templates);
  return {
    ...inspection,
    coInspectorIds,
    agencyIds: officerAgencyIds(officers, users),
    templateId: first.id,
    templateVersion: first.version,
    templateRefs: setup.templates.map(({ id, version }) => ({ id, version })),
    location: setup.location,
    itemResults: inspection.itemResults.filter((r) => kept.has(r.itemId)),
    signatures: [],
  };
}
