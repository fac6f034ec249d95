import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';

interface Props<T> {
  rows: T[] | undefined;
  empty: string;
  children: (rows: T[]) => ReactNode;
}

/** Loading skeleton while the local database is read, an explanation when there is nothing. */
export function ListState<T>({ rows, empty, children }: Props<T>) {
  if (rows === undefined) return <Skeleton active aria-busy="true" />;
  if (rows.length === 0) return <Empty description={empty} />;
  return <>{children(rows)}</>;
}
