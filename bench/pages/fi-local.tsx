// The local capture and query benchmark on the app's side: a large database filled in bulk (not
// timed), then the reads of the hazard list and the enterprise file and the hazard form's save
// with two photos, each through the app's modules, and the same operations done plainly (anchors).
import { gradeEnterprise } from '../../domain/rules/gb18218';
import type { Finding } from '../../domain/schemas/finding';
import {
  benchEnterprises,
  benchFindings,
  benchInspections,
  benchPeople,
  inspectionKeys,
} from '../data/records';
import type { InspectionKey } from '../data/records';
import { createRng, uuidFrom } from '../data/rng';
import { FieldInspectorDb } from '../../renderer/src/db/database';
import { getEnterprise } from '../../renderer/src/db/repositories/enterprises';
import { gb18218TableOf } from '../../renderer/src/db/repositories/gb18218-editions';
import {
  listFindingsOfEnterprise,
  saveFindingContent,
} from '../../renderer/src/db/repositories/findings';
import { listInspectionsOfEnterprise } from '../../renderer/src/db/repositories/inspections';
import { photoBlobStoreFor } from '../../renderer/src/db/repositories/photo-blob-store';
import { matchFindings, queryFindings } from '../../renderer/src/features/findings/finding-filters';
import { buildFindingIndex } from '../../renderer/src/features/findings/finding-index';
import { persistFinding } from '../../renderer/src/features/findings/persist-finding';
import { processPhoto } from '../../renderer/src/features/photos/process-photo';
import { cameraPhoto } from './big-photo';
import { appFilter, naiveFilter } from './finding-filter';
import type { FindingFilter } from './finding-filter';

const LOCAL_DB = 'field-inspector-bench-local';
/** Before every generated deadline, so the form accepts them. */
const TODAY = '2026-11-29';
const BULK_CHUNK = 10_000;

let db: FieldInspectorDb | null = null;
let keys: InspectionKey[] = [];
let photos: File[] = [];
let findingIds: string[] = [];

function local(): FieldInspectorDb {
  if (!db) throw new Error('run setupLocal first');
  return db;
}

export async function setupLocal(enterpriseCount: number, findingCount: number) {
  db?.close();
  await new FieldInspectorDb(LOCAL_DB).delete();
  db = new FieldInspectorDb(LOCAL_DB);
  const people = benchPeople();
  const enterprises = benchEnterprises(enterpriseCount, people.inspector.id);
  const inspections = benchInspections(enterprises, people);
  keys = inspectionKeys(inspections);
  await db.users.put(people.inspector);
  await db.agencies.put(people.agency);
  await db.enterprises.bulkPut(enterprises);
  await db.inspections.bulkPut(inspections);
  const findings = benchFindings(keys, findingCount, 31);
  findingIds = findings.map((f) => f.id);
  for (let i = 0; i < findings.length; i += BULK_CHUNK) {
    await db.findings.bulkPut(findings.slice(i, i + BULK_CHUNK));
  }
  return {
    findings: await db.findings.count(),
    enterpriseIds: enterprises.map((e) => e.id),
  };
}

/** Times each run; stops early once `budgetMs` has passed and a few samples are in. */
async function timeEach<T>(
  inputs: readonly T[],
  run: (input: T) => Promise<unknown>,
  budgetMs: number,
) {
  const samples: number[] = [];
  const begun = performance.now();
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    samples.push(performance.now() - started);
    if (samples.length >= 10 && performance.now() - begun > budgetMs) break;
  }
  return samples;
}

export function runFilters(filters: FindingFilter[], anchor: boolean, budgetMs: number) {
  const query = anchor ? naiveFilter : appFilter;
  return timeEach(filters, (filter) => query(local(), filter), budgetMs);
}

/** The reads of the enterprise file page: the enterprise, its inspections, open hazards, GB 18218 per unit. */
async function openEnterprise(id: string) {
  const d = local();
  const enterprise = await getEnterprise(d, id);
  if (!enterprise) throw new Error(`no enterprise ${id}`);
  const [inspections, findings] = await Promise.all([
    listInspectionsOfEnterprise(d, id),
    listFindingsOfEnterprise(d, id),
  ]);
  const open = findings.filter((f) => f.status !== 'closed');
  // As the file's screen grades: with the edition in force on the device (useGb18218Table).
  const assessment = gradeEnterprise(enterprise, await gb18218TableOf(d));
  return { inspections: inspections.length, open: open.length, level: assessment.level };
}

/** The anchor: the same answers from whole-table scans. */
async function openEnterpriseNaive(id: string) {
  const d = local();
  const [enterprises, inspections, findings] = await Promise.all([
    d.enterprises.toArray(),
    d.inspections.toArray(),
    d.findings.toArray(),
  ]);
  const enterprise = enterprises.find((e) => e.id === id);
  if (!enterprise) throw new Error(`no enterprise ${id}`);
  const open = findings.filter((f) => f.enterpriseId === id && f.status !== 'closed');
  const assessment = gradeEnterprise(enterprise, await gb18218TableOf(d));
  return {
    inspections: inspections.filter((i) => i.enterpriseId === id).length,
    open: open.length,
    level: assessment.level,
  };
}

export function runOpens(ids: string[], anchor: boolean, budgetMs: number) {
  return timeEach(ids, anchor ? openEnterpriseNaive : openEnterprise, budgetMs);
}

