import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskClass } from '../../../../domain/schemas/risk';

/** The colours of the four grades as bureaus draw them: red, orange, yellow, blue. */
const COLOURS: Record<RiskClass, string> = {
  major: 'red',
  considerable: 'orange',
  general: 'gold',
  low: 'blue',
};

export function RiskTag({ riskClass }: { riskClass: RiskClass }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[riskClass]}>{t(`lists.riskClass.${riskClass}`)}</Tag>;
}
