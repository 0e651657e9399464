/*
 * Cutting text for a reply without cutting a character in half. A "character" is what a reader
 * sees as one: a grapheme cluster (Intl.Segmenter), so an emoji with a skin tone, a flag, a family
 * joined by ZWJ or a letter with its combining accent stays whole, and never half a surrogate pair.
 * Lengths are UTF-16 code units, as Telegram counts its 4,096 limit.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Where the grapheme clusters of `text` start, in UTF-16 code units, ascending (0 first). */
function clusterStarts(text: string): number[] {
  return Array.from(graphemes.segment(text), (segment) => segment.index);
}

/** The last place at or before `max` where a cut leaves every grapheme whole (0 when the first is longer). */
function lastBoundary(text: string, max: number): number {
  let best = 0;
  for (const start of clusterStarts(text)) {
    if (start > max) break;
    best = start;
  }
  return text.length <= max ? text.length : best;
}

/**
 * The first `max` graphemes of `text` (what a reader counts), with `ellipsis` after them when
 * something was cut: for echoing what a user typed ("/language 🏳️‍🌈🏳️‍🌈…").
 */
export function truncateGraphemes(text: string, max: number, ellipsis = '…'): string {
  const segments = Array.from(graphemes.segment(text), (segment) => segment.segment);
  return segments.length <= max ? text : segments.slice(0, max).join('') + ellipsis;
}

/**
 * Splits a long text into pieces of at most `max` UTF-16 code units: at the last line break that
 * fits (the break itself is dropped), else, for one line longer than `max`, at the last grapheme
 * boundary that fits. A single grapheme longer than `max` (only a pathological ZWJ run) is cut
 * between code points, never inside a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const lineBreak = rest.lastIndexOf('\n', max);
    if (lineBreak > 0) {
      pieces.push(rest.slice(0, lineBreak));
      rest = rest.slice(lineBreak + 1);
      continue;
    }
    let at = lastBoundary(rest, max);
    if (at === 0) {
      // One grapheme longer than max: cut between code points.
      at = max;
      const unit = rest.charCodeAt(at - 1);
      if (unit >= 0xd800 && unit <= 0xdbff) at -= 1;
    }
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}
