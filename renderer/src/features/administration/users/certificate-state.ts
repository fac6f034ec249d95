// Whether a user's law-enforcement certificate needs attention: expired, or its last valid day
// within the warning period (the server's flag, CERTIFICATE_WARNING_DAYS).
import { todayInChina } from '../../../../../domain/rules/calendar-date';

export type CertificateState = 'expired' | 'expiring' | 'valid' | 'none';

export function certificateState(
  expiresOn: string | null | undefined,
  expiringFlag: boolean,
  now: Date,
): CertificateState {
  if (!expiresOn) return 'none';
  if (expiresOn < todayInChina(now)) return 'expired';
  return expiringFlag ? 'expiring' : 'valid';
}