/** The hazard form's content of a stored finding, its title marked with `mark`. */
async function editedContent(id: string, mark: string) {
  const stored = await local().findings.get(id);
  if (!stored) throw new Error(`no finding ${id}`);
  const { itemId, description, category, grade, legalBasis, requirement, deadline } = stored;
  const { responsiblePerson, photos: refs } = stored;
  const key = { id, inspectionId: stored.inspectionId, enterpriseId: stored.enterpriseId };
  const content = { itemId, description, category, grade, legalBasis, requirement, deadline };
  return {
    key: { ...key, createdBy: stored.createdBy },
    content: { ...content, responsiblePerson, photos: refs, title: `${stored.title}${mark}` },
  };
}

const editFilter = (mark: string) => ({ status: null, grade: null, town: null, text: mark });

/**
 * Timed per sample: one hazard's edit saved through the hazard form's write (record and outbox
 * row in one transaction), then the hazard list's query for the edited text, until it finds the
 * edit. The index is already built (the filter series ran), as on a screen that is open.
 */
export async function runIndexUpdates(count: number) {
  const d = local();
  const rng = createRng(88);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = findingIds[Math.floor(rng() * findingIds.length)]!;
    const mark = `（更新${i}号）`;
    const { key, content } = await editedContent(id, mark);
    const started = performance.now();
    await saveFindingContent(d, key, content);
    const result = await queryFindings(d, editFilter(mark), TODAY, { offset: 0, limit: 50 });
    samples.push(performance.now() - started);
    if (result.total !== 1 || result.rows[0]?.finding.id !== id) {
      throw new Error(`the list did not show the edit of ${id} (${result.total} matches)`);
    }
  }
  return samples;
}

/** The anchor: the same save, then the whole index read again before the same query. */
export async function runIndexRebuilds(count: number) {
  const d = local();
  const rng = createRng(89);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = findingIds[Math.floor(rng() * findingIds.length)]!;
    const mark = `（重建${i}号）`;
    const { key, content } = await editedContent(id, mark);
    const started = performance.now();
    await saveFindingContent(d, key, content);
    const matches = matchFindings(await buildFindingIndex(d), editFilter(mark), TODAY);
    samples.push(performance.now() - started);
    if (matches.length !== 1) throw new Error(`the rebuilt index has ${matches.length} matches`);
  }
  return samples;
}

export async function preparePhotos(targetBytes: number) {
  photos = [await cameraPhoto(1, targetBytes), await cameraPhoto(2, targetBytes)];
  return photos.map((p) => p.size);
}

function hazardValues(index: number, refs: Finding['photos']) {
  return {
    title: `储罐区未设置可燃气体报警器（基准${index}）`,
    description: '现场检查发现储罐区未设置可燃气体报警器。',
    category: 'chemical_storage' as const,
    grade: 'general' as const,
    legalBasis: '《危险化学品安全管理条例》第二十条',
    requirement: '立即组织整改，整改完成后书面报告并申请复查。',
    deadline: '2027-06-30',
    responsiblePerson: '张建华',
    photos: refs,
  };
}

/**
 * Timed per save: both photos through processPhoto (downscale and hash, off the main thread), each
 * one's bytes into the blob store as soon as it is ready (as the photo picker does), then the hazard form's persistFinding
 * (form schema, then the record with its outbox row). The stored photo rows are
 * removed after each save (not timed) so that every save really writes its photos.
 */
export async function runSaves(count: number) {
  const d = local();
  const store = photoBlobStoreFor(d);
  const rng = createRng(77);
  const samples: number[] = [];
  /** Of each save, the time the two photos took to downscale and hash. */
  const photoMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keys[i % keys.length]!;
    const id = uuidFrom(rng, Date.now());
    const started = performance.now();
    let processedBy = started;
    // As the photo picker does: each photo is stored as soon as it is processed.
    const processed = await Promise.all(
      photos.map(async (file) => {
        const p = await processPhoto(file);
        processedBy = Math.max(processedBy, performance.now());
        await store.put({ sha256: p.sha256, mime: p.mime, size: p.size, bytes: p.bytes });
        return p;
      }),
    );
    photoMs.push(processedBy - started);
    const refs = processed.map((p) => ({ sha256: p.sha256, mime: p.mime, size: p.size }));
    const saved = await persistFinding(
      d,
      { id, ...key, itemId: null, storedDeadline: null },
      hazardValues(i, refs),
      TODAY,
    );
    if (saved !== 'record') throw new Error('the hazard was kept as a draft, not saved');
    samples.push(performance.now() - started);
    await d.blobs.bulkDelete(refs.map((r) => r.sha256));
  }
  return { samples, photoMs };
}

function openBare(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('bench-bare-idb', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('blobs');
      request.result.createObjectStore('records');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The anchor: the two photo files and the hazard record put as they are, in one transaction. */
export async function runBareSaves(count: number) {
  const bare = await openBare();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = bare.transaction(['blobs', 'records'], 'readwrite');
      photos.forEach((file, k) => tx.objectStore('blobs').put(file, `${i}-${k}`));
      tx.objectStore('records').put(hazardValues(i, []), i);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    samples.push(performance.now() - started);
  }
  bare.close();
  return samples;
}
