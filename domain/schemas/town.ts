// A town, sub-district or development zone of the district: the unit of jurisdiction. Users'
// jurisdictions and enterprises name towns by their division code, so a town's code never
// changes once the server holds it.
import { z } from 'zod';
import { nonEmpty, syncFields, textSchema, townCodeSchema } from './common';

export const townKinds = ['town', 'subdistrict', 'zone'] as const;
export const townKindSchema = z.enum(townKinds);
export type TownKind = z.infer<typeof townKindSchema>;

/** The fields of a town as an administrator gives them. */
export const townFieldsSchema = z.object({
  code: townCodeSchema,
  /** The official (Chinese) name. */
  name: nonEmpty(100),
  /** The English name, if the district has one; the Chinese name is shown otherwise. */
  nameEn: textSchema().trim().max(200, { message: 'tooLong' }).optional(),
  kind: townKindSchema,
});
export type TownFields = z.infer<typeof townFieldsSchema>;

export const townSchema = z.object({ ...syncFields, ...townFieldsSchema.shape });
export type TownRecord = z.infer<typeof townSchema>;

/** A town's name in the reader's language: the English name if any, else the official one. */
export function townLabel(town: Pick<TownFields, 'name' | 'nameEn'>, lang: 'zh' | 'en'): string {
  return lang === 'en' && town.nameEn ? town.nameEn : town.name;
}
