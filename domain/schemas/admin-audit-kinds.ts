// What an administrative action is done to: the audit log's target kinds, which its filters offer.
export const auditTargetKindsList = [
  'district',
  'agency',
  'town',
  'user',
  'session',
  'device',
  'template',
  'enterprise',
  'import',
  'gb18218Table',
] as const;
