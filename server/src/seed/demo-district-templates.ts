// The demo district's three checklist templates as records, and their item specs by key.
import type { ChecklistTemplate } from '../../../domain/schemas/template';
import { MAJOR_HAZARD_TEMPLATE_ID, builtInTemplateRecords } from '../statutory/built-in-templates';
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
    // Drawn for every template, so that the others keep their ids and times.
    const id = uuidV7(localInstant('2017-09-01', 9, i), idRng);
    const updatedAt = iso(clock.nowMs - intIn(touched, 90, 170) * DAY);
    if (spec.key === 'major') {
      // The statutory checklist every installation holds (statutory/built-in-templates.ts).
      const builtIn = builtInTemplateRecords(new Date(updatedAt)).find(
        (t) => t.id === MAJOR_HAZARD_TEMPLATE_ID,
      );
      if (!builtIn) throw new Error('the built-in major-hazard checklist is missing');
      out[spec.key] = { record: builtIn, items: spec.sections.flatMap((s) => s.items) };
      return;
    }
    const record: ChecklistTemplate = {
      id,
      version: 0,
      updatedAt,
      deletedAt: null,
      createdBy: adminId,
      agencyKind: spec.agencyKind,
      title: spec.title,
      sections: spec.sections.map((s) => ({
        title: s.title,
        // Only the template fields go into the record; the problem is the item's defect wording
        // (the hazard's title), and it and the requirement feed the history's findings.
        items: s.items.map(({ id, text, legalBasis, majorCriterion, problem }) => ({
          id,
          text,
          legalBasis,
          ...(majorCriterion === undefined ? {} : { majorCriterion }),
          defectText: problem,
        })),
      })),
    };
    out[spec.key] = { record, items: spec.sections.flatMap((s) => s.items) };
  });
  return out;
}
