// The columns of the hazard list's in-memory index (see finding-index.ts) and the two ways they
// are made: whole, from every finding and enterprise, and by applying a set of changed findings
// and enterprises to the previous columns. Pure functions over plain records: no database here.
//
// An update never mutates the previous index (a query may still be reading it). A few changed
// findings (a form's save) are spliced into copies of the columns; the search text is kept in
// chunks of about CHUNK findings, so that only the chunks holding a change are rewritten, never
// the whole text of 100,000 findings. Many changes (a pulled page) or a moved enterprise are
// merged in one linear pass. Either way the result is the index a fresh build would give.
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding, FindingStatus, Grade } from '../../../../domain/schemas/finding';

/**
 * The search text of consecutive positions: each finding's title, description and enterprise
 * name, lower-cased, followed by SEPARATOR. One indexOf over a chunk finds the next match far
 * faster than a substring test per finding. A finding's text never spans two chunks.
 */
export interface TextChunk {
  text: string;
  /** Where each finding's text starts in `text`; one more entry marks the end. */
  starts: Uint32Array;
}

/**
 * One column per field, position i for the i-th live finding (earliest deadline first, then by
 * id). Columns rather than an object per finding keep 100,000 entries small and the scan
 * cache-friendly. An index is never changed once made: a change makes a new one.
 */
export interface FindingIndex {
  ids: string[];
  statuses: FindingStatus[];
  deadlines: string[];
  grades: Grade[];
  /** The enterprise's town code, or null when the enterprise is not (or no longer) on this device. */
  towns: (string | null)[];
  /** The finding's enterprise id. */
  enterpriseIds: string[];
  /** The search text, position order, chunk after chunk. */
  textChunks: TextChunk[];
  /** Every chunk's text in one string (made on first use; queries read `textChunks`). */
  readonly haystack: string;
  /** Where finding i's text starts in `haystack`; one more entry marks the end. */
  readonly starts: Uint32Array;
  /** Names of the enterprises on this device (tombstoned ones included), by id. */
  enterpriseNames: Map<string, string>;
  /** Towns of the live enterprises on this device, by id. */
  enterpriseTowns: Map<string, string>;
}

/** After each finding's text; a control character nobody searches for. */
export const SEPARATOR = '\u0001';

/** Findings per text chunk when chunks are made afresh; a chunk spliced past twice this is split. */
const CHUNK = 2048;

const searchable = (text: string) => text.toLowerCase().replaceAll(SEPARATOR, ' ');

/** A finding's own searchable text; the enterprise's name is appended after one more newline. */
const ownText = (finding: Finding) => searchable(`${finding.title}\n${finding.description}`);

interface Entry {
  id: string;
  status: FindingStatus;
  deadline: string;
  grade: Grade;
  enterpriseId: string;
  own: string;
}

type Columns = Pick<
  FindingIndex,
  | 'ids'
  | 'statuses'
  | 'deadlines'
  | 'grades'
  | 'towns'
  | 'enterpriseIds'
  | 'textChunks'
  | 'enterpriseNames'
  | 'enterpriseTowns'
>;

/** The index over `columns`, with the whole-text view made only if someone asks for it. */
function finish(columns: Columns): FindingIndex {
  let haystack: string | undefined;
  let starts: Uint32Array | undefined;
  return {
    ...columns,
    get haystack() {
      haystack ??= columns.textChunks.map((chunk) => chunk.text).join('');
      return haystack;
    },
    get starts() {
      if (!starts) {
        starts = new Uint32Array(columns.ids.length + 1);
        let at = 0;
        let base = 0;
        for (const chunk of columns.textChunks) {
          const count = chunk.starts.length - 1;
          for (let k = 0; k < count; k++) starts[at + k] = base + chunk.starts[k]!;
          at += count;
          base += chunk.text.length;
        }
        starts[at] = base;
      }
      return starts;
    },
  };
}

/** Deadline order, then id: the order of IndexedDB's deadline index (ties by primary key). */
function before(aDeadline: string, aId: string, bDeadline: string, bId: string): boolean {
  return aDeadline < bDeadline || (aDeadline === bDeadline && aId < bId);
}

const compareEntries = (a: Entry, b: Entry) =>
  before(a.deadline, a.id, b.deadline, b.id)
    ? -1
    : before(b.deadline, b.id, a.deadline, a.id)
      ? 1
      : 0;

function entryOf(finding: Finding): Entry {
  const { id, status, deadline, grade, enterpriseId } = finding;
  return { id, status, deadline, grade, enterpriseId, own: ownText(finding) };
}

/** An entry's text: its own, the enterprise's name, the separator. */
function textOf(entry: Entry, names: ReadonlyMap<string, string>): string {
  return `${entry.own}\n${searchable(names.get(entry.enterpriseId) ?? '')}${SEPARATOR}`;
}

/** A chunk of the given texts, in order. */
function chunkOf(texts: readonly string[]): TextChunk {
  const starts = new Uint32Array(texts.length + 1);
  let at = 0;
  texts.forEach((text, k) => {
    starts[k] = at;
    at += text.length;
  });
  starts[texts.length] = at;
  return { text: texts.join(''), starts };
}

