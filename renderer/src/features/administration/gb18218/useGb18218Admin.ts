// The GB 18218-2018 table's administration: the edition in force and the list of editions read
// from the server, the administrator's unpublished edits of it (kept on screen only), and
// publishing them as the next edition, with the server's refusal placed at its rows and fields.
import { useMemo, useState } from 'react';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type { CurrentEdition, EditionSummary } from '../../../../../domain/schemas/gb18218-edition';
import { changedRows } from '../../../../../domain/rules/gb18218-editions';
import { useProfile } from '../../../session/session-context';
import { ApiError } from '../../../sync/errors';
import { useServerLoad } from '../../common/useServerLoad';
import { createGb18218Client } from './gb18218-client';

/** A refusal placed at a row: its table, id and field, and what is wrong. */
export interface RowProblem {
  part: string;
  rowId: string | null;
  field: string;
  message: string;
}

/** The server's issues (`table.table1.3.Q`) at the rows of the table that was sent. */
export function rowProblems(error: unknown, sent: Gb18218Table): RowProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.map((issue) => {
    const [, part = '', index, ...field] = issue.path.split('.');
    const rows = (sent as unknown as Record<string, unknown>)[part];
    const row: unknown =
      Array.isArray(rows) && index !== undefined && /^\d+$/.test(index)
        ? rows[Number(index)]
        : null;
    const rowId =
      typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'string'
        ? (row as { id: string }).id
        : null;
    return { part, rowId, field: field.join('.'), message: issue.message };
  });
}

export interface Gb18218Admin {
  current: ReturnType<typeof useServerLoad<CurrentEdition>>['state'];
  editions: ReturnType<typeof useServerLoad<EditionSummary[]>>['state'];
  /** The table as edited on screen: the edition in force until the administrator changes a row. */
  working: Gb18218Table | null;
  edit: (next: Gb18218Table) => void;
  discard: () => void;
  /** Rows edited or added, not yet published. */
  pending: number;
  publishing: boolean;
  problems: RowProblem[];
  /** Publishes the edits; answers whether the server took them (else `failure` says why). */
  publish: (reason: string) => Promise<EditionSummary | null>;
  failure: unknown;
}

export function useGb18218Admin(): Gb18218Admin {
  const { http } = useProfile().client;
  const client = useMemo(() => createGb18218Client(http), [http]);
  const current = useServerLoad(() => client.current(), 'gb18218:current');
  const editions = useServerLoad(() => client.editions(), 'gb18218:editions');
  const [edited, setEdited] = useState<Gb18218Table | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const base = current.state.status === 'ready' ? current.state.data : null;
  const working = edited ?? base?.table ?? null;
  const pending = base && edited ? changedRows(base.table, edited).length : 0;

  async function publish(reason: string): Promise<EditionSummary | null> {
    if (!base || !edited) return null;
    setPublishing(true);
    setFailure(null);
    setProblems([]);
    try {
      const edition = await client.publish(base.edition.revision, edited, reason);
      setEdited(null);
      current.reload();
      editions.reload();
      return edition;
    } catch (error) {
      setFailure(error);
      setProblems(rowProblems(error, edited));
      return null;
    } finally {
      setPublishing(false);
    }
  }

  return {
    current: current.state,
    editions: editions.state,
    working,
    edit: (next) => {
      setEdited(next);
      setProblems([]);
    },
    discard: () => {
      setEdited(null);
      setProblems([]);
      setFailure(null);
      // Edits are dropped to start again from the edition in force, which may be newer.
      current.reload();
      editions.reload();
    },
    pending,
    publishing,
    problems,
    publish,
    failure,
  };
}
