// How the published results of a draw (抽查结果公示) are derived: for each visit of the draw, the
// submitted inspection made from the visit's task and the hazards recorded on it. Only what the
// server holds and has checked counts: an inspection is taken only when it is submitted, not
// deleted, at the visit's enterprise, by one of the visit's agencies, and names a task of this
// draw for that enterprise; its hazards only when they are recorded on it at that enterprise.
import type { DrawnVisit } from '../schemas/draw';
import type { Finding } from '../schemas/finding';
import type { Inspection } from '../schemas/inspection';
import type { PublicationOutcome, PublicationRow } from '../schemas/publication';
import type { Task } from '../schemas/task';
import { chinaDateOf } from './calendar-date';

export interface PublicationNames {
  enterprise(id: string): string;
  agency(id: string): string;
  /** A checklist template's title. */
  template(id: string): string;
}

export interface PublicationSources {
  drawId: string;
  visits: readonly DrawnVisit[];
  /** The draw's tasks, withdrawn ones too (a visit made from one before a redraw still counts). */
  tasks: readonly Task[];
  /** Inspections that name one of the tasks; the rule picks those that count. */
  inspections: readonly Inspection[];
  /** Hazards of those inspections. */
  findings: readonly Finding[];
}

const finishedOf = (i: Inspection) => i.finishedAt ?? i.startedAt;

/** The inspection a visit's result comes from: the first finished of those that count. */
export function visitInspection(
  drawId: string,
  visit: Pick<DrawnVisit, 'enterpriseId' | 'agencyIds'>,
  tasks: readonly Task[],
  inspections: readonly Inspection[],
): Inspection | null {
  const taskIds = new Set(
    tasks
      .filter((t) => t.drawId === drawId && t.enterpriseId === visit.enterpriseId)
      .map((t) => t.id),
  );
  const counted = inspections.filter(
    (i) =>
      i.status === 'submitted' &&
      i.deletedAt === null &&
      i.enterpriseId === visit.enterpriseId &&
      typeof i.taskId === 'string' &&
      taskIds.has(i.taskId) &&
      i.agencyIds.some((a) => visit.agencyIds.includes(a)),
  );
  return (
    counted.reduce<Inspection | null>(
      (first, i) =>
        first === null || Date.parse(finishedOf(i)) < Date.parse(finishedOf(first)) ? i : first,
      null,
    ) ?? null
  );
}

function templateIdsOf(inspection: Inspection): string[] {
  return inspection.templateRefs?.map((r) => r.id) ?? [inspection.templateId];
}

export function publicationRows(
  sources: PublicationSources,
  names: PublicationNames,
): PublicationRow[] {
  return sources.visits.map((visit) => {
    const inspection =
      visit.unstaffed === null
        ? visitInspection(sources.drawId, visit, sources.tasks, sources.inspections)
        : null;
    const hazards = inspection
      ? sources.findings.filter(
          (f) =>
            f.deletedAt === null &&
            f.inspectionId === inspection.id &&
            f.enterpriseId === inspection.enterpriseId,
        )
      : [];
    const outcome: PublicationOutcome =
      visit.unstaffed !== null
        ? 'unstaffed'
        : inspection === null
          ? 'pending'
          : hazards.length === 0
            ? 'noHazards'
            : 'hazardsFound';
    const answered = inspection?.itemResults.filter((r) => r.result !== 'na') ?? [];
    return {
      enterpriseId: visit.enterpriseId,
      enterpriseName: names.enterprise(visit.enterpriseId),
      riskClass: visit.riskClass,
      agencyIds: visit.agencyIds,
      agencyNames: visit.agencyIds.map((id) => names.agency(id)),
      joint: visit.joint,
      inspectionId: inspection?.id ?? null,
      inspectedOn: inspection ? chinaDateOf(finishedOf(inspection)) : null,
      checklists: inspection ? templateIdsOf(inspection).map((id) => names.template(id)) : [],
      itemsChecked: answered.length,
      itemsFailed: answered.filter((r) => r.result === 'fail').length,
      outcome,
      hazards: {
        total: hazards.length,
        major: hazards.filter((f) => f.grade === 'major').length,
        closed: hazards.filter((f) => f.status === 'closed').length,
      },
    };
  });
}