/** Walks an index's texts position by position (positions must be asked for in order). */
function textReader(index: FindingIndex) {
  let chunk = 0;
  let base = 0;
  return (i: number): string => {
    let current = index.textChunks[chunk]!;
    while (i - base >= current.starts.length - 1) {
      base += current.starts.length - 1;
      current = index.textChunks[++chunk]!;
    }
    const k = i - base;
    return current.text.slice(current.starts[k], current.starts[k + 1]);
  };
}

/** Collects columns position by position; `done` makes the index. */
function columnWriter(names: Map<string, string>, towns: Map<string, string>) {
  const columns: Columns = {
    ids: [],
    statuses: [],
    deadlines: [],
    grades: [],
    towns: [],
    enterpriseIds: [],
    textChunks: [],
    enterpriseNames: names,
    enterpriseTowns: towns,
  };
  let texts: string[] = [];
  const push = (entry: Omit<Entry, 'own'>, town: string | null, text: string) => {
    columns.ids.push(entry.id);
    columns.statuses.push(entry.status);
    columns.deadlines.push(entry.deadline);
    columns.grades.push(entry.grade);
    columns.towns.push(town);
    columns.enterpriseIds.push(entry.enterpriseId);
    texts.push(text);
    if (texts.length === CHUNK) {
      columns.textChunks.push(chunkOf(texts));
      texts = [];
    }
  };
  return {
    /** Appends a changed or new entry, its text made from its own text and the enterprise name. */
    add(entry: Entry) {
      push(entry, towns.get(entry.enterpriseId) ?? null, textOf(entry, names));
    },
    /** Appends position i of `old` unchanged; `text` is its text. */
    keep(old: FindingIndex, i: number, text: string) {
      const entry = {
        id: old.ids[i]!,
        status: old.statuses[i]!,
        deadline: old.deadlines[i]!,
        grade: old.grades[i]!,
        enterpriseId: old.enterpriseIds[i]!,
      };
      push(entry, old.towns[i]!, text);
    },
    done(): FindingIndex {
      if (texts.length > 0) columns.textChunks.push(chunkOf(texts));
      return finish(columns);
    },
  };
}

function enterpriseMaps(enterprises: readonly Enterprise[]) {
  const names = new Map<string, string>();
  const towns = new Map<string, string>();
  for (const e of enterprises) {
    names.set(e.id, e.name);
    if (e.deletedAt === null) towns.set(e.id, e.town);
  }
  return { names, towns };
}

/**
 * The index of every live finding in `findings`. `sorted` says they already come in deadline
 * order (as IndexedDB's deadline index gives them), which spares a sort of 100,000 entries.
 */
export function indexFindings(
  findings: readonly Finding[],
  enterprises: readonly Enterprise[],
  sorted = false,
): FindingIndex {
  const { names, towns } = enterpriseMaps(enterprises);
  const entries = findings.filter((f) => f.deletedAt === null).map(entryOf);
  if (!sorted) entries.sort(compareEntries);
  const writer = columnWriter(names, towns);
  for (const entry of entries) writer.add(entry);
  return writer.done();
}

/**
 * Changed records read back after a write: a finding or enterprise that is gone maps to
 * undefined. A tombstoned finding leaves the index; a tombstoned enterprise keeps its name
 * (findings still show it) but loses its town.
 */
export interface FindingIndexChanges {
  findings: ReadonlyMap<string, Finding | undefined>;
  enterprises: ReadonlyMap<string, Enterprise | undefined>;
}

/** `old` with `changes` applied: the same index that indexing every record afresh would give. */
export function applyFindingChanges(old: FindingIndex, changes: FindingIndexChanges): FindingIndex {
  let names = old.enterpriseNames;
  let towns = old.enterpriseTowns;
  /** Enterprises whose name or town changed: each of their findings is rewritten. */
  const moved = new Set<string>();
  if (changes.enterprises.size > 0) {
    names = new Map(names);
    towns = new Map(towns);
    for (const [id, enterprise] of changes.enterprises) {
      const name = enterprise?.name;
      const town = enterprise && enterprise.deletedAt === null ? enterprise.town : undefined;
      if (names.get(id) !== name || towns.get(id) !== town) moved.add(id);
      if (name === undefined) names.delete(id);
      else names.set(id, name);
      if (town === undefined) towns.delete(id);
      else towns.set(id, town);
    }
  }
  if (moved.size === 0 && changes.findings.size <= FEW) {
    return patchFew(old, changes.findings, names, towns);
  }
  return mergeAll(old, changes.findings, moved, names, towns);
}

/** Up to this many changed findings are spliced in one by one; more are merged in one pass. */
const FEW = 32;

