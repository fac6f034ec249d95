// Owns numbering the decision that grants an extension of a rectification deadline (延期整改
// 审批表) in the document register, in the push that first brings the grant: one number per
// granted request, in the register of the deciding supervisor's agency, from the same gapless
// counters as every other document (assign-numbers.ts). A refused request issues no document.
import { chinaDateOf, todayInChina } from '../../../domain/rules/calendar-date';
import type { RegisteredDocument } from '../../../domain/schemas/document';
import type { Finding } from '../../../domain/schemas/finding';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import type { WrittenRecord } from '../sync/record-store';
import { registerOneDocument } from './register-one';

interface Grant {
  finding: Finding;
  extensionId: string;
  decidedBy: string;
  issuedOn: string;
}

/** The granted requests of the findings that the register has not numbered yet. */
async function unnumberedGrants(
  tx: Queryable,
  findings: readonly Finding[],
  now: Date,
): Promise<Grant[]> {
  const today = todayInChina(now);
  const grants = findings.flatMap((finding) =>
    (finding.extensions ?? []).flatMap((e) =>
      e.decision?.result === 'granted'
        ? [
            {
              finding,
              extensionId: e.id,
              decidedBy: e.decision.decidedBy,
              issuedOn: [chinaDateOf(e.decision.decidedAt), today].sort()[0] ?? today,
            },
          ]
        : [],
    ),
  );
  if (grants.length === 0) return [];
  const rows = await tx.query<{ source_id: string }>(
    `SELECT source_id::text AS source_id FROM document_register WHERE kind = 'extension'
       AND source_id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify(grants.map((g) => g.extensionId))],
  );
  const numbered = new Set(rows.map((r) => r.source_id));
  return grants.filter((g) => !numbered.has(g.extensionId.toLowerCase()));
}

/** Registers the extension decisions the written findings grant; answers the documents written. */
export async function registerExtensionDecisions(
  tx: Queryable,
  findings: readonly Finding[],
  by: string,
  now: Date,
): Promise<WrittenRecord[]> {
  const grants = await unnumberedGrants(tx, findings, now);
  if (grants.length === 0) return [];
  const deciders = await tx.query<{ id: string; agency_id: string; agency_name: string | null }>(
    `SELECT u.id::text AS id, u.data->>'agencyId' AS agency_id, a.data->>'name' AS agency_name
     FROM records u LEFT JOIN records a ON a.entity = 'agency' AND a.id = (u.data->>'agencyId')::uuid
     WHERE u.entity = 'user'
       AND u.id = ANY (ARRAY(SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)))`,
    [JSON.stringify([...new Set(grants.map((g) => g.decidedBy))])],
  );
  const agencyOf = new Map(deciders.map((d) => [d.id, d]));
  // Counters are locked in a fixed order (agency, year) so that two writers never wait on each other.
  const keyed = grants
    .map((g) => {
      const decider = agencyOf.get(g.decidedBy.toLowerCase());
      if (!decider) throw new Error(`extension ${g.extensionId} was decided by an unknown user`);
      return { ...g, agencyId: decider.agency_id, agencyName: decider.agency_name ?? '' };
    })
    .sort((a, b) =>
      `${a.agencyId}/${a.issuedOn.slice(0, 4)}`.localeCompare(
        `${b.agencyId}/${b.issuedOn.slice(0, 4)}`,
      ),
    );
  const documents: RegisteredDocument[] = [];
  for (const g of keyed) {
    documents.push(
      await registerOneDocument(
        tx,
        {
          kind: 'extension',
          inspectionId: g.finding.inspectionId,
          findingId: g.finding.id,
          extensionId: g.extensionId,
          enterpriseId: g.finding.enterpriseId,
          agencyId: g.agencyId,
          issuedOn: g.issuedOn,
          officerIds: [g.decidedBy],
          agencyName: g.agencyName,
          sourceId: g.extensionId,
        },
        by,
        now,
      ),
    );
  }
  return writeRecords(
    tx,
    documents.map((data) => ({ entity: 'document' as const, data, deviceId: null })),
  );
}
