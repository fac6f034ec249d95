import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BurdenReport } from '../../../../domain/rules/statistics';

interface Props {
  burden: BurdenReport;
  enterpriseName: (id: string) => string;
}

/**
 * Names the enterprises inspected far more than the others, with what to do: combine the
 * agencies' visits into one joint inspection, or (one agency alone) review how often it comes.
 */
export function BurdenAlert({ burden, enterpriseName }: Props) {
  const { t, i18n } = useTranslation();
  const flagged = burden.enterprises.filter((e) => e.overInspected);
  if (flagged.length === 0) return null;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const names = (suggestion: string) =>
    list.format(
      flagged.filter((e) => e.suggestion === suggestion).map((e) => enterpriseName(e.enterpriseId)),
    );
  const combine = names('burden.combineIntoJointInspection');
  const review = names('burden.reviewFrequency');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="burden-warning"
      title={t('burden.alertTitle')}
      description={
        <>
          {combine ? <div>{t('burden.alertCombine', { names: combine })}</div> : null}
          {review ? <div>{t('burden.alertReview', { names: review })}</div> : null}
        </>
      }
    />
  );
}
