// A draft inspection ready to close except for its signatures: two certified officers, a
// two-item checklist (one passed, one failed with its hazard), the location recorded.
import type { ChecklistTemplate } from '../../../../../domain/schemas/template';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  makeEnterprise,
  makeFinding,
  makeInspection,
  makeUser,
} from '../../../../support/record-fixtures';
import { makeChecklistTemplate } from '../../support/checklist-template';

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngBlob(marker: number): Blob {
  return new Blob([new Uint8Array([...PNG_MAGIC, marker])], { type: 'image/png' });
}

export function makeTemplate(): ChecklistTemplate {
  return makeChecklistTemplate(
    {
      title: 'Hazardous chemicals',
      sections: [
        {
          title: 'Storage',
          items: [
            { id: 'storage.labels', text: 'Containers are labelled', legalBasis: 'Art. 1' },
            { id: 'storage.alarm', text: 'Gas alarms work', legalBasis: 'Art. 2' },
          ],
        },
      ],
    },
    { version: 3 },
  );
}

export async function seedClosing(db: FieldInspectorDb, leadId: string) {
  const lead = makeUser({ id: leadId, displayName: 'Li Ming', username: 'inspector.li' });
  const co = makeUser({
    displayName: 'Wang Fang',
    username: 'inspector.wang',
    certificateNo: 'AJ-330604-02',
  });
  const template = makeTemplate();
  const enterprise = makeEnterprise({ name: 'Shangyu Fine Chemicals' });
  const inspection = makeInspection({
    enterpriseId: enterprise.id,
    templateId: template.id,
    templateVersion: template.version,
    leadInspectorId: lead.id,
    coInspectorIds: [co.id],
    status: 'draft',
    version: 0,
    location: { lat: 30.1, lon: 120.8, accuracyM: 12 },
    itemResults: [
      { itemId: 'storage.labels', result: 'pass', note: '' },
      { itemId: 'storage.alarm', result: 'fail', note: 'No alarm in store 2' },
    ],
  });
  const finding = makeFinding({
    inspectionId: inspection.id,
    enterpriseId: enterprise.id,
    itemId: 'storage.alarm',
    title: 'Gas alarm missing in store 2',
    deadline: '2026-12-15',
  });
  await db.users.bulkPut([lead, co]);
  await db.templates.put(template);
  await db.enterprises.put(enterprise);
  await db.inspections.put(inspection);
  await db.findings.put(finding);
  return { lead, co, template, enterprise, inspection, finding };
}
