// The sync benchmarks' server-side records, built the same way wherever they are needed (the HQ
// seeder child, the anchor's loader, the pull figures).
import {
  benchEnterprises,
  benchFindings,
  benchInspections,
  benchPeople,
  inspectionKeys,
} from './records';

export const PULL_SEED = 21;

export interface SeedSpec {
  enterprises: number;
  hazards: number;
}

export function syncDataset(spec: SeedSpec) {
  const people = benchPeople();
  const enterprises = benchEnterprises(spec.enterprises, people.inspector.id);
  const inspections = benchInspections(enterprises, people);
  const findings = benchFindings(inspectionKeys(inspections), spec.hazards, PULL_SEED);
  return { people, enterprises, inspections, findings };
}
