// Numbers of the on-site documents (文书编号), in the style of the national enforcement document
// templates: agency short name + document code + 〔year〕 + 第NNNN号.

export type DocumentKind =
  | 'record'
  | 'order'
  | 'reinspection'
  | 'caseFiling'
  | 'penaltyNotice'
  | 'penaltyDecision'
  | 'extension';

/**
 * The document codes of the enforcement document templates of the emergency management
 * (formerly work safety) bureaus: 检记 for the on-site inspection record (现场检查记录),
 * 责改 for the order to rectify within a time limit (责令限期整改指令书), 复查 for the
 * rectification re-inspection opinion (整改复查意见书).
 */
export const DOCUMENT_KIND_CODES: Readonly<Record<DocumentKind, string>> = {
  record: '检记',
  order: '责改',
  reinspection: '复查',
  // A penalty case (行政处罚): its filing approval form (立案审批表), whose number is the case
  // number, the notice of the intended penalty (行政处罚告知书) and the decision (行政处罚决定书).
  caseFiling: '立',
  penaltyNotice: '罚告',
  penaltyDecision: '罚',
  // The decision granting an extension of a rectification deadline (延期整改审批表).
  extension: '延期',
};

/** Four digits as on the printed templates; a year with more documents simply grows wider. */
const SEQUENCE_DIGITS = 4;

function requireParts(agencyShortName: string, year: number): string {
  const name = agencyShortName.trim();
  if (name === '') throw new RangeError('agency short name is empty');
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new RangeError(`not a document year: ${year}`);
  }
  return name;
}

/**
 * The official number, from a sequence the server assigns per agency, kind and year:
 * `documentNumber({ agencyShortName: '上虞应急', kind: 'record', year: 2026, sequence: 1 })`
 * is 上虞应急检记〔2026〕第0001号.
 */
export function documentNumber(args: {
  agencyShortName: string;
  kind: DocumentKind;
  year: number;
  sequence: number;
}): string {
  const name = requireParts(args.agencyShortName, args.year);
  if (!Number.isSafeInteger(args.sequence) || args.sequence < 1) {
    throw new RangeError(`not a document sequence: ${args.sequence}`);
  }
  const seq = String(args.sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${name}${DOCUMENT_KIND_CODES[args.kind]}〔${args.year}〕第${seq}号`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A provisional number for a document printed before the server has assigned a sequence (the
 * inspector is offline and must hand the enterprise its copy on site), derived from the
 * inspection's id: 上虞应急检记〔2026〕临A1B2C3D4号.
 *
 * Trade-off: devices offline cannot share a counter, so any sequence-looking number they made up
 * would sooner or later repeat (hashing ids into 0001–9999 collides with even odds at about 120
 * documents a year). Instead the number takes eight hex digits of the id's random part: stable
 * (every reprint of the same inspection shows the same number), unique in practice (even odds
 * of one repeat only at about 77,000 documents of a kind a year) and visibly provisional (临),
 * so nobody mistakes it for a registered serial. It is not in sequence and does not tell how
 * many documents the agency issued; once the record has synced, documents carry the official
 * `documentNumber`, and the register links both through the inspection id.
 */
export function provisionalDocumentNumber(args: {
  agencyShortName: string;
  kind: DocumentKind;
  year: number;
  inspectionId: string;
}): string {
  const name = requireParts(args.agencyShortName, args.year);
  if (!UUID_PATTERN.test(args.inspectionId)) {
    throw new RangeError(`not an inspection id: ${args.inspectionId}`);
  }
  // The last 8 hex digits lie in rand_b of a UUIDv7 (and in the random part of a v4): the
  // leading digits of a v7 are its timestamp, shared by every record made in the same instant.
  const suffix = args.inspectionId.slice(-8).toUpperCase();
  return `${name}${DOCUMENT_KIND_CODES[args.kind]}〔${args.year}〕临${suffix}号`;
}
