import type { IsoDate } from '../domain/calendar.ts';
import { firstDueFrom } from '../domain/first-due.ts';
import { Decimal } from '../domain/money.ts';
import { defaultRateUnit } from '../domain/rates.ts';
import type { RepaymentMethod } from '../domain/schedule.ts';
import { joinSpaceGroups, parseAmount } from './amount.ts';
import { CHINESE_INTEGER_CHARS, CHINESE_NUMERAL_CHARS } from './chinese-number.ts';
import { parseDate, readDate } from './date.ts';
import { parseDueDay } from './due-day.ts';
import { METHOD_IN_TEXT } from './method.ts';
import { parseName } from './name.ts';
import { parsePeriods } from './periods.ts';
import { checkRate, INTEREST_FREE, readRate, totalFeeRate, type RateInput } from './rate.ts';
import { foldToSimplified, isTooLong, normalizeText, ok, type ParseError, type ParseResult } from './result.ts';

/** The terms a one-line /addloan states (the form asks for the rest). */
export interface LoanLineTerms {
  name: string;
  principal: Decimal;
  method: RepaymentMethod;
  rate: RateInput;
  periods: number;
  firstDue: IsoDate;
  /** Set when the line gave a day of the month (每月15号, 15号): firstDue is the next such day. */
  dueDay: number;
}

/** What parseLoanLine needs to read dates that count from today (明天, 2月15日, 每月15号). */
export interface LoanLineContext {
  /** The borrower's today. */
  today: IsoDate;
}

/**
 * How a first due date the line did not spell out in full was read, for the reply to say so:
 * 'day-month-year' for 15/02/2027 (message `date-order-assumed`), 'filled-in' for a date whose
 * year or month came from today, one counted from today (明天, 下个月15号) or a due day (每月15号)
 * (message `date-year-assumed`).
 */
export interface LoanLineDateNote {
  /** The date as typed, without its keyword ("15/02/2027", "2月15日", "每月15号"). */
  typed: string;
  date: IsoDate;
  assumed: 'day-month-year' | 'filled-in';
}

