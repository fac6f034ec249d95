import { Alert, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerLoad } from '../../common/useServerLoad';

interface Props<T> {
  state: ServerLoad<T>;
  /** Whether the answer holds nothing to show. */
  empty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
}

/** An online-only screen's states: loading, offline, failed, empty, or its content. */
export function LoadState<T>({ state, empty, emptyText, children }: Props<T>) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <Skeleton active aria-busy="true" />;
  if (state.status === 'offline') return <Alert type="info" showIcon title={t('admin.offline')} />;
  if (state.status === 'failed') {
    return <Alert type="error" showIcon title={t('admin.failed', { message: state.message })} />;
  }
  if (empty(state.data)) return <Empty description={emptyText} />;
  return <>{children(state.data)}</>;
}
