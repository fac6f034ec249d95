// The official document numbers the server registered (entity `document`, written by the server
// only): read here by the inspection or re-inspection visit that issued them.
import type { RegisteredDocument } from '../../../../domain/schemas/document';
import type { FieldInspectorDb } from '../database';

/**
 * The live documents an inspection issued (its record and order) and the opinions its
 * re-inspection visits issued.
 */
export async function listIssuedDocuments(
  db: FieldInspectorDb,
  inspectionId: string,
  visitIds: readonly string[],
): Promise<RegisteredDocument[]> {
  const documents = await db.documents
    .where('[inspectionId+kind]')
    .between([inspectionId, ''], [inspectionId, '\uffff'])
    .toArray();
  for (const visitId of visitIds) {
    const opinion = await db.documents.get({ inspectionId: visitId, kind: 'reinspection' });
    if (opinion) documents.push(opinion);
  }
  return documents.filter((d) => d.deletedAt === null);
}

/** The decision numbering a granted extension request (延期整改审批表), once pulled. */
export async function getExtensionDecisionDocument(
  db: FieldInspectorDb,
  inspectionId: string,
  extensionId: string,
): Promise<RegisteredDocument | undefined> {
  const documents = await db.documents.where({ inspectionId, kind: 'extension' }).toArray();
  return documents.find((d) => d.extensionId === extensionId && d.deletedAt === null);
}