export interface LoanLineResult {
  /** Every field the line stated unambiguously and validly. */
  draft: Partial<LoanLineTerms>;
  /**
   * Pieces that looked like values but were not used: ambiguous (two different amounts, a rate
   * without a unit, "12/10"), or not understood. The form shows them and asks for the field.
   */
  unread: string[];
  /** Fields the line did state but that are invalid (2026-02-30 → 'date-impossible'). */
  errors: ParseError[];
  /**
   * The number the amount was read from, as typed ("4999", "¥12,000"), when the line had a choice
   * to make: other numbers (kept in the name, or unread) or a number cut out of a word (花呗3000).
   * The card then says which number it took.
   */
  amountFrom?: string;
  /** Set when the first due date was read from a date the line did not spell out in full. */
  dateNote?: LoanLineDateNote;
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each stage runs on what earlier stages left, so order matters: method words first
// ("interest first 2027-01-15"), then dates (their digits would otherwise look like amounts),
// rates (4.9 in 年利率4.9%), periods, amounts; whatever is left is the name. They run on text folded
// to simplified characters (see foldToSimplified), so their Chinese is written in simplified only.

const CN_NUM = '[一二两三四五六七八九十]';

const DATE_KEYWORD_EN =
  'first\\s+(?:due|payment|repayment|instal+ment)(?:\\s+date)?(?:\\s+(?:on|is))?|first|starting(?:\\s+(?:on|from))?|start(?:\\s+date)?|from|due(?:\\s+(?:date|on))?|on';
const DATE_KEYWORD_ZH = '首期还款日|首次还款日|首次还款|首还日|首还|首期|首次|第一期|起始日|起始|开始|还款日|从';
const DATE_KEYWORD = `(?:(?<![a-z])(?:${DATE_KEYWORD_EN})(?![a-z])|${DATE_KEYWORD_ZH})\\s*:?\\s*`;
const DATE_BODY = '\\d{4}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}|\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]?|\\d{8}';
// 从2027-01-01开始 / 2027-01-01起: the trailing word belongs to the date, not the name.
const FULL_DATE = new RegExp(`(${DATE_KEYWORD})?(?<![\\d.])(${DATE_BODY})(?!\\d)(?:\\s*(?:开始|起))?`, 'gi');
/** Dates without a year, or in an order we refuse to guess (10/12/2026): never used. */
const PARTIAL_DATE = new RegExp(
  `(?:${DATE_KEYWORD})?(?:(?<!\\d)\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]?|(?<![\\d.])\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{2,4}(?!\\d)|(?<![\\d.])\\d{1,2}\\s*/\\s*\\d{1,2}(?![\\d/])|(?<![\\d.])\\d{1,2}\\s*[日号](?:\\s*还款?)?(?![\\d一-龥]))`,
  'gi',
);

/*
 * Dates that need today (read only when parseLoanLine is given it), each piece as readDate or
 * parseDueDay reads it. They run after FULL_DATE and before PARTIAL_DATE, which then takes what
 * is left (10/12 with no year, 15/02/26).
 */
/** A day or a month in digits or in Chinese numerals (15, 十五); the numerals taken whole. */
const CN_DAY = `(?:(?<!\\d)\\d{1,2}(?!\\d)|(?<![${CHINESE_NUMERAL_CHARS}])[一二三四五六七八九十]{1,3}(?![${CHINESE_NUMERAL_CHARS}]))`;
/** 号 or 日 after a day, but not the 日 of 日息 / 日利率 (2月15 日息万5). */
const CN_DAY_MARK = '[号日](?![息利率])';
/** Nothing that makes the number something else right after: digits, a rate, a period unit. */
const NOT_A_VALUE_AFTER =
  '(?![\\d.,%/-])(?!\\s*(?:%|percent(?![a-z])|pct(?![a-z])|个点|期|个月|年(?![化利息率费])|(?:months?|mos|mths?|years?|yrs?|instal+ments?|payments?|periods?|terms?)(?![a-z])))';
const EN_MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?![a-z])';
const EN_ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?(?![a-z\\d])';
const DATE_NEEDING_TODAY = [
  // Due days first (每月15号 is a due day, not "月15号"); parseDueDay reads them.
  `每个?月\\s*的?\\s*${CN_DAY}\\s*${CN_DAY_MARK}(?:\\s*还款?)?`,
  `每个?月\\s*的?\\s*${CN_DAY}(?:\\s*还款?)?${NOT_A_VALUE_AFTER}(?![a-z一-龥])`,
  '(?:每个?月\\s*的?\\s*)?(?:月底|月末|最后一天)(?:还款?)?',
  `(?<![a-z])(?:(?:every|each)\\s+month|monthly)(?:\\s+on)?\\s+(?:the\\s+)?${EN_ORDINAL}`,
  `(?<![a-z\\d.])(?:the\\s+)?${EN_ORDINAL}\\s+(?:of\\s+)?(?:every|each|the)\\s+month(?![a-z])`,
  '(?<![a-z])(?:on\\s+)?(?:the\\s+)?(?:end|last\\s+day)\\s+of\\s+(?:the|every|each)\\s+month(?![a-z])|(?<![a-z])month[-\\s]?end(?![a-z])',
  `(?<![a-z])every\\s+\\d{1,2}(?:st|nd|rd|th)(?![a-z])`,
  // Counted from today: 下个月15号, 明年2月1日, "the 15th of next month", 明天, tomorrow.
  `(?:下个?月|次月|本月|这个?月)\\s*的?\\s*${CN_DAY}\\s*(?:${CN_DAY_MARK})?${NOT_A_VALUE_AFTER}`,
  `(?<![a-z\\d.])(?:the\\s+)?${EN_ORDINAL}\\s+(?:of\\s+)?(?:next|this)\\s+month(?![a-z])`,
  `(?<![a-z])(?:next|this)\\s+month(?:\\s+on)?\\s+(?:the\\s+)?${EN_ORDINAL}`,
  // A first due date is ahead: 今天, 昨天 or "today" in a line are more likely when the money came.
  '明天|明日|后天|(?<![a-z])(?:(?:the\\s+)?day\\s+after\\s+tomorrow|tomorrow|tmrw?)(?![a-z])',
  // Without a year, or with it last: 2月15日, 十二月十日, 明年2月1日, 15 Feb 2027, Feb 15, 15/02/2027.
  `(?:今年|明年)?\\s*${CN_DAY}\\s*月\\s*${CN_DAY}\\s*(?:${CN_DAY_MARK})?${NOT_A_VALUE_AFTER}`,
  `(?<![a-z\\d.])(?:the\\s+)?${EN_ORDINAL}(?:\\s+of)?[\\s-]*${EN_MONTH}(?:,?[\\s-]+\\d{4}(?!\\d))?`,
  `(?<![a-z])${EN_MONTH}[\\s-]*(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?![a-z])(?:,?\\s+\\d{4}(?!\\d))?${NOT_A_VALUE_AFTER}`,
  '(?<![\\d.])\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{4}(?![\\d.])',
  // A day of the month alone: 15号, 十五号; not 2号卡 or 15日息.
  `${CN_DAY}\\s*[号日](?:\\s*还款?)?(?![\\d一-龥])`,
].join('|');
const DATE_WITH_TODAY = new RegExp(`(${DATE_KEYWORD})?(${DATE_NEEDING_TODAY})`, 'gi');
/** "first due 15th": an ordinal alone is a due day only after a keyword (not "1st payment"). */
const ORDINAL_AFTER_KEYWORD = new RegExp(`(${DATE_KEYWORD})(\\d{1,2}(?:st|nd|rd|th)(?![a-z\\d]))`, 'gi');

/** 总费率 8.8%: the fee over the whole plan (花呗, 白条); 總費率 reads folded as 总费率. */
const TOTAL_FEE_ZH = '总(?:手续费率|手续费|费率|费用率|费用)';
const TOTAL_FEE_EN = 'total\\s+(?:fees?|charges?|costs?)(?:\\s+rate)?';
const RATE_PREFIX_ZH =
  `${TOTAL_FEE_ZH}|` +
  '分期手续费率|分期手续费|月手续费率|月手续费|月费率|手续费率|手续费|分期费率|费率|' +
  '年化利率|年化费率|年化|年利率|年息|年利|年率|月利率|月息|月利|月率|日利率|日息|日利|日率|利率|利息';
const RATE_PREFIX_EN =
  `${TOTAL_FEE_EN}|` +
  'apr|annual\\s+(?:interest\\s+)?rate|annual\\s+interest|(?:monthly|daily)\\s+(?:interest\\s+)?rate|monthly\\s+fee(?:\\s+rate)?|fee\\s+rate|interest\\s+rate|interest|rate|fee';
const RATE_VALUE =
  `[-+]?(?:(?:\\d+(?:\\.\\d+)?|${CN_NUM})\\s*分(?!期)(?:(?:\\d|${CN_NUM}|半)厘?)?|(?:\\d+(?:\\.\\d+)?|${CN_NUM})\\s*厘` +
  `|万分?之?\\s*(?:\\d+(?:\\.\\d+)?|${CN_NUM})|[千百]分之\\s*(?:\\d+(?:\\.\\d+)?|${CN_NUM})` +
  '|\\d+(?:\\.\\d+)?\\s*(?:%|percent(?![a-z])|pct(?![a-z])|个点)?)';
