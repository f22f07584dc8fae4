import type { Config } from './config';
import type { DB } from './db/database';

/** What every part of the server is given: the configuration and the database. */
export interface AppContext {
  config: Config;
  db: DB;
}
