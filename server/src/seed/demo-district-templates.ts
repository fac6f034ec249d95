// The demo district's three checklist templates as records, and their item specs by key.
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import type { DistrictClock } from './demo-district-random';
import { DAY, intIn, iso, localInstant, rngFor, uuidV7 } from './demo-district-random';
import { environmentTemplate } from './demo-district-template-environment';
import { majorHazardTemplate } from './demo-district-template-major';
import { generalSafetyTemplate } from './demo-district-template-safety';
import type {
  DemoItemSpec,
  DemoTemplateKey,
  DemoTemplateSpec,
} from './demo-district-template-types';

const specs: DemoTemplateSpec[] = [majorHazardTemplate, generalSafetyTemplate, environmentTemplate];

export interface DemoTemplate {
  record: ChecklistTemplate;
  items: DemoItemSpec[];
}

export function buildTemplates(
  clock: DistrictClock,
  adminId: string,
): Record<DemoTemplateKey, DemoTemplate> {
  const idRng = rngFor('ids/templates');
  const touched = rngFor('updated/templates');
  const out = {} as Record<DemoTemplateKey, DemoTemplate>;
  specs.forEach((spec, i) => {
    const record: ChecklistTemplate = {
      id: uuidV7(localInstant('2017-09-01', 9, i), idRng),
      version: 0,
      updatedAt: iso(clock.nowMs - intIn(touched, 90, 170) * DAY),
      deletedAt: null,
      createdBy: adminId,
      agencyKind: spec.agencyKind,
      title: spec.title,
      sections: spec.sections.map((s) => ({
        title: s.title,
        // Only the template fields go into the record; problem and requirement feed findings.
        items: s.items.map(({ id, text, legalBasis, majorCriterion }) => ({
          id,
          text,
          legalBasis,
          ...(majorCriterion === undefined ? {} : { majorCriterion }),
        })),
      })),
    };
    out[spec.key] = { record, items: spec.sections.flatMap((s) => s.items) };
  });
  return out;
}
