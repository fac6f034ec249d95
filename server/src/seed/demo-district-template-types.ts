// The shape of a demo checklist as written here: the template item plus what a finding raised
// on it says (problem, rectification requirement, category), which the history generator uses.
import type { AgencyKind } from '../../../domain/schemas/agency';
import type { FindingCategory } from '../../../domain/schemas/finding';
import type { TemplateItem } from '../../../domain/schemas/template';

export interface DemoItemSpec extends TemplateItem {
  problem: string;
  requirement: string;
  category: FindingCategory;
}

export type DemoTemplateKey = 'major' | 'safety' | 'environment';

export interface DemoTemplateSpec {
  key: DemoTemplateKey;
  title: string;
  agencyKind: AgencyKind;
  sections: { title: string; items: DemoItemSpec[] }[];
}
