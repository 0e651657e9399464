import { Decimal } from './money.ts';

/*
 * The waiver percentage operators are shown beside a penalty-waiver request: the longer the
 * arrears and the more often the borrower was late before, the less is usually waived. It is a
 * suggestion only; the operator decides. The table comes from configuration, hence its parser
 * with plain English messages: a bad value stops the bot at start-up, naming what is wrong.
 */

export interface WaiverGuidanceRow {
  /** Applies up to and including this many days overdue; null = any longer (the last row). */
  upToDays: number | null;
  /** Percent of the penalty to waive on a first overdue. */
  first: Decimal;
  /** Percent when the borrower has been overdue before. */
  repeated: Decimal;
}

/** Rows by increasing upToDays, the last one open-ended (null). */
export type WaiverGuidance = readonly WaiverGuidanceRow[];

export const DEFAULT_WAIVER_GUIDANCE: WaiverGuidance = [
  { upToDays: 30, first: new Decimal(100), repeated: new Decimal(50) },
  { upToDays: 90, first: new Decimal(50), repeated: new Decimal(25) },
  { upToDays: null, first: new Decimal(30), repeated: new Decimal(0) },
];

export const WAIVER_GUIDANCE_EXAMPLE = '30:100/50, 90:50/25, *:30/0';

const ROW = /^([^:]*):([^/]*)\/(.*)$/;
const DAYS = /^\d{1,5}$/;
const PERCENT = /^\d{1,3}(?:\.\d{1,2})?$/;

export type WaiverGuidanceResult = { ok: true; table: WaiverGuidance } | { ok: false; message: string };

/**
 * The configuration syntax: rows `days:first/repeated` separated by commas, days strictly
 * increasing, the last row `*` for any longer overdue, percents 0..100 with at most two decimals,
 * e.g. `30:100/50, 90:50/25, *:30/0`.
 */
export function parseWaiverGuidance(text: string): WaiverGuidanceResult {
  const fail = (message: string): WaiverGuidanceResult => ({ ok: false, message });
  const pieces = text.split(',').map((piece) => piece.replace(/\s+/g, ''));
  if (pieces.every((piece) => piece === '')) return fail('is empty: write rows days:first/repeated, the last one *');
  const rows: WaiverGuidanceRow[] = [];
  for (const [index, piece] of pieces.entries()) {
    const where = `row ${index + 1} "${piece}"`;
    const match = ROW.exec(piece);
    if (!match) return fail(`${where} is not days:first/repeated (e.g. 90:50/25)`);
    const [, days = '', first = '', repeated = ''] = match;
    const last = index === pieces.length - 1;
    let upToDays: number | null;
    if (days === '*') {
      if (!last) return fail(`${where}: only the last row may be * (any longer overdue)`);
      upToDays = null;
    } else {
      if (!DAYS.test(days) || Number(days) < 1)
        return fail(`${where}: days must be a whole number of days, at least 1, or * in the last row`);
      upToDays = Number(days);
      const before = rows[rows.length - 1]?.upToDays;
      if (before != null && upToDays <= before) return fail(`${where}: ${upToDays} days must be more than the row before (${before} days)`);
      if (last) return fail(`the last row must be *:first/repeated (any longer overdue), not "${piece}"`);
    }
    for (const [label, value] of [
      ['first-overdue', first],
      ['repeated-overdue', repeated],
    ] as const) {
      if (!PERCENT.test(value) || new Decimal(value).gt(100)) {
        return fail(`${where}: the ${label} percent "${value}" must be a number from 0 to 100 with at most 2 decimals`);
      }
    }
    rows.push({ upToDays, first: new Decimal(first), repeated: new Decimal(repeated) });
  }
  return { ok: true, table: rows };
}

/** The row for this many days overdue, and its percent for a first or a repeated overdue. */
export function suggestedWaiver(
  table: WaiverGuidance,
  daysOverdue: number,
  repeated: boolean,
): { percent: Decimal; row: WaiverGuidanceRow } {
  if (!Number.isInteger(daysOverdue) || daysOverdue < 0) throw new RangeError(`daysOverdue must be a whole number ≥ 0, got ${daysOverdue}`);
  const row = table.find((candidate) => candidate.upToDays === null || daysOverdue <= candidate.upToDays);
  // parseWaiverGuidance always ends a table with an open row; a table without one is a programming error.
  if (row === undefined) throw new RangeError(`waiver guidance has no row for ${daysOverdue} days overdue`);
  return { percent: repeated ? row.repeated : row.first, row };
}

/** Back to the configuration syntax, e.g. for the start-up log and /queue. */
export function formatWaiverGuidance(table: WaiverGuidance): string {
  return table.map((row) => `${row.upToDays ?? '*'}:${row.first.toString()}/${row.repeated.toString()}`).join(', ');
}