/** A number followed by a period unit is a term ("rate 12 months" is nonsense, not 12%). */
const NOT_A_TERM = '(?![\\d.])(?!\\s*(?:期|个月|(?:months?|years?|yrs?|instal+ments?)(?![a-z])|年(?![化利息率费])))';
const RATE_WITH_PREFIX = new RegExp(
  `(?:(?<![a-z])(?:${RATE_PREFIX_EN})(?![a-z])|${RATE_PREFIX_ZH})\\s*(?:(?<![a-z])(?:of|at|is)(?![a-z])|[:=])?\\s*${RATE_VALUE}${NOT_A_TERM}`,
  'gi',
);
const RATE_SUFFIX =
  // "8.8% total fee"; "12% interest" says it is a rate, not which kind (readRate finds no unit).
  `(?<![a-z])(?:${TOTAL_FEE_EN}|(?:fees?\\s+)?in\\s+total|interest(?:\\s+rate)?)(?![a-z])|` +
  '(?<![a-z])(?:a\\.?p\\.?r\\.?|p\\.?a\\.?|per\\s+(?:annum|year|month|day)|(?:a|every|each)\\s+(?:year|month|day)|annual(?:ly)?|yearly|monthly\\s+fee(?:\\s+rate)?|monthly|daily|fee(?:\\s+rate)?)(?![a-z])' +
  '|/\\s*(?:year|yr|annum|month|mo|day)(?![a-z])' +
  // Chinese puts the label first (年化12%), so a label followed by a number starts the NEXT rate.
  '|(?:年化|年息|月息|日息|每年|每月|每天|每日|/\\s*[年月日天]|月费率|手续费率?|费率)(?!\\s*:?\\s*[-+]?\\d)';
const PERCENT = '[-+]?\\d+(?:\\.\\d+)?\\s*(?:%|percent(?![a-z])|pct(?![a-z])|个点)';
const RATE_WITH_SUFFIX = new RegExp(`(?<![\\d.a-z])${PERCENT}\\s*(?:${RATE_SUFFIX})`, 'gi');
const BARE_PERCENT = new RegExp(`(?<![\\d.a-z])${PERCENT}`, 'gi');
/** 免息, interest-free, 0 interest, 0%利息: a rate of 0 (readRate reads these words too). */
const INTEREST_FREE_IN_TEXT = new RegExp(`(?:${INTEREST_FREE})|(?<![\\d.a-z])0(?:\\.0+)?\\s*%?\\s*(?:利息|息)`, 'gi');
/**
 * 总手续费264元 / "total fee 264": the plan's fee as money, not a rate (a rate says %). Turned into
 * the monthly fee rate once the amount and the periods are known.
 */
const TOTAL_FEE_AMOUNT = new RegExp(
  `(?:${TOTAL_FEE_ZH}|(?<![a-z])${TOTAL_FEE_EN}(?![a-z]))\\s*(?:(?<![a-z])(?:of|is)(?![a-z])|[:=])?\\s*` +
    '((?:¥|\\$|(?<![a-z])(?:cny|rmb)(?![a-z]))?\\s*(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![\\d.,%])(?!\\s*(?:%|percent|pct|个点))(?:\\s*(?:元|块钱?|yuan|rmb|cny)(?![a-z]))?)',
  'gi',
);

const PERIOD_UNIT =
  '期(?!数)|个月|(?:months?|mos|mths?|instal+ments?|payments?|periods?|terms?|years?|yrs?)(?![a-z])|年期?(?![化利息率费\\d])';
// Chinese numerals only before a Chinese unit (十二期, 两年, 一年半); never after 第 (第一期 is "the
// first installment", not one period).
const PERIODS_IN_TEXT = new RegExp(
  '(?:(?:分|共|期数)\\s*:?\\s*|(?<![a-z])(?:for|over|term|tenor|tenure)(?![a-z])\\s*:?\\s*)?' +
    `((?<![\\d.,])\\d+(?:\\.\\d+)?\\s*(?:${PERIOD_UNIT})|(?<![第${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]+(?:期(?!数)|个月|年半?(?![化利息率费\\d]))|半年(?![化利息率费\\d]))`,
  'gi',
);

/** 1e4 (a power of ten, as a spreadsheet shows it) first: its e is no model letter (2027款, 15pro). */
const AMOUNT_NUMBER = '\\d+(?:\\.\\d+)?e[-+]?\\d+(?![a-z])|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/**
 * An amount in Chinese numerals, alone or with digits (一万二, 两万, 1万2, 三千五, 壹万贰仟): a run
 * of them with a 百, 千, 万 or 亿 in it. Period counts (十二期, 分十二期) and rates (月息一分, 日息万五)
 * are taken before the amount is looked for, so what is left of them never gets here.
 */
