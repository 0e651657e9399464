import { openDatabase, type OpenDatabaseOptions } from '../db/client.ts';

/** `repaybot migrate`: creates the database if needed and applies every migration, then closes it. */
export function runMigrate(path: string, options: OpenDatabaseOptions = {}): void {
  openDatabase(path, options).$client.close();
}
