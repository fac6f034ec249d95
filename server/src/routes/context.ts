// What every route plugin is given by the app factory.
import type { Database } from '../db/database';

export interface RouteContext {
  db: Database;
  clock: () => Date;
}
