import { ALLOCATION_PARTS, ALLOCATION_PRESETS, type AllocationPart } from '../domain/allocation-order.ts';
import { isTooLong, normalizeForMatching, normalizeText } from './result.ts';

/*
 * The order a contract says a payment covers what is owed, as a borrower types it: the five
 * parts named in English or Chinese, in order, separated by anything (commas, 、, arrows, "then",
 * 然后, spaces, or nothing at all between Chinese words): "本金、利息、手续费、罚息、违约金",
 * "principal → interest → fees → penalty → late fee", "先本金再利息然后手续费罚息违约金". The two
 * presets may also be named ("Civil Code", "民法典", "principal first", "本金优先").
 *
 * The answer is all five parts, each once. Anything else is refused with what is wrong, so the
 * borrower can fix exactly that: a piece that names no part ('allocation-part-unknown', with the
 * piece as typed), a part named twice ('allocation-part-twice': 违约金 and 滞纳金 are both the
 * late fee), parts not named ('allocation-parts-missing', with the ones left out).
 */

export type AllocationOrderResult =
  | { ok: true; value: AllocationPart[] }
  | { ok: false; error: 'text-too-long' }
  | { ok: false; error: 'allocation-part-unknown'; text: string }
  | { ok: false; error: 'allocation-part-twice'; part: AllocationPart }
  | { ok: false; error: 'allocation-parts-missing'; parts: AllocationPart[] };

/** Names of each part, in the matching form (lower case, simplified, traditional folded away where the fold knows the character). */
const PART_NAMES: Readonly<Record<AllocationPart, readonly string[]>> = {
  'late-fee': [
    '违约金',
    '滞纳金',
    '逾期费',
    '逾期管理费',
    'late fees',
    'late fee',
    'late charges',
    'late charge',
    'latefee',
    'latefees',
    'default fee',
  ],
  penalty: ['罚息', '罰息', '逾期利息', '逾期罚息', 'penalty interest', 'penalty', 'penalties', 'default interest', 'overdue interest'],
  fee: ['手续费', '分期手续费', '服务费', '服務費', '费用', 'fees', 'fee', 'charges', 'service fees', 'service fee'],
  interest: ['利息', '正常利息', '合同利息', 'contract interest', 'interest', 'interests'],
  principal: ['本金', 'principal', 'capital'],
};

/** Words between the parts that say nothing about them. */
const FILLER_WORDS = ['then', 'and', 'first', 'next', 'last', 'finally', 'after', 'that', 'before'];
const FILLER_CJK = ['然后', '最后', '其次', '接着', '之后', '再', '先', '后', '和', '及', '与', '或', '还'];
/** Separators: punctuation, arrows, digits of a numbered list, whitespace. */
const SEPARATOR = /[\s,;:.。!?、|/+>→⇒➔➜⟶=–—()[\]{}"'“”‘’0-9①②③④⑤]/u;

/** The presets by the names people give them, in the matching form (no spaces). */
const PRESET_NAMES: readonly (readonly [keyof typeof ALLOCATION_PRESETS, readonly string[]])[] = [
  ['civil-code', ['civilcode', 'civilcodeart561', 'default', 'thedefault', 'art561', '民法典', '民法典第561条', '默认', '法定']],
  ['principal-first', ['principalfirst', '本金优先', '先还本金', '先本后息']],
];

interface Name {
  text: string;
  part: AllocationPart;
  latin: boolean;
}

const NAMES: readonly Name[] = ALLOCATION_PARTS.flatMap((part) =>
  PART_NAMES[part].map((text) => ({ text: normalizeForMatching(text).toLowerCase(), part, latin: /^[a-z ]+$/.test(text) })),
).sort((a, b) => b.text.length - a.text.length);

const isLetter = (c: string | undefined): boolean => c !== undefined && /[a-z]/.test(c);

/** The name that starts at `i`, if any: longest first; a Latin name only as whole words. */
function nameAt(s: string, i: number): Name | undefined {
  return NAMES.find((name) => {
    if (!s.startsWith(name.text, i)) return false;
    return !name.latin || (!isLetter(s[i - 1]) && !isLetter(s[i + name.text.length]));
  });
}

/** A filler word starting at `i`: its length, or 0. */
function fillerAt(s: string, i: number): number {
  for (const word of FILLER_CJK) if (s.startsWith(word, i)) return word.length;
  if (isLetter(s[i - 1])) return 0;
  for (const word of FILLER_WORDS) {
    if (s.startsWith(word, i) && !isLetter(s[i + word.length])) return word.length;
  }
  return 0;
}

function presetNamed(s: string): keyof typeof ALLOCATION_PRESETS | undefined {
  const key = s.replace(/[\s_.\-'’()（）]+/g, '').replace(/(?:order|顺序)$/, '');
  for (const [id, names] of PRESET_NAMES) if (names.includes(key)) return id;
  return undefined;
}

/** A contract's allocation order as typed → the five parts in order. See the top of this file. */
export function parseAllocationOrder(text: string): AllocationOrderResult {
  if (isTooLong(text)) return { ok: false, error: 'text-too-long' };
  // '-' and '_' join words ("late-fee"): spaces here, one for one, so indexes still point into the text.
  const s = normalizeForMatching(text).toLowerCase().replace(/[-_]/g, ' ');
  const preset = presetNamed(s);
  if (preset) return { ok: true, value: [...ALLOCATION_PRESETS[preset]] };

  const parts: AllocationPart[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (SEPARATOR.test(c)) {
      i += 1;
      continue;
    }
    const name = nameAt(s, i);
    if (name) {
      if (parts.includes(name.part)) return { ok: false, error: 'allocation-part-twice', part: name.part };
      parts.push(name.part);
      i += name.text.length;
      continue;
    }
    const filler = fillerAt(s, i);
    if (filler > 0) {
      i += filler;
      continue;
    }
    // Not a part: the piece runs to the next separator or the next name, and is quoted as typed.
    let end = i + 1;
    while (end < s.length && !SEPARATOR.test(s[end] as string) && !nameAt(s, end)) end += 1;
    return { ok: false, error: 'allocation-part-unknown', text: normalizeText(text).slice(i, end) };
  }
  const missing = ALLOCATION_PARTS.filter((part) => !parts.includes(part));
  if (missing.length > 0) return { ok: false, error: 'allocation-parts-missing', parts: missing };
  return { ok: true, value: parts };
}