/** The chunk holding position `i`, and i's place in it. */
function locate(chunks: readonly TextChunk[], i: number): { chunk: number; k: number } {
  let base = 0;
  for (let chunk = 0; chunk < chunks.length; chunk++) {
    const count = chunks[chunk]!.starts.length - 1;
    if (i < base + count) return { chunk, k: i - base };
    base += count;
  }
  // Past the end: the end of the last chunk (an insertion there appends to it).
  const last = chunks.length - 1;
  return { chunk: last, k: last < 0 ? 0 : chunks[last]!.starts.length - 1 };
}

/** `chunks` with the text at position i removed (`text` null) or a text inserted before it. */
function spliceText(chunks: TextChunk[], i: number, text: string | null): TextChunk[] {
  if (chunks.length === 0) return text === null ? chunks : [chunkOf([text])];
  const { chunk, k } = locate(chunks, i);
  const { text: whole, starts } = chunks[chunk]!;
  const count = starts.length - 1;
  const texts: string[] = [];
  for (let j = 0; j < count; j++) texts.push(whole.slice(starts[j], starts[j + 1]));
  if (text === null) texts.splice(k, 1);
  else texts.splice(k, 0, text);
  const replaced =
    texts.length === 0
      ? []
      : texts.length > 2 * CHUNK
        ? [chunkOf(texts.slice(0, CHUNK)), chunkOf(texts.slice(CHUNK))]
        : [chunkOf(texts)];
  const next = chunks.slice();
  next.splice(chunk, 1, ...replaced);
  return next;
}

function patchFew(
  old: FindingIndex,
  findings: ReadonlyMap<string, Finding | undefined>,
  names: Map<string, string>,
  towns: Map<string, string>,
): FindingIndex {
  const columns: Columns = {
    ids: old.ids.slice(),
    statuses: old.statuses.slice(),
    deadlines: old.deadlines.slice(),
    grades: old.grades.slice(),
    towns: old.towns.slice(),
    enterpriseIds: old.enterpriseIds.slice(),
    textChunks: old.textChunks,
    enterpriseNames: names,
    enterpriseTowns: towns,
  };
  const { ids, statuses, deadlines, grades, enterpriseIds } = columns;
  const positions: number[] = [];
  for (const id of findings.keys()) {
    const at = ids.indexOf(id);
    if (at >= 0) positions.push(at);
  }
  // From the back, so that each removal leaves the positions still to remove where they were.
  positions.sort((a, b) => b - a);
  for (const at of positions) {
    columns.textChunks = spliceText(columns.textChunks, at, null);
    for (const column of [ids, statuses, deadlines, grades, columns.towns, enterpriseIds]) {
      column.splice(at, 1);
    }
  }
  for (const finding of findings.values()) {
    if (!finding || finding.deletedAt !== null) continue;
    const entry = entryOf(finding);
    // The first position whose finding comes after this one.
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(deadlines[mid]!, ids[mid]!, entry.deadline, entry.id)) low = mid + 1;
      else high = mid;
    }
    columns.textChunks = spliceText(columns.textChunks, low, textOf(entry, names));
    ids.splice(low, 0, entry.id);
    statuses.splice(low, 0, entry.status);
    deadlines.splice(low, 0, entry.deadline);
    grades.splice(low, 0, entry.grade);
    columns.towns.splice(low, 0, towns.get(entry.enterpriseId) ?? null);
    enterpriseIds.splice(low, 0, entry.enterpriseId);
  }
  return finish(columns);
}

function mergeAll(
  old: FindingIndex,
  findings: ReadonlyMap<string, Finding | undefined>,
  moved: ReadonlySet<string>,
  names: Map<string, string>,
  towns: Map<string, string>,
): FindingIndex {
  const count = old.ids.length;
  const textAt = textReader(old);
  const dropped = new Uint8Array(count);
  const added: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (findings.has(old.ids[i]!)) {
      dropped[i] = 1;
    } else if (moved.has(old.enterpriseIds[i]!)) {
      dropped[i] = 1;
      added.push(entryAt(old, i, textAt(i)));
    }
  }
  for (const finding of findings.values()) {
    if (finding && finding.deletedAt === null) added.push(entryOf(finding));
  }
  added.sort(compareEntries);

  const writer = columnWriter(names, towns);
  const keptText = textReader(old);
  let next = 0;
  for (let i = 0; i < count; i++) {
    while (
      next < added.length &&
      before(added[next]!.deadline, added[next]!.id, old.deadlines[i]!, old.ids[i]!)
    ) {
      writer.add(added[next++]!);
    }
    if (dropped[i] === 0) writer.keep(old, i, keptText(i));
  }
  while (next < added.length) writer.add(added[next++]!);
  return writer.done();
}

/** The entry at position i of `index`, its own text cut from `text` (the name removed). */
function entryAt(index: FindingIndex, i: number, text: string): Entry {
  const enterpriseId = index.enterpriseIds[i]!;
  const name = searchable(index.enterpriseNames.get(enterpriseId) ?? '');
  return {
    id: index.ids[i]!,
    status: index.statuses[i]!,
    deadline: index.deadlines[i]!,
    grade: index.grades[i]!,
    enterpriseId,
    own: text.slice(0, text.length - SEPARATOR.length - name.length - 1),
  };
}
