import type { Db } from '../db/client.ts';

/** What handlers reach the application through; grows with each use case. */
export interface Services {
  db: Db;
  defaultTimeZone: string;
}
