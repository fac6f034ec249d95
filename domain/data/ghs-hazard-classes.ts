// The GHS hazard classes and categories (the GB 30000 series) that a safety data sheet names: the
// vocabulary in which a holding that GB 18218-2018 Table 1 does not name is described, and in
// which each Table 2 row says what it covers. Every class is listed, not only those Table 2
// grades, so that a data sheet can be copied as it stands and the working can say which of its
// classes the standard does not count.
import { z } from 'zod';

export const ghsCategories = {
  explosive: ['unstable', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6'],
  // 1A and 1B are the later GHS revisions' split of category 1.
  flammableGas: ['1', '1A', '1B', '2'],
  aerosol: ['1', '2', '3'],
  oxidizingGas: ['1'],
  gasUnderPressure: ['compressed', 'liquefied', 'refrigeratedLiquefied', 'dissolved'],
  flammableLiquid: ['1', '2', '3', '4'],
  flammableSolid: ['1', '2'],
  selfReactive: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
  pyrophoricLiquid: ['1'],
  pyrophoricSolid: ['1'],
  selfHeating: ['1', '2'],
  waterReactive: ['1', '2', '3'],
  oxidizingLiquid: ['1', '2', '3'],
  oxidizingSolid: ['1', '2', '3'],
  organicPeroxide: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
  corrosiveToMetals: ['1'],
  acuteToxicity: ['1', '2', '3', '4', '5'],
  skinCorrosion: ['1', '1A', '1B', '1C', '2', '3'],
  eyeDamage: ['1', '2', '2A', '2B'],
  respiratorySensitizer: ['1', '1A', '1B'],
  skinSensitizer: ['1', '1A', '1B'],
  germCellMutagenicity: ['1A', '1B', '2'],
  carcinogenicity: ['1A', '1B', '2'],
  reproductiveToxicity: ['1A', '1B', '2', 'lactation'],
  stotSingle: ['1', '2', '3'],
  stotRepeated: ['1', '2'],
  aspiration: ['1', '2'],
  aquaticAcute: ['1', '2', '3'],
  aquaticChronic: ['1', '2', '3', '4'],
  ozoneLayer: ['1'],
} as const satisfies Record<string, readonly string[]>;

export type GhsClass = keyof typeof ghsCategories;
export const ghsClasses = Object.keys(ghsCategories) as [GhsClass, ...GhsClass[]];
export const ghsClassSchema = z.enum(ghsClasses);

/** Exposure routes, which only acute toxicity distinguishes. */
export const exposureRoutes = ['oral', 'dermal', 'inhalation'] as const;
export const exposureRouteSchema = z.enum(exposureRoutes);
export type ExposureRoute = z.infer<typeof exposureRouteSchema>;

/** Physical state at 20 °C and 101.3 kPa, as GHS decides gas, liquid or solid. */
export const physicalStates = ['gas', 'liquid', 'solid'] as const;
export const physicalStateSchema = z.enum(physicalStates);
export type PhysicalState = z.infer<typeof physicalStateSchema>;

export function isGhsCategory(cls: GhsClass, category: string): boolean {
  return (ghsCategories[cls] as readonly string[]).includes(category);
}

/** One line of a data sheet's classification, e.g. acute toxicity category 2, inhalation. */
export const ghsClassificationSchema = z
  .object({
    class: ghsClassSchema,
    category: z.string().min(1).max(24),
    route: exposureRouteSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (!isGhsCategory(c.class, c.category)) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'ghs.category' });
    }
    // Acute toxicity is classified per route; no other class has one.
    if ((c.class === 'acuteToxicity') !== (c.route !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['route'], message: 'ghs.route' });
    }
  });
export type GhsClassification = z.infer<typeof ghsClassificationSchema>;

/** How a classification is written in a working or a message: `acuteToxicity 2 (inhalation)`. */
export function ghsClassificationText(c: GhsClassification): string {
  return `${c.class} ${c.category}${c.route ? ` (${c.route})` : ''}`;
}
