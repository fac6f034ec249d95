// Child-process entry that fills an HQ data directory with the sync benchmark's records, so that
// the embedded database's memory is given back when it exits. Arguments: a JSON SeedSpec with
// the HqStore to fill.
import { syncDataset } from '../data/sync-dataset';
import type { SeedSpec } from '../data/sync-dataset';
import type { HqStore } from './hq-server';
import { seedHqDatabase } from './hq-server';

const spec = JSON.parse(process.argv[2] ?? '{}') as SeedSpec & HqStore;
const data = syncDataset(spec);
seedHqDatabase(spec, data).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
