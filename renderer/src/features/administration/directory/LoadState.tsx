import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../../common/ServerLoadNotice';
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
  if (state.status !== 'ready') {
    return (
      <ServerLoadNotice
        state={state}
        offline={t('admin.offline')}
        failed={(message) => t('admin.failed', { message })}
      />
    );
  }
  if (empty(state.data)) return <Empty description={emptyText} />;
  return <>{children(state.data)}</>;
}
