// The heading of a printed draw record or results list: the agency, the title, and the draw's
// identifier (a record number, not an official document number).
import { RECORD } from './publication-text';

export function PrintedHeading({
  issuer,
  title,
  id,
}: {
  issuer: string;
  title: string;
  id: string;
}) {
  return (
    <header className="fi-doc-heading">
      <div className="fi-doc-issuer">{issuer}</div>
      <h1 className="fi-doc-title">{title}</h1>
      <div className="fi-doc-number">
        {RECORD.recordId}：{id}
      </div>
    </header>
  );
}
