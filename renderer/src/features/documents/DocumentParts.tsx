// Pieces the printed documents share: the heading with the document number, the hazard entry
// with its photos, the signature block and the issuer's seal.
import type { ReactNode } from 'react';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection, Signature } from '../../../../domain/schemas/inspection';
import type { PhotoRef } from '../../../../domain/schemas/photo-evidence';
import { CATEGORY_TEXT, DOC, GRADE_TEXT, chineseDate, chineseDateTime } from './document-text';
import { photoPositionText, photoTimeText } from './photo-evidence-text';

export function DocumentHeading({
  issuer,
  title,
  number,
}: {
  issuer: string;
  title: string;
  number: string;
}) {
  return (
    <header className="fi-doc-heading">
      <div className="fi-doc-issuer">{issuer}</div>
      <h1 className="fi-doc-title">{title}</h1>
      <div className="fi-doc-number">
        {DOC.number}：{number}
      </div>
    </header>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** One hazard of a document: its title, grade and category, then the given rows and photos. */
export function FindingFrame({
  finding,
  index,
  children,
  photos,
}: {
  finding: Finding;
  index: number;
  children: ReactNode;
  photos: ReactNode;
}) {
  return (
    <section className="fi-doc-hazard" data-finding-id={finding.id}>
      <h3>
        {index}. {finding.title}
      </h3>
      <table className="fi-doc-fields">
        <tbody>
          <Field label={DOC.grade}>
            {GRADE_TEXT[finding.grade]}
            {'\u3000'}
            {DOC.category}：{CATEGORY_TEXT[finding.category]}
          </Field>
          {children}
        </tbody>
      </table>
      {photos}
    </section>
  );
}

/**
 * The photos of a hazard that are on this device, each captioned "<title> <caption><n>" and
 * with when and where it was taken under it.
 */
export function FindingPhotos({
  title,
  caption,
  photos,
  urls,
}: {
  title: string;
  caption: string;
  photos: readonly PhotoRef[];
  urls: ReadonlyMap<string, string>;
}) {
  if (photos.length === 0) return null;
  return (
    <div className="fi-doc-photos">
      {photos.map((photo, i) => {
        const url = urls.get(photo.sha256);
        return url ? (
          <figure key={`${photo.sha256}:${i}`} className="fi-doc-photo">
            <img src={url} alt={`${title} ${caption}${i + 1}`} />
            <figcaption>
              {caption}
              {i + 1}
              <br />
              {photoTimeText(photo)}
              <br />
              {photoPositionText(photo)}
            </figcaption>
          </figure>
        ) : null;
      })}
    </div>
  );
}

export function FindingEntry({
  finding,
  index,
  urls,
  withPhotos,
}: {
  finding: Finding;
  index: number;
  urls: ReadonlyMap<string, string>;
  withPhotos: boolean;
}) {
  return (
    <FindingFrame
      finding={finding}
      index={index}
      photos={
        withPhotos ? (
          <FindingPhotos
            title={finding.title}
            caption={DOC.photos}
            photos={finding.photos}
            urls={urls}
          />
        ) : null
      }
    >
      {finding.description.trim() !== '' ? (
        <Field label={DOC.description}>{finding.description}</Field>
      ) : null}
      <Field label={DOC.legalBasis}>{finding.legalBasis}</Field>
      <Field label={DOC.requirement}>{finding.requirement}</Field>
      <Field label={DOC.deadline}>
        <span className="fi-doc-deadline">{chineseDate(finding.deadline)}</span>前
      </Field>
      <Field label={DOC.responsible}>{finding.responsiblePerson}</Field>
    </FindingFrame>
  );
}

/** The issuing agencies, their seal and the date a document is issued on (blank if none). */
export function IssuedBy({ issuer, on }: { issuer: string; on: string | undefined }) {
  return (
    <div className="fi-doc-issued">
      <div>{issuer}</div>
      <div>{DOC.seal}</div>
      <div>{on ? chineseDate(on) : ''}</div>
    </div>
  );
}

function SignatureImage({
  signature,
  urls,
}: {
  signature: Signature;
  urls: ReadonlyMap<string, string>;
}) {
  const url = urls.get(signature.image.sha256);
  return url ? (
    <img className="fi-doc-signature" src={url} alt={signature.name} />
  ) : (
    <span>{signature.name}</span>
  );
}

/** Officers' signatures (with certificate numbers) and the representative's, or the refusal. */
export function SignatureBlock({
  inspection,
  urls,
  officerLabel = DOC.officerSignature,
  repLabel = DOC.repSignature,
}: {
  inspection: Inspection;
  urls: ReadonlyMap<string, string>;
  officerLabel?: string;
  repLabel?: string;
}) {
  const officers = inspection.signatures.filter((s) => s.role !== 'enterprise');
  const rep = inspection.signatures.find((s) => s.role === 'enterprise');
  return (
    <div className="fi-doc-signatures">
      <div className="fi-doc-signer">
        <span className="fi-doc-signer-label">{officerLabel}：</span>
        {officers.length === 0 ? DOC.notSigned : null}
        {officers.map((s) => (
          <span key={`${s.role}:${s.userId ?? ''}`} className="fi-doc-signer-entry">
            <SignatureImage signature={s} urls={urls} />
            <span className="fi-doc-signed-at">{chineseDateTime(s.signedAt)}</span>
          </span>
        ))}
      </div>
      <div className="fi-doc-signer">
        <span className="fi-doc-signer-label">{repLabel}：</span>
        {rep ? (
          <span className="fi-doc-signer-entry">
            <SignatureImage signature={rep} urls={urls} />
            <span className="fi-doc-signed-at">{chineseDateTime(rep.signedAt)}</span>
          </span>
        ) : inspection.refusedToSign ? (
          <span>{DOC.refused(inspection.refusedToSign.reason)}</span>
        ) : (
          DOC.notSigned
        )}
      </div>
    </div>
  );
}
