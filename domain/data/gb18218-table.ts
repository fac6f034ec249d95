// The GB 18218-2018 reference table as one versioned document (Tables 1 to 6 and the β for a
// Table 1 substance no Table 4 class fits) and the schema that checks it. The shipped values live
// in gb18218-2018.json; an administrator's edition is checked with the same schema before the
// rules use it, and every working names the version it was graded with.
import { z } from 'zod';
import rawTable from './gb18218-2018.json';
import {
  checkAlphaBands,
  checkLevels,
  checkRowIds,
  checkTable1,
  checkTable2,
  checkTables3And4,
} from './gb18218-table-checks';
import {
  alphaRowSchema,
  levelRowSchema,
  table1RowSchema,
  table2RowSchema,
  table3RowSchema,
  table4RowSchema,
  tableNoteSchema,
  tableVersionSchema,
  unclassifiedBetaSchema,
} from './gb18218-table-schema';
import { nonEmpty } from '../schemas/common';

export const gb18218TableSchema = z
  .object({
    standard: nonEmpty(100),
    titleZh: nonEmpty(200),
    titleEn: nonEmpty(200),
    version: tableVersionSchema,
    /** What a reader of the table must know about it as a whole (how it was checked). */
    notes: z.array(tableNoteSchema).max(50),
    table1: z.array(table1RowSchema).min(1).max(5000),
    table2: z.array(table2RowSchema).min(1).max(500),
    table3: z.array(table3RowSchema).max(500),
    table4: z.array(table4RowSchema).min(1).max(500),
    alpha: z.array(alphaRowSchema).min(1).max(20),
    levels: z.array(levelRowSchema).length(4),
    unclassifiedBeta: unclassifiedBetaSchema,
  })
  .superRefine((table, ctx) => {
    checkRowIds(table, ctx);
    checkTable1(table, ctx);
    checkTable2(table, ctx);
    checkTables3And4(table, ctx);
    checkAlphaBands(table.alpha, ctx);
    checkLevels(table.levels, ctx);
  });
export type Gb18218Table = z.infer<typeof gb18218TableSchema>;

/** The table as shipped, checked once when the module loads. */
export const defaultGb18218Table: Gb18218Table = gb18218TableSchema.parse(rawTable);
