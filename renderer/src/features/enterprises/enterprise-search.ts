// Matching enterprises against what a person types: part of the name, part of the credit code
// in any case (people type codes in lower case, or only the first characters), or part of the
// address (inspectors often know the street, not the registered name).
import type { Enterprise } from '../../../../domain/schemas/enterprise';

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

export function matchesEnterprise(enterprise: Enterprise, query: string): boolean {
  const q = normaliseQuery(query);
  if (q === '') return true;
  return (
    enterprise.name.toLowerCase().includes(q) ||
    enterprise.creditCode.toLowerCase().includes(q) ||
    enterprise.address.toLowerCase().includes(q)
  );
}

export function filterEnterprises(list: readonly Enterprise[], query: string): Enterprise[] {
  return list.filter((e) => matchesEnterprise(e, query));
}