const CHINESE_AMOUNT = `(?=[\\d${CHINESE_INTEGER_CHARS}]*[百千万亿佰仟])\\d*[${CHINESE_INTEGER_CHARS}][\\d${CHINESE_INTEGER_CHARS}]*`;
const CHINESE_IN_AMOUNT = new RegExp(`[${CHINESE_INTEGER_CHARS}]`);
/** A digit written in Chinese (一万二, not 1万): such an amount can be a word's (一千万医疗险). */
const CHINESE_DIGIT_IN_AMOUNT = new RegExp(`[${CHINESE_INTEGER_CHARS.replace(/[十百千万萬亿億拾佰仟]/g, '')}]`);
const AMOUNT_IN_TEXT = new RegExp(
  '(?:(本金|金额|借款金额|(?<![a-z])(?:principal|amount|borrowed)(?![a-z]))\\s*:?\\s*)?' +
    '(?<![\\d.,a-z])' +
    '((?:[-+]\\s*)?(?:(¥|\\$|us\\$|(?<![a-z])(?:cny|rmb|usd)(?![a-z]))\\s*)?(?:[-+]\\s*)?' +
    `(?:${CHINESE_AMOUNT}|${AMOUNT_NUMBER})(?!\\d|[.,]\\d)` +
    '(?:\\s*(万|w|k|千|亿)(?![a-z]))?' +
    '(?:\\s*(元整?|块钱?|圆|人民币|(?<![a-z])(?:yuan|rmb|cny|usd|dollars?)(?![a-z])))?)',
  'gi',
);

/** Lone signs that join the words of a name, kept inside one and dropped at its ends. */
const AMPERSANDS = new Set(['&', '＆']);

/** Words that join fields in English ("10000 at 12% over 12 months"), never a name on their own. */
const CONNECTORS = new Set([
  'at',
  'for',
  'over',
  'with',
  'and',
  'of',
  'on',
  'in',
  'by',
  'from',
  'to',
  'is',
  'per',
  'plus',
  '&',
  '+',
  '-',
  '/',
  '@',
  '和',
  '及',
]);

// ---------------------------------------------------------------------------------------------

const GAP = '\u0000';
/** A character of a word the name keeps but no pattern may read again (a private-use code point). */
const HIDDEN = '\uE001';

interface Span {
  start: number;
  end: number;
  match: RegExpExecArray;
}

/**
 * The line plus a working copy, folded to simplified characters for the patterns, in which used
 * characters become GAP, so no later pattern can match across them. The fold keeps every
 * character's index, so what a borrower reads back (the name, the unread pieces) is cut from
 * `text`, in the script they wrote it in.
 */
class Line {
  readonly text: string;
  private work: string;
  private readonly kept: Span[] = [];

  constructor(text: string) {
    this.text = text;
    this.work = foldToSimplified(text);
  }

  find(pattern: RegExp): Span[] {
    const spans: Span[] = [];
    for (const match of this.work.matchAll(pattern)) {
      if (match[0].trim() === '') continue;
      spans.push({ start: match.index, end: match.index + match[0].length, match });
    }
    return spans;
  }

  use(span: Span): void {
    this.work = this.work.slice(0, span.start) + GAP.repeat(span.end - span.start) + this.work.slice(span.end);
  }

  /**
   * Hides a span from later patterns but leaves it to the name ("bnpl" in "huabei-bnpl"): its
   * characters become HIDDEN, which no pattern matches and which still splits into words.
   */
  hide(span: Span): void {
    this.work = this.work.slice(0, span.start) + HIDDEN.repeat(span.end - span.start) + this.work.slice(span.end);
  }

  /** True when a letter or digit joins the span by a hyphen or an underscore ("huabei-bnpl", "bnpl_shop"). */
  joinedToWord(span: Span): boolean {
    return /[\p{L}\p{N}][-_]$/u.test(this.work.slice(0, span.start)) || /^[-_][\p{L}\p{N}]/u.test(this.work.slice(span.end));
  }

  textOf(span: Span): string {
    return this.text.slice(span.start, span.end).trim();
  }

  /** The characters just before and after a span, in the working copy (GAP where a value was used). */
  neighbours(span: Span): { before: string; after: string } {
    return { before: this.work[span.start - 1] ?? GAP, after: this.work[span.end] ?? GAP };
  }

