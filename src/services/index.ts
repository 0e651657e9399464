import type { IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import type { Db } from '../db/client.ts';

/** What handlers reach the application through. */
export interface Services {
  db: Db;
  defaultTimeZone: string;
  /** The one-year LPR (percent) and since when: the 4 × LPR line for private loans. */
  lpr: { percent: Decimal; since: IsoDate };
}
