import { openDatabase } from '../db/client.ts';

/** `repaybot migrate`: creates the database if needed and applies every migration, then closes it. */
export function runMigrate(path: string): void {
  openDatabase(path).$client.close();
}
