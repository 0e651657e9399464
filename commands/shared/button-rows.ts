import type { Button } from '../../src/core/types.ts';

/** Lays buttons out two to a row, as Telegram clients show them best. */
export function pairs(buttons: Button[]): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}