  /**
   * The whole words (space-separated, in the same run of unused text) just before and after a
   * span, with the `masked` spans blanked out so another number never reads as a word.
   */
  wordsAround(
    span: Span,
    masked: readonly Span[],
    isNameWord: (word: string) => boolean,
  ): { previous: string | undefined; next: string | undefined; nameBefore: boolean } {
    let work = this.work;
    for (const m of masked) work = work.slice(0, m.start) + '#'.repeat(m.end - m.start) + work.slice(m.end);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks the text a stage has used.
    const pieces = work.slice(0, span.start).split(/[\u0000#]+/);
    const left = pieces.pop() ?? '';
    const right = work.slice(span.end).split(GAP)[0] ?? '';
    return {
      previous: /\s$/.test(left) ? left.trim().split(/\s+/).at(-1) || undefined : undefined,
      next: /^\s/.test(right) ? right.trim().split(/\s+/)[0] || undefined : undefined,
      // A name word before the span with a value between: the span is in a later piece of the line.
      nameBefore: pieces.some((piece) => piece.split(/\s+/).some(isNameWord)),
    };
  }

  /** Marks a number as part of the name: the name stage keeps the word that holds it. */
  keep(span: Span): void {
    this.kept.push(span);
  }

  isKept(start: number, length: number): boolean {
    return this.kept.some((k) => k.start < start + length && start < k.end);
  }

  /** Words (space-separated) no stage used, grouped by the runs they stand in, in order. */
  leftovers(): { start: number; text: string }[][] {
    const pieces: { start: number; text: string }[][] = [];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks the text a stage has used.
    for (const run of this.work.matchAll(/[^\u0000]+/g)) {
      const words = [...run[0].matchAll(/\S+/g)].map((w) => {
        const start = run.index + w.index;
        return { start, text: this.text.slice(start, start + w[0].length) };
      });
      if (words.length > 0) pieces.push(words);
    }
    return pieces;
  }
}

const FULL_WIDTH_COMMA = '\uE000';

/**
 * Commas: "12,000" groups thousands; "1,2345" or "12,00" could be two numbers or a decimal, so
 * an ASCII comma between digits is kept and the whole token ends up unread. A full-width "，"
 * that does not group thousands separates fields ("招行分期，12000，12期"), as do list marks.
 * Called on the raw text: after NFKC the two commas look the same.
 */
function normalizeLine(raw: string): string {
  // Control characters (NUL is our own GAP marker) are never part of a loan description.
  const spaced = normalizeText(raw.replace(/\p{Cc}/gu, ' ').replace(/\uFF0C/g, FULL_WIDTH_COMMA)).replace(/\u3001|;|\||\u3002/g, ' ');
  // "10 000": spaces that surely group thousands (amount.ts) become commas, which group them below.
  const text = joinSpaceGroups(spaced, ',');
  const grouping = new Set<number>();
  for (const m of text.matchAll(/(?<![\d.]|\d,)\d{1,3}(?:[,\uE000]\d{3})+(?:\.\d+)?(?!\d|,\d)/g)) {
    for (let i = m.index; i < m.index + m[0].length; i++) grouping.add(i);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ',' || c === FULL_WIDTH_COMMA) {
      const betweenDigits = /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
      out += grouping.has(i) || (c === ',' && betweenDigits) ? ',' : ' ';
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Picks the value of a field from every place the line mentioned it: one clear mention (or
 * several that agree) is used; mentions that disagree, or sit beside an invalid one, are left
 * unread. `preferred`
 * breaks a tie when one mention is clearly the defining one (a fee rate over an APR).
 */
function choose<T>(
  candidates: { span: Span; value: T }[],
  invalid: number,
  same: (a: T, b: T) => boolean,
  preferred?: (value: T) => boolean,
): { value: T | undefined; rejected: Span[] } {
  // One valid and one invalid mention ("12期 … 700期") disagree as much as two valid ones do.
  if (invalid > 0) return { value: undefined, rejected: candidates.map((c) => c.span) };
  const first = candidates[0];
  if (!first) return { value: undefined, rejected: [] };
  if (candidates.every((c) => same(c.value, first.value))) return { value: first.value, rejected: [] };
  if (preferred) {
    const best = candidates.filter((c) => preferred(c.value));
    const winner = best[0];
    if (winner && best.every((c) => same(c.value, winner.value))) {
      return { value: winner.value, rejected: candidates.filter((c) => !preferred(c.value)).map((c) => c.span) };
    }
  }
  return { value: undefined, rejected: candidates.map((c) => c.span) };
}

/** Letters or model words right after a number make it part of a name: 2027款, 15寸, 15pro, 3代. */
const NAME_AFTER_NUMBER = /^[a-z款型代寸版系]/i;
/** Below this, a bare number beside a name is a model or a version (iPhone 15), not money borrowed. */
const SMALLEST_BARE_AMOUNT = new Decimal(100);

/**
 * How a number found by AMOUNT_IN_TEXT sits in the line:
 * - marked: a currency sign, 元, 万/k or a keyword (本金) says it is money;
 * - model: letters or 款/型/寸 follow it (2027款, 15pro): part of the name, never the amount;
 * - glued: it touches a word (花呗3000, 小米15, 3000分期): the amount only if nothing else is;
 * - inside: name words on both sides (Xiaomi 15 手机): likewise;
 * - after-name: a small number (under 100) right after a name word, before another number or in
 *   the line's first name piece (iPhone 15 8000, Model 3 ¥200,000, 5000 for iPhone 15): part of
 *   the name;
 * - stray: the same in a later piece of the line ("phone 10000 12 months thanks 12"): unread;
 * - plain: a number standing between values or at an edge.
 */
type AmountKind = 'marked' | 'model' | 'glued' | 'inside' | 'after-name' | 'stray' | 'plain';

interface AmountCandidate {
  span: Span;
  kind: AmountKind;
  value: Decimal;
  /** The number as typed, without its keyword ("4999", "¥12,000", "1.2万"). */
  from: string;
}

function isNameWord(word: string | undefined): word is string {
  return word !== undefined && /\p{L}/u.test(word) && !CONNECTORS.has(word.toLowerCase());
}

/**
 * The amount borrowed, decided from context when the line has several numbers: a marked one
 * wins; then a plain one; a number that belongs to a name (glued to a word, between name words,
 * a model number) stays in the name and is the amount only when no other number could be. When
 * two could be, both are unread and the form asks.
 */
function readAmounts(line: Line): { value?: { value: Decimal; from: string | undefined }; unread: Span[]; errors: ParseError[] } {
  const spans = line.find(AMOUNT_IN_TEXT);
  const candidates: AmountCandidate[] = [];
  const unread: Span[] = [];
  const errors: ParseError[] = [];
  let invalid = 0;
  for (const span of spans) {
    const [whole, keyword, amountText, currency, multiplier, suffix] = span.match;
    const offset = span.start + whole.indexOf(amountText as string);
    const from = line.text.slice(offset, offset + (amountText as string).length).trim();
    const { before, after } = line.neighbours(span);
    const { previous, next, nameBefore } = line.wordsAround(
      span,
      spans.filter((other) => other !== span),
      isNameWord,
    );
    const touches = /\p{L}/u.test(before) || /\p{L}/u.test(after);
    // 万 or 千 marks money as a multiplier does (1万2, 三千五), unless Chinese digits run on into a word.
    const chinese = CHINESE_IN_AMOUNT.test(amountText as string);
    const chineseMarked = chinese && !(touches && CHINESE_DIGIT_IN_AMOUNT.test(amountText as string));
    let kind: AmountKind;
    if (keyword !== undefined || currency !== undefined || multiplier !== undefined || suffix !== undefined || chineseMarked) {
      kind = 'marked';
    } else if (NAME_AFTER_NUMBER.test(after)) kind = 'model';
    else if (touches) kind = 'glued';
    else if (isNameWord(previous) && isNameWord(next)) kind = 'inside';
    else kind = 'plain';
    if (kind === 'model') {
      line.keep(span);
      continue;
    }
    const parsed = parseAmount(amountText as string);
    if (!parsed.ok) {
      // Not money, and sitting in a name: it is part of the name ("Xiaomi 0 手机" is odd, not an error).
      if (kind === 'glued' || kind === 'inside' || (chinese && touches)) {
        line.keep(span);
        continue;
      }
      line.use(span);
      if (parsed.error === 'amount-not-number') unread.push(span);
      else {
        if (!errors.includes(parsed.error)) errors.push(parsed.error);
        invalid++;
      }
      continue;
    }
    // iPhone 15 8000: a small number between a name word and the next number is a model; so is
    // one ending the name ("5000 for iPhone 15"), but not one after the name and its values
    // ("phone 10000 12 months thanks 12"): that is a stray value.
    if (kind === 'plain' && parsed.value.lt(SMALLEST_BARE_AMOUNT) && isNameWord(previous)) {
      kind = (next !== undefined && /^#+$/.test(next)) || !nameBefore ? 'after-name' : 'stray';
    }
    candidates.push({ span, kind, value: parsed.value, from });
  }

  const of = (...kinds: AmountKind[]) => candidates.filter((c) => kinds.includes(c.kind));
  const marked = of('marked');
  const plain = of('plain');
  const pool =
    marked.length > 0 ? marked : plain.length > 0 ? plain : of('glued', 'inside').filter((c) => c.value.gte(SMALLEST_BARE_AMOUNT));
  const choice = choose(
    pool.map((c) => ({ span: c.span, value: c })),
    invalid,
    (a, b) => a.value.eq(b.value),
  );
  const chosen = choice.value;
  for (const c of candidates) {
    const inPool = pool.includes(c);
    if (inPool && !choice.rejected.includes(c.span)) line.use(c.span);
    else if (inPool || c.kind === 'stray' || (c.kind === 'plain' && marked.length > 0)) {
      line.use(c.span);
      unread.push(c.span);
    } else line.keep(c.span);
  }
  // Worth saying only when there was a choice: other numbers, or a number cut out of a word.
  const told = chosen && (spans.length > 1 || chosen.kind === 'glued' || chosen.kind === 'inside');
  return { ...(chosen ? { value: { value: chosen.value, from: told ? chosen.from : undefined } } : {}), unread, errors };
}

/** A first due date as the line gave it; `assumed` when the reply must say how it was read. */
interface DateRead {
  date: IsoDate;
  dueDay?: number;
  assumed?: LoanLineDateNote['assumed'];
  typed?: string;
}

/**
 * A date that may need today: a due day (每月15号, 15号, "15th of each month") as the guided form
 * reads it (the first such day after today, firstDueFrom), else readDate preferring the future:
 * a first due date is ahead.
 */
function readDateWithToday(typed: string, today: IsoDate): ParseResult<DateRead> {
  const dueDay = parseDueDay(typed);
  if (dueDay.ok) return ok({ date: firstDueFrom(today, dueDay.value), dueDay: dueDay.value, assumed: 'filled-in', typed });
  const reading = readDate(typed, { today, prefer: 'future' });
  if (!reading.ok) return reading;
  const { date, dateOrderAssumed, inferred, relative } = reading.value;
  if (dateOrderAssumed) return ok({ date, assumed: 'day-month-year', typed });
  return ok(inferred || relative ? { date, assumed: 'filled-in', typed } : { date });
}

/**
 * Reads a one-line loan description (the text after /addloan), e.g.
 * "招行分期 12000 12期 月费率0.6% 首期2026-12-10" or
 * "car loan 10000 12 months 12% apr annuity first 2027-01-15".
 * Fills whatever the line states unambiguously; the words left over are the name. It never
 * guesses: two bare numbers could each be the amount, so both are left unread and the form asks.
 *
 * With `context` it also reads first due dates as people type them: without a year (2月15日,
 * Feb 15: the next one on or after today), counted from today (明天, 下个月15号, "the 15th of next
 * month"), day first with the year last (15/02/2027), and due days (每月15号, 15号, "15th of each
 * month": draft.dueDay, and firstDue the first such day after today, as the guided form reads it).
 * `dateNote` then says how the date was read, for the reply to show. Without it those are unread.
 */
export function parseLoanLine(text: string, context?: LoanLineContext): LoanLineResult {
  if (isTooLong(text)) return { draft: {}, unread: [], errors: ['text-too-long'] };
  const line = new Line(normalizeLine(text));
  const draft: Partial<LoanLineTerms> = {};
  const unread: { start: number; text: string }[] = [];
  const errors: ParseError[] = [];
  let amountFrom: string | undefined;
  let dateNote: LoanLineDateNote | undefined;
  const markUnread = (span: Span): void => {
    unread.push({ start: span.start, text: line.textOf(span) });
  };
  const addError = (error: ParseError): void => {
    if (!errors.includes(error)) errors.push(error);
  };

  // --- method (first: "interest first 2027-01-15" must not lose "first" to the date) -------
  const methods: { span: Span; value: RepaymentMethod }[] = [];
  /**
   * A method word joined to another by a hyphen ("huabei-bnpl", "shop_annuity") is part of a
   * name: the name keeps the whole word, and the method counts only when no other is typed.
   */
  const methodsInNames: { span: Span; value: RepaymentMethod }[] = [];
  for (const [pattern, method] of METHOD_IN_TEXT) {
    for (const span of line.find(pattern)) {
      if (line.joinedToWord(span)) {
        line.hide(span);
        methodsInNames.push({ span, value: method });
        continue;
      }
      line.use(span);
      methods.push({ span, value: method });
    }
  }
  // --- first due date -------------------------------------------------------------------------
  const dates: { span: Span; value: ParseResult<DateRead>; keyword: boolean }[] = [];
  for (const span of line.find(FULL_DATE)) {
    const body = span.match[2] as string;
    const keyword = span.match[1] !== undefined;
    const date = parseDate(body);
    const value: ParseResult<DateRead> = date.ok ? ok({ date: date.value }) : date;
    if (/^\d{8}$/.test(body) && !keyword) {
      // 20261210 is a date or 20,261,210 yuan: only a keyword ("首期", "first") makes it a date.
      if (value.ok) {
        line.use(span);
        markUnread(span);
      }
      continue;
    }
    line.use(span);
    dates.push({ span, value, keyword });
  }
  if (context) {
    for (const pattern of [ORDINAL_AFTER_KEYWORD, DATE_WITH_TODAY]) {
      for (const span of line.find(pattern)) {
        const keyword = span.match[1] !== undefined;
        const typed = line.text.slice(span.start + (span.match[1]?.length ?? 0), span.end).trim();
        // "12 apr" is as likely 12% APR as 12 April: "April 12", "12 April" or a year make it a date.
        if (/^\d{1,2}\s*apr\.?$/i.test(typed)) continue;
        line.use(span);
        dates.push({ span, value: readDateWithToday(typed, context.today), keyword });
      }
    }
  }
  const withKeyword = dates.filter((d) => d.keyword);
  const dateChoice = withKeyword.length === 1 ? withKeyword[0] : withKeyword.length === 0 && dates.length === 1 ? dates[0] : undefined;
  for (const d of dates) {
    if (d === dateChoice) continue;
    markUnread(d.span);
  }
  if (dateChoice) {
    if (dateChoice.value.ok) {
      const { date, dueDay, assumed } = dateChoice.value.value;
      draft.firstDue = date;
      if (dueDay !== undefined) draft.dueDay = dueDay;
      if (assumed) dateNote = { typed: dateChoice.value.value.typed ?? line.textOf(dateChoice.span), date, assumed };
    } else if (dateChoice.value.error === 'date-not-understood') markUnread(dateChoice.span);
    else addError(dateChoice.value.error);
  }
  for (const span of line.find(PARTIAL_DATE)) {
    line.use(span);
    markUnread(span);
  }

  // --- rate -----------------------------------------------------------------------------------
  // Only collected here; the choice waits for the periods and the amount, which a total fee needs.
  const rates: { span: Span; value: RateInput }[] = [];
  /** 总费率 8.8%: a percentage of the principal over the whole plan. */
  const totalFees: { span: Span; percent: Decimal }[] = [];
  /** 总手续费264元: the plan's fee in money. */
  const totalFeeAmounts: { span: Span; amount: Decimal }[] = [];
  /** "12%" or "利率 6%": a rate whose unit the line leaves to convention (see below). */
  const unitless: { span: Span; percent: Decimal }[] = [];
  /** 免息, interest-free: no interest (a fee plan may still charge a fee). */
  const interestFree: Span[] = [];
  let invalidRates = 0;
  for (const span of line.find(TOTAL_FEE_AMOUNT)) {
    line.use(span);
    const parsed = parseAmount(span.match[1] as string);
    if (parsed.ok) totalFeeAmounts.push({ span, amount: parsed.value });
    else markUnread(span);
  }
  for (const span of line.find(INTEREST_FREE_IN_TEXT)) {
    line.use(span);
    interestFree.push(span);
  }
  for (const pattern of [RATE_WITH_SUFFIX, RATE_WITH_PREFIX]) {
    for (const span of line.find(pattern)) {
      line.use(span);
      const reading = readRate(line.textOf(span));
      if (!reading.ok) {
        if (reading.error === 'rate-not-number') markUnread(span);
        else {
          addError(reading.error);
          invalidRates++;
        }
        continue;
      }
      const { percent, unit, total } = reading.value;
      if (total) {
        totalFees.push({ span, percent });
        continue;
      }
      if (!unit) {
        unitless.push({ span, percent });
        continue;
      }
      const checked = checkRate({ percent, unit });
      if (checked.ok) rates.push({ span, value: checked.value });
      else {
        addError(checked.error);
        invalidRates++;
      }
    }
  }
  for (const span of line.find(BARE_PERCENT)) {
    line.use(span);
    const reading = readRate(line.textOf(span));
    if (reading.ok && !reading.value.unit) unitless.push({ span, percent: reading.value.percent });
    else markUnread(span);
  }

  // --- periods --------------------------------------------------------------------------------
  const periods: { span: Span; value: number }[] = [];
  let invalidPeriods = 0;
  for (const span of line.find(PERIODS_IN_TEXT)) {
    line.use(span);
    const parsed = parsePeriods(span.match[1] as string);
    if (parsed.ok) periods.push({ span, value: parsed.value });
    else if (parsed.error === 'periods-not-number') markUnread(span);
    else {
      addError(parsed.error);
      invalidPeriods++;
    }
  }
  const periodChoice = choose(periods, invalidPeriods, (a, b) => a === b);
  periodChoice.rejected.forEach(markUnread);
  if (periodChoice.value !== undefined) draft.periods = periodChoice.value;

  // --- principal ------------------------------------------------------------------------------
  const amount = readAmounts(line);
  amount.errors.forEach(addError);
  amount.unread.forEach(markUnread);
  if (amount.value) {
    draft.principal = amount.value.value;
    amountFrom = amount.value.from;
  }

  // --- rate, now that the periods and the amount are known -------------------------------------
  // A total fee is a monthly fee rate over this many periods: 8.8% over 12 is 0.7333…% a month.
  // Without the periods (or, for a fee in money, a principal it is less than) it stays unread.
  const addTotalFee = (span: Span, percent: Decimal | undefined): void => {
    const converted = percent === undefined || draft.periods === undefined ? undefined : totalFeeRate(percent, draft.periods);
    if (!converted) markUnread(span);
    else if (converted.ok) rates.push({ span, value: converted.value });
    else {
      addError(converted.error);
      invalidRates++;
    }
  };
  for (const t of totalFees) addTotalFee(t.span, t.percent);
  for (const t of totalFeeAmounts) {
    const { principal } = draft;
    addTotalFee(t.span, principal === undefined || t.amount.gte(principal) ? undefined : t.amount.div(principal).times(100));
  }
  // A fee plan often also quotes its APR (月费率0.6% 年化13.03%): the fee rate defines the schedule.
  const rateChoice = choose(
    rates,
    invalidRates,
    (a, b) => a.unit === b.unit && a.percent.eq(b.percent),
    (r) => r.unit === 'monthly-fee',
  );
  rateChoice.rejected.forEach(markUnread);
  if (rateChoice.value) draft.rate = rateChoice.value;

  // --- method, checked against the rate ---------------------------------------------------------
  const methodChoice =
    methods.length > 0 ? choose(methods, 0, (a, b) => a === b) : { ...choose(methodsInNames, 0, (a, b) => a === b), rejected: [] };
  for (const span of methodChoice.rejected) markUnread(span);
  if (draft.rate?.unit === 'monthly-fee') {
    // A monthly FEE rate only means something in a fee plan; with another method named, the
    // line contradicts itself, so the form asks for the method.
    if (methodChoice.value === undefined || methodChoice.value === 'fee') draft.method = 'fee';
    else for (const m of methods) markUnread(m.span);
  } else if (methodChoice.value !== undefined) {
    draft.method = methodChoice.value;
  }

  // 免息 beside a fee rate is how fee plans are sold (no interest, a fee); beside a 0% rate it
  // agrees; beside any other rate the line contradicts itself, and the form asks.
  if (interestFree.length > 0) {
    const chosen = draft.rate;
    const agrees = chosen
      ? chosen.unit === 'monthly-fee' || chosen.percent.isZero()
      : rates.length === 0 && invalidRates === 0 && unitless.every((u) => u.percent.isZero());
    if (!agrees) {
      interestFree.forEach(markUnread);
      for (const r of rates) if (!rateChoice.rejected.includes(r.span)) markUnread(r.span);
      delete draft.rate;
      for (const u of unitless) markUnread(u.span);
      unitless.length = 0;
    } else if (!chosen) {
      // "免息 0%" says it twice; the unit is the method's usual one (a fee plan's fee is 0 too).
      unitless.length = 0;
      draft.rate = { percent: new Decimal(0), unit: defaultRateUnit(draft.method) };
    }
  }

  // A lone rate with no unit takes the convention the guided form uses and the card then shows
  // in words ("12% a year"): a monthly fee for a fee plan, otherwise a yearly rate, as loans are
  // quoted. Beside a rate that states its unit, it is left unread rather than guessed.
  const onlyUnitless = unitless.length === 1 && rates.length === 0 && invalidRates === 0 ? unitless[0] : undefined;
  if (onlyUnitless) {
    const checked = checkRate({ percent: onlyUnitless.percent, unit: defaultRateUnit(draft.method) });
    if (checked.ok) draft.rate = checked.value;
    else addError(checked.error);
  } else {
    for (const u of unitless) markUnread(u.span);
  }

  // --- name: what is left ---------------------------------------------------------------------
  const nameParts: string[] = [];
  for (const piece of line.leftovers()) {
    const words: string[] = [];
    for (const word of piece) {
      // A stray number ("1,2345", "12000,12期") is a value we could not read, not part of a name;
      // digits inside a word ("iPhone15", "2号卡") are.
      if (/^[-+.]?\d/.test(word.text) && !line.isKept(word.start, word.text.length)) unread.push(word);
      // A lone "&" joins a name ("Tom & Jerry"); other lone punctuation only separated fields.
      else if (/[\p{L}\p{N}\p{So}]/u.test(word.text) || AMPERSANDS.has(word.text)) words.push(word.text);
    }
    // "car loan at 12% apr": "at" belonged to the rate; connectors inside a name stay.
    const joins = (word: string | undefined) => word !== undefined && (CONNECTORS.has(word.toLowerCase()) || AMPERSANDS.has(word));
    while (joins(words[0])) words.shift();
    while (joins(words[words.length - 1])) words.pop();
    if (words.length > 0) nameParts.push(words.join(' '));
  }
  if (nameParts.length > 0) {
    const name = parseName(nameParts.join(' '));
    if (name.ok) draft.name = name.value;
    else addError(name.error);
  }

  unread.sort((a, b) => a.start - b.start);
  const result: LoanLineResult = { draft, unread: unread.map((u) => u.text), errors };
  if (amountFrom !== undefined) result.amountFrom = amountFrom;
  if (dateNote !== undefined) result.dateNote = dateNote;
  return result;
}
