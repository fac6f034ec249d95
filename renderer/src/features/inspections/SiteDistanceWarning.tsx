import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { SITE_DISTANCE_THRESHOLD_M, siteDistance } from '../../../../domain/rules/site-distance';
import type { LatLon } from '../../../../domain/rules/site-distance';
import type { Inspection } from '../../../../domain/schemas/inspection';

interface Props {
  location: Inspection['location'];
  /** The enterprise's registered position; null when the enterprise is not on this device. */
  registered: LatLon | null;
}

/**
 * A warning when the inspection was recorded far from the enterprise's registered position
 * (site-distance.ts): the inspector may be at another enterprise, or the register may be wrong.
 */
export function SiteDistanceWarning({ location, registered }: Props) {
  const { t } = useTranslation();
  const distance = registered ? siteDistance(location, registered) : null;
  if (!distance?.far) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('siteDistance.title', {
        distance:
          distance.distanceM < 10_000
            ? t('siteDistance.metres', { count: Math.round(distance.distanceM) })
            : t('siteDistance.kilometres', { count: (distance.distanceM / 1000).toFixed(1) }),
        threshold: SITE_DISTANCE_THRESHOLD_M,
      })}
      description={
        distance.accuracyM > 0
          ? t('siteDistance.withAccuracy', { accuracy: Math.round(distance.accuracyM) })
          : t('siteDistance.typedIn')
      }
    />
  );
}
