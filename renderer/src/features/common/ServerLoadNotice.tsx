// What an online-only screen shows while its server read is not ready: a skeleton while loading,
// a notice when the server cannot be reached, the failure said when it answered with one; nothing
// once the answer is there (the screen shows it, or its empty state).
import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  state: { status: 'loading' | 'ready' | 'offline' } | { status: 'failed'; message: string };
  /** The words for "needs the server, which cannot be reached". */
  offline: string;
  /** The words for a failed read, given the failure's message. */
  failed: (message: string) => string;
  /** A retry button's words and action, where the screen offers one. */
  retry?: { label: string; onRetry: () => void };
}

export function ServerLoadNotice({ state, offline, failed, retry }: Props) {
  const action: ReactNode = retry ? (
    <Button size="small" onClick={retry.onRetry}>
      {retry.label}
    </Button>
  ) : undefined;
  if (state.status === 'loading') return <Skeleton active aria-busy="true" />;
  if (state.status === 'offline') {
    return <Alert type="info" showIcon title={offline} action={action} />;
  }
  if (state.status === 'failed') {
    return <Alert type="error" showIcon title={failed(state.message)} action={action} />;
  }
  return null;
}
