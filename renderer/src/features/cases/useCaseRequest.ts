// A request a case screen sends to the server (open a case, approve, advance, link, amend), said
// in the cases' words: the server's code where the app knows it (cases.errors).
import { useTranslation } from 'react-i18next';
import { useServerAction } from '../common/useServerAction';

export function useCaseRequest() {
  const { t } = useTranslation();
  return useServerAction(() => ({
    offline: t('cases.offline'),
    failed: (message) => t('cases.failed', { message }),
    known: (code, fallback) => t(`cases.errors.${code}`, { defaultValue: fallback }),
  }));
}
