import type { Config } from './config';
import type { DB } from './db/database';

/** A hook run when the server shuts down. */
export type Closer = () => Promise<void> | void;

/** What every part of the server is given: the configuration, the database, and a way to clean up at shutdown. */
export interface AppContext {
  config: Config;
  db: DB;
  /** Registers a hook run when the server closes (worker threads, timers), after the collaboration layer's flush. */
  onClose(closer: Closer): void;
}
