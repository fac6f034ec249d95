// The GB 18218-2018 reference table (critical quantities, β, α, grading bands) and the schema
// that checks it. The shipped values live in gb18218-2018.json; an admin-extended table is
// checked with the same schema before the rules use it.
import { z } from 'zod';
import rawTable from './gb18218-2018.json';

const casSchema = z.string().regex(/^\d{2,7}-\d{2}-\d$/, { message: 'cas.invalid' });
const positive = z.number().finite().positive();
const name = z.string().trim().min(1).max(200);

/** Hazard classes that carry a generic β (the toxic gases have their own table). */
export const betaHazardClasses = [
  'acuteToxicity1',
  'acuteToxicity2',
  'explosive',
  'flammableGas',
  'other',
] as const;
export type BetaHazardClass = (typeof betaHazardClasses)[number];

/** `toxicGas`: β comes from the toxic-gas table by CAS; otherwise from the class. */
export const betaClassSchema = z.enum(['toxicGas', ...betaHazardClasses]);
export type BetaClass = z.infer<typeof betaClassSchema>;

export const gb18218ChemicalSchema = z.object({
  nameZh: name,
  nameEn: name,
  cas: casSchema,
  /** Distinguishes rows that share a CAS number (ammonium nitrate by combustible content). */
  variant: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,63}$/)
    .optional(),
  /** Critical quantity, tonnes. */
  Q: positive,
  betaClass: betaClassSchema.optional(),
  /** An explicit β overrides the class (for chemicals an admin adds with a known β). */
  beta: positive.optional(),
});
export type Gb18218Chemical = z.infer<typeof gb18218ChemicalSchema>;

export const toxicGasBetaSchema = z.object({
  nameZh: name,
  nameEn: name,
  cas: casSchema,
  beta: positive,
});

export const alphaBandSchema = z.object({
  minPeople: z.number().int().nonnegative(),
  maxPeople: z.number().int().nonnegative().nullable(),
  alpha: positive,
});
export type AlphaBand = z.infer<typeof alphaBandSchema>;

export const levelBandSchema = z.object({
  level: z.number().int().min(1).max(4),
  minR: z.number().finite().nonnegative(),
});

export const genericCriticalQuantitySchema = z.object({
  id: z.string().regex(/^[a-zA-Z0-9]{1,64}$/),
  nameZh: name,
  nameEn: name,
  Q: positive,
});

export const gb18218TableSchema = z
  .object({
    standard: name,
    titleZh: name,
    chemicals: z.array(gb18218ChemicalSchema).min(1).max(5000),
    toxicGasBeta: z.array(toxicGasBetaSchema).max(500),
    betaByHazardClass: z.object({
      acuteToxicity1: positive,
      acuteToxicity2: positive,
      explosive: positive,
      flammableGas: positive,
      other: positive,
    }),
    alphaBands: z.array(alphaBandSchema).min(1).max(20),
    levels: z.array(levelBandSchema).length(4),
    genericCriticalQuantities: z.array(genericCriticalQuantitySchema).max(100),
  })
  .superRefine((table, ctx) => {
    checkChemicalRows(table.chemicals, table.toxicGasBeta, ctx);
    checkAlphaBands(table.alphaBands, ctx);
    checkLevels(table.levels, ctx);
  });
export type Gb18218Table = z.infer<typeof gb18218TableSchema>;

type Ctx = z.RefinementCtx;

function checkChemicalRows(
  chemicals: Gb18218Chemical[],
  toxicGases: { cas: string }[],
  ctx: Ctx,
): void {
  const toxicCas = new Set(toxicGases.map((g) => g.cas));
  if (toxicCas.size !== toxicGases.length) {
    ctx.addIssue({ code: 'custom', path: ['toxicGasBeta'], message: 'gb18218.duplicateCas' });
  }
  const rowsByCas = new Map<string, Gb18218Chemical[]>();
  chemicals.forEach((row, i) => {
    if (row.betaClass === 'toxicGas' && !toxicCas.has(row.cas)) {
      ctx.addIssue({
        code: 'custom',
        path: ['chemicals', i, 'betaClass'],
        message: 'gb18218.toxicGasWithoutBeta',
      });
    }
    rowsByCas.set(row.cas, [...(rowsByCas.get(row.cas) ?? []), row]);
  });
  for (const [cas, rows] of rowsByCas) {
    if (rows.length < 2) continue;
    // Rows sharing a CAS must each say which variant they are, or a holding could not be
    // matched unambiguously.
    const variants = new Set(rows.map((r) => r.variant));
    if (variants.has(undefined) || variants.size !== rows.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['chemicals'],
        message: 'gb18218.ambiguousCas',
        params: { cas },
      });
    }
  }
}

function checkAlphaBands(bands: AlphaBand[], ctx: Ctx): void {
  // The bands must cover 0, 1, 2, … without gap or overlap, and α must not fall as the
  // number of people rises (otherwise R would not be monotone).
  const sorted = [...bands].sort((a, b) => a.minPeople - b.minPeople);
  let next = 0;
  let lastAlpha = 0;
  for (const band of sorted) {
    const bad =
      band.minPeople !== next ||
      (band.maxPeople !== null && band.maxPeople < band.minPeople) ||
      band.alpha < lastAlpha;
    if (bad) {
      ctx.addIssue({ code: 'custom', path: ['alphaBands'], message: 'gb18218.alphaBands' });
      return;
    }
    if (band.maxPeople === null) {
      if (band !== sorted[sorted.length - 1]) {
        ctx.addIssue({ code: 'custom', path: ['alphaBands'], message: 'gb18218.alphaBands' });
      }
      return;
    }
    next = band.maxPeople + 1;
    lastAlpha = band.alpha;
  }
  ctx.addIssue({ code: 'custom', path: ['alphaBands'], message: 'gb18218.alphaBands' });
}

function checkLevels(levels: { level: number; minR: number }[], ctx: Ctx): void {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  const ok =
    sorted.every((band, i) => band.level === i + 1) &&
    sorted.every((band, i) => i === 0 || band.minR < (sorted[i - 1] as { minR: number }).minR) &&
    sorted[sorted.length - 1]?.minR === 0;
  if (!ok) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'gb18218.levels' });
}

/** The table as shipped, checked once when the module loads. */
export const defaultGb18218Table: Gb18218Table = gb18218TableSchema.parse(rawTable);
