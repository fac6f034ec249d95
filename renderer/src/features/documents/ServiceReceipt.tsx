// 送达回证: printed after the document it records the service of, on a page of its own.
import type { BlobRef } from '../../../../domain/schemas/common';
import type { ServiceReceipt as Receipt } from '../../../../domain/schemas/service-receipt';
import type { User } from '../../../../domain/schemas/user';
import { DOC, chineseDateTime } from './document-text';
import { Field } from './DocumentParts';

const RECEIPT = {
  title: '送达回证',
  document: '送达文书名称及文号',
  recipientParty: '受送达人',
  place: '送达地点',
  method: '送达方式',
  time: '送达时间',
  recipient: '收件人签名或盖章',
  refusal: '拒收事由',
  witnesses: '见证人签名',
  servedBy: '送达人',
  methods: { direct: '直接送达', left: '留置送达' },
  notSigned: '（未签名）',
} as const;

function Signed({
  image,
  name,
  urls,
}: {
  image: BlobRef;
  name: string;
  urls: ReadonlyMap<string, string>;
}) {
  const url = urls.get(image.sha256);
  return url ? <img className="fi-doc-signature" src={url} alt={name} /> : <span>{name}</span>;
}

interface Props {
  receipt: Receipt;
  /** The served document's title and number, e.g. 责令限期整改指令书（上虞应急责改〔2026〕第0001号）. */
  served: string;
  enterpriseName: string;
  /** Who may have served it, to print their names (a case's names come from its readers). */
  officers: readonly Pick<User, 'id' | 'displayName'>[];
  urls: ReadonlyMap<string, string>;
}

export function ServiceReceipt({ receipt, served, enterpriseName, officers, urls }: Props) {
  const name = (id: string) => officers.find((o) => o.id === id)?.displayName ?? id;
  const { refusal, signature, recipient } = receipt;
  return (
    <section className="fi-doc-receipt" aria-label={RECEIPT.title}>
      <h1>{RECEIPT.title}</h1>
      <table className="fi-doc-fields">
        <tbody>
          <Field label={RECEIPT.document}>{served}</Field>
          <Field label={RECEIPT.recipientParty}>{enterpriseName}</Field>
          <Field label={RECEIPT.place}>{receipt.place}</Field>
          <Field label={RECEIPT.method}>{RECEIPT.methods[receipt.method]}</Field>
          <Field label={RECEIPT.time}>{chineseDateTime(receipt.servedAt)}</Field>
          <Field label={RECEIPT.recipient}>
            {`${recipient.name}${recipient.title ? `（${recipient.title}）` : ''}`}
            {signature ? <Signed image={signature} name={recipient.name} urls={urls} /> : null}
          </Field>
          {refusal ? (
            <>
              <Field label={RECEIPT.refusal}>{refusal.reason}</Field>
              <Field label={RECEIPT.witnesses}>
                {refusal.witnesses.map((w) => (
                  <span key={w.name} className="fi-doc-signer-entry">
                    {`${w.name}（${w.organisation}）`}
                    <Signed image={w.signature} name={w.name} urls={urls} />
                  </span>
                ))}
              </Field>
            </>
          ) : null}
          <Field label={RECEIPT.servedBy}>
            {receipt.servedBy.map(name).join('、') || DOC.notSigned}
          </Field>
        </tbody>
      </table>
    </section>
  );
}

/** The blobs a receipt prints: the recipient's signature or the witnesses'. */
export function receiptBlobHashes(receipts: readonly Receipt[] | undefined): string[] {
  return (receipts ?? []).flatMap((r) => [
    ...(r.signature ? [r.signature.sha256] : []),
    ...(r.refusal?.witnesses.map((w) => w.signature.sha256) ?? []),
  ]);
}
