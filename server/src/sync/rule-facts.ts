// Owns what the rules of inspection-rules.ts and checkLockedFinding read beyond the records a
// batch writes and refers to: the user directory, the templates and hazards of an inspection being
// submitted, and the amendments earlier changes of a hazard named. Each is read only when a
// mutation needs it, at most once per batch, and the batch's own earlier writes count as stored.
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import { templateSchema } from '../../../domain/schemas/template';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Finding } from '../../../domain/schemas/finding';
import type { Queryable } from '../db/database';
import type { StoredRecord } from './stored-records';

type FindingOfSubmission = Pick<Finding, 'inspectionId' | 'itemId' | 'deletedAt'>;

export interface RuleFacts {
  /** Every user as the server holds them, by id. */
  users(): Promise<ReadonlyMap<string, User>>;
  /** The ids of the users an administrator deactivated (migration 9). */
  deactivatedUsers(): Promise<ReadonlySet<string>>;
  /**
   * The templates an inspection uses and its hazards, for the submission check, and the ids of
   * templates it names that the server does not hold (a checklist nobody could have answered).
   */
  submission(inspection: Record<string, unknown>): Promise<{
    templates: Pick<ChecklistTemplate, 'sections'>[];
    findings: FindingOfSubmission[];
    missingTemplateIds: string[];
  }>;
  /** The amendments that changes of the hazard named before, in history or in this batch. */
  usedAmendments(findingId: string, withHistory: boolean): Promise<ReadonlySet<string>>;
  /** Remembers that an applied change of the hazard named `amendedAt`. */
  noteAmendmentUsed(findingId: string, amendedAt: string): void;
}

/**
 * The facts of one batch (or of one server-side change), read through `tx`. `cache` is the
 * batch's map of the records it writes, updated as it goes: what it holds wins over the table.
 */
export function ruleFacts(tx: Queryable, cache: ReadonlyMap<string, StoredRecord>): RuleFacts {
  let users: Promise<Map<string, User>> | undefined;
  let deactivated: Promise<Set<string>> | undefined;
  const usedInBatch = new Map<string, Set<string>>();
  const inCache = (entity: string) => [...cache.values()].filter((r) => r.entity === entity);

  return {
    users() {
      users ??= (async () => {
        const rows = await tx.query<{ data: unknown }>(
          "SELECT data FROM records WHERE entity = 'user'",
        );
        const byId = new Map<string, User>();
        for (const data of [...rows.map((r) => r.data), ...inCache('user').map((r) => r.data)]) {
          const parsed = userSchema.safeParse(data);
          if (parsed.success) byId.set(parsed.data.id, parsed.data);
        }
        return byId;
      })();
      return users;
    },

    deactivatedUsers() {
      deactivated ??= tx
        .query<{ id: string }>('SELECT user_id::text AS id FROM deactivated_users')
        .then((rows) => new Set(rows.map((r) => r.id)));
      return deactivated;
    },

    async submission(inspection) {
      const refs = Array.isArray(inspection.templateRefs)
        ? (inspection.templateRefs as { id?: unknown }[]).map((r) => r.id)
        : [];
      const templateIds = [...new Set([inspection.templateId, ...refs])].filter(
        (id): id is string => typeof id === 'string',
      );
      const templateRows = await tx.query<{ data: unknown }>(
        `SELECT data FROM records WHERE entity = 'template' AND deleted_at IS NULL
         AND id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(templateIds)],
      );
      const templates = templateRows.flatMap((r) => {
        const parsed = templateSchema.safeParse(r.data);
        return parsed.success ? [parsed.data] : [];
      });
      const held = new Set(templates.map((t) => t.id));
      const missingTemplateIds = templateIds.filter((id) => !held.has(id));
      // Found through the enterprise's index: hazards are stored with their inspection's enterprise.
      const stored = await tx.query<{ id: string; data: FindingOfSubmission }>(
        `SELECT id::text AS id, jsonb_build_object('inspectionId', data->'inspectionId',
           'itemId', data->'itemId', 'deletedAt', data->'deletedAt') AS data
         FROM records WHERE entity = 'finding' AND data->>'enterpriseId' = $1
           AND data->>'inspectionId' = $2`,
        [String(inspection.enterpriseId), String(inspection.id)],
      );
      const findings = new Map(stored.map((r) => [r.id, r.data]));
      for (const r of inCache('finding')) {
        if (r.data.inspectionId === inspection.id)
          findings.set(r.id, r.data as FindingOfSubmission);
        else findings.delete(r.id);
      }
      return { templates, findings: [...findings.values()], missingTemplateIds };
    },

    async usedAmendments(findingId, withHistory) {
      const used = new Set(usedInBatch.get(findingId));
      if (!withHistory) return used;
      const rows = await tx.query<{ at: string }>(
        `SELECT DISTINCT v.at FROM history h,
           LATERAL (VALUES (h.before->>'amendedAt'), (h.after->>'amendedAt')) AS v(at)
         WHERE h.entity = 'finding' AND h.id = $1::uuid AND v.at IS NOT NULL`,
        [findingId],
      );
      for (const r of rows) used.add(r.at);
      return used;
    },

    noteAmendmentUsed(findingId, amendedAt) {
      const used = usedInBatch.get(findingId) ?? new Set<string>();
      used.add(amendedAt);
      usedInBatch.set(findingId, used);
    },
  };
}
