/** "2" or "#2": a loan by its number in /loans (1–999); undefined for anything else. */
export function parseLoanNumber(word: string): number | undefined {
  return /^#?\d{1,3}$/.test(word) ? Number(word.replace('#', '')) : undefined;
}
