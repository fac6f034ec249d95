// Runs one write of the list screens against the server and says how it went, in the lists'
// words: a code (riskOverride.notFound) is a key under lists.errors.
import { useTranslation } from 'react-i18next';
import { useServerAction } from '../common/useServerAction';

export function useListAction() {
  const { t } = useTranslation();
  return useServerAction(() => ({
    offline: t('lists.errors.offline'),
    failed: (message) => t('lists.errors.failed', { message }),
    known: (code, fallback) => t(`lists.errors.${code}`, { defaultValue: fallback }),
  }));
}
