import { describe, expect, it } from 'vitest';
import { splitText, truncateGraphemes } from '../../src/core/text-split.ts';
import { splitForTelegram, TELEGRAM_MAX_TEXT } from '../../src/transports/grammy.ts';
import { createTestBot, texts } from '../support/bot.ts';

/* Issue 13: replies cut an emoji in half (/language with a long argument; the 4,096 splitter). */

const FAMILY = '👨‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
const FLAG = '🇨🇳';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No piece starts or ends inside a surrogate pair, and the pieces are the text's graphemes. */
function wholeGraphemes(pieces: string[], text: string) {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const all = Array.from(segmenter.segment(text), (s) => s.segment);
  const cut = pieces.flatMap((piece) => Array.from(segmenter.segment(piece), (s) => s.segment));
  for (const piece of pieces) {
    expect(piece).not.toMatch(LONE_SURROGATE);
  }
  return { all, cut };
}

describe('splitting at Telegram’s 4,096 limit', () => {
  it('cuts one long line between graphemes, never inside an emoji', () => {
    const text = `${'a'.repeat(TELEGRAM_MAX_TEXT - 1)}${FAMILY}${'b'.repeat(10)}`;
    const pieces = splitForTelegram(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    expect(pieces.join('')).toBe(text);
    const { all, cut } = wholeGraphemes(pieces, text);
    expect(cut).toEqual(all);
  });

  it('a surrogate pair at the boundary stays whole', () => {
    const text = `${'a'.repeat(TELEGRAM_MAX_TEXT - 1)}😀${FLAG}`;
    const pieces = splitForTelegram(text);
    expect(pieces).toEqual(['a'.repeat(TELEGRAM_MAX_TEXT - 1), `😀${FLAG}`]);
  });

  it('prefers the last line break that fits, and drops it', () => {
    const text = `${'a'.repeat(3000)}\n${'😀'.repeat(1000)}`;
    expect(splitText(text, TELEGRAM_MAX_TEXT)).toEqual(['a'.repeat(3000), '😀'.repeat(1000)]);
  });

  it('many emoji in a row split into whole emoji, each piece within the limit', () => {
    const text = FAMILY.repeat(1000);
    const pieces = splitText(text, TELEGRAM_MAX_TEXT);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
      expect(piece.length % FAMILY.length).toBe(0);
    }
  });
});

describe('truncateGraphemes', () => {
  it('keeps whole graphemes and marks the cut', () => {
    expect(truncateGraphemes(FAMILY.repeat(50), 40)).toBe(`${FAMILY.repeat(40)}…`);
    expect(truncateGraphemes('short', 40)).toBe('short');
  });
});

describe('/language with a long argument', () => {
  it('echoes it cut by graphemes: no half of a family or a flag', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say(`/language ${'x'.repeat(39)}${FAMILY}${FLAG.repeat(5)}`));
    expect(reply).not.toMatch(LONE_SURROGATE);
    expect(reply).toContain(`"${'x'.repeat(39)}${FAMILY}"`);
    expect(reply).not.toMatch(/\u200d(?![\u{1F466}-\u{1F469}])/u);
  });
});
