import { BUDGET_GROUPS, type Budget, type BudgetGroup, type BudgetItem, totalItemOf } from '../domain/budget.ts';
import { type Decimal, ZERO } from '../domain/money.ts';
import { joinSpaceGroups, parseAmount } from './amount.ts';
import { CHINESE_INTEGER_CHARS } from './chinese-number.ts';
import { isTooLong, normalizeForMatching, normalizeText, type ParseError } from './result.ts';

/*
 * One group of a hardship budget as a borrower types it, in English, simplified or traditional
 * Chinese: a bare figure for the whole group ("8000", "8,000", "1.2万", "八千", "about 3000 a
 * month") or items with their amounts in any order, separated by commas, 、，； or spaces
 * ("rent 3000, electricity 200", "房租3000 电费200", "房租 3000，水電 200", "3000 rent, 200 gas").
 *
 * Words name the statement's items per group (BUDGET_WORDS). Where one word fits two groups it
 * names an item in each: phone and internet bills are communications in the flexible group (as
 * the statement has them) but, typed among the fixed costs, a fixed bill (other utilities), so
 * the borrower is never told their phone bill is in the wrong place. 水电 (water and electricity
 * as one bill) cannot be split, so it is other utilities. 'other' is other income, other
 * essentials, and personal costs in the flexible group (which has no other item). Total words
 * ("total", "合计", "living costs") name the group's total; a total beside items must be at least
 * their sum (the items are inside it; the summary counts the total once). Amounts of the same
 * item add up (房租 3000 + 房贷 2000 is 5000 of rent or mortgage). 0 is an answer (no income).
 *
 * What it cannot read is refused with what is wrong, so the chat can name it: a word that names
 * nothing ('budget-item-unknown'), an item of another group ('budget-item-other-group', with the
 * group it belongs to), a word without an amount, an amount without a word next to other items,
 * or an amount parseAmount refuses (with the amount as typed).
 */

/** Codes of ParseError, so a result is a ParseResult<Budget>: a code missing there fails to compile. */
type Code<C extends ParseError> = Extract<ParseError, C>;

/** A ParseResult<Budget> whose failures say what to name: the word or amount as typed, the group a word belongs to. */
export type BudgetLineResult =
  | { ok: true; value: Budget }
  | { ok: false; error: Code<'text-too-long' | 'budget-not-understood'> }
  | { ok: false; error: Code<'budget-item-unknown' | 'budget-item-without-amount'>; word: string }
  | { ok: false; error: Code<'budget-item-other-group'>; word: string; group: BudgetGroup }
  | { ok: false; error: Code<'budget-amount-without-item'>; amount: string }
  | { ok: false; error: Code<'budget-total-below-items'>; total: Decimal; items: Decimal }
  | { ok: false; error: ParseError; amount: string };

/** Words that mean "the whole group", in every group. */
export const TOTAL_WORDS: readonly string[] = [
  'total',
  'in total',
  'altogether',
  'overall',
  'sum',
  '合计',
  '总共',
  '一共',
  '总计',
  '共计',
  '总额',
  '总数',
  '全部',
  '加起来',
];

/** Phone and internet: communications in the flexible group, a fixed bill among fixed costs (see the top). */
const PHONE_AND_INTERNET = [
  'phone',
  'phone bill',
  'mobile',
  'mobile phone',
  'cell phone',
  'internet',
  'broadband',
  'wifi',
  'phone and internet',
  '网费',
  '话费',
  '电话费',
  '手机费',
  '宽带',
  '宽带费',
  '宽频',
  '宽频费',
  '网络',
  '网路',
  '上网费',
  '通讯费',
  '通信费',
];

/**
 * Each group's items and the words for them, written in simplified and lower case: text is
 * matched folded (traditional → simplified, see fold below). Latin words match whole words only.
 */
export const BUDGET_WORDS: { readonly [G in BudgetGroup]: readonly (readonly [BudgetItem, readonly string[]])[] } = {
  income: [
    [
      'earnings',
      [
        ...['salary', 'salaries', 'wage', 'wages', 'earnings', 'pay', 'take home pay', 'net pay', 'job', 'work', 'bonus'],
        ...['part time', 'part time job', 'freelance', 'self employed', 'business', 'overtime'],
        ...['工资', '薪水', '薪资', '薪金', '薪酬', '月薪', '底薪', '工资收入', '奖金', '提成', '兼职', '打工', '上班', '自由职业'],
        ...['经营收入', '生意', '做生意', '加班费', '劳务费', '稿费'],
      ],
    ],
    [
      'benefits',
      [
        ...['benefits', 'benefit', 'universal credit', 'allowance', 'allowances', 'child benefit', 'unemployment benefit', 'welfare'],
        ...['tax credits', 'disability benefit'],
        ...['补贴', '补助', '救济', '救济金', '低保', '失业金', '失业保险金', '失业救济', '失业补助', '津贴', '福利', '政府补贴'],
        ...['政府补助', '残疾补贴', '育儿补贴', '综援'],
      ],
    ],
    ['pensions', ['pension', 'pensions', 'state pension', 'retirement', '养老金', '退休金', '退休工资', '退休费', '退休俸']],
    [
      'other-income',
      [
        ...['other', 'other income', 'rental income', 'maintenance', 'child support', 'family support', 'help from family'],
        ...['interest', 'dividends', 'investment income'],
        ...['其他', '其它', '其他收入', '其它收入', '租金收入', '房租收入', '家人给', '家里给', '父母给', '亲戚给', '子女给', '赡养费'],
        ...['抚养费', '利息', '利息收入', '投资收益', '理财收益', '分红'],
      ],
    ],
    [
      'income-total',
      [
        'income',
        'total income',
        'net income',
        'monthly income',
        'household income',
        '收入',
        '总收入',
        '月收入',
        '家庭收入',
        '收入合计',
        '每月收入',
      ],
    ],
  ],
  fixed: [
    [
      'rent-mortgage',
      [
        ...['rent', 'mortgage', 'housing', 'home loan', 'rent or mortgage'],
        ...['房租', '租金', '月租', '房贷', '月供', '房贷月供', '租房', '按揭', '住房贷款', '房屋贷款', '住房'],
      ],
    ],
    [
      'secured-loans',
      [
        ...['car loan', 'car finance', 'secured loan', 'secured loans', 'hire purchase', 'car payment'],
        ...['车贷', '车贷月供', '车辆贷款', '汽车贷款', '抵押贷款', '抵押'],
      ],
    ],
    ['property-taxes', ['council tax', 'property tax', 'property taxes', 'rates', '房产税', '房屋税', '物业税', '地价税', '差饷']],
    [
      'home-contents',
      [
        'home insurance',
        'contents insurance',
        'home and contents',
        'furniture',
        'appliances',
        '家财险',
        '家庭财产保险',
        '家具',
        '家俱',
        '家电',
        '家居',
      ],
    ],
    ['gas', ['gas', 'gas bill', 'natural gas', '燃气', '燃气费', '煤气', '煤气费', '天然气', '天然气费', '瓦斯', '瓦斯费', '气费']],
    ['electricity', ['electricity', 'electric', 'power', 'electricity bill', '电费', '电', '用电']],
    ['water', ['water', 'water bill', '水费', '水', '用水']],
    [
      'other-utilities',
      [
        ...['utilities', 'utility', 'utility bills', 'heating', 'oil', 'coal', ...PHONE_AND_INTERNET],
        ...['水电', '水电费', '水电煤', '水电燃气', '水电气', '暖气', '暖气费', '取暖', '取暖费', '供暖', '供暖费'],
      ],
    ],
    [
      'care-health',
      [
        ...['health', 'healthcare', 'medical', 'medicine', 'medicines', 'prescriptions', 'doctor', 'dentist', 'care', 'childcare'],
        ...['child care', 'adult care', 'nursery'],
        ...['医药', '医药费', '医疗', '医疗费', '看病', '药', '药费', '买药', '治疗', '治疗费', '住院', '住院费', '护理', '护理费'],
        ...['托儿', '托儿费', '托儿所', '保姆', '育儿', '照护', '看护', '康复', '外佣'],
      ],
    ],
    [
      'transport',
      [
        ...['transport', 'transportation', 'travel', 'commute', 'commuting', 'fuel', 'petrol', 'diesel', 'bus', 'train', 'metro'],
        ...['subway', 'taxi', 'parking', 'car costs', 'fares'],
        ...['交通', '交通费', '油费', '油钱', '加油', '汽油', '车费', '公交', '地铁', '港铁', '八达通', '打车', '停车', '停车费'],
        ...['通勤', '路费', '养车', '机车'],
      ],
    ],
    [
      'school',
      [
        ...['school', 'school fees', 'tuition', 'education', 'university', 'college', 'tutoring'],
        ...['学费', '教育', '教育费', '学杂费', '补习', '补习费', '培训', '培训费', '上学', '孩子上学', '书本费', '校服', '托管费'],
      ],
    ],
    [
      'pensions-insurance',
      [
        ...['insurance', 'life insurance', 'health insurance', 'pension', 'pension contributions', 'national insurance'],
        ...['social security'],
        ...['保险', '保险费', '保费', '社保', '五险一金', '养老保险', '医保', '医疗保险', '人寿保险', '寿险', '重疾险', '公积金'],
        ...['养老金', '健保', '劳保', '强积金'],
      ],
    ],
    [
      'professional',
      [
        ...['professional', 'professional costs', 'union', 'union fees', 'licence', 'license', 'work costs'],
        ...['职业', '工会', '工会费', '会费', '执照', '执照费', '资格证', '工作开支'],
      ],
    ],
    [
      'other-essentials',
      [
        ...['other', 'other essentials', 'essentials', 'service charge', 'ground rent', 'child maintenance', 'maintenance', 'fines'],
        ...['court fines', 'tv licence'],
        ...['其他', '其它', '其他必要', '其他必要开支', '物业费', '物业', '管理费', '赡养费', '抚养费', '赡养', '罚款', '其他固定支出'],
      ],
    ],
    [
      'fixed-total',
      [
        ...['fixed costs', 'fixed', 'fixed expenses', 'bills', 'essential costs', 'expenses', 'outgoings', 'costs'],
        ...['固定支出', '固定开支', '固定费用', '必要开支', '支出', '开支', '费用', '总支出'],
      ],
    ],
  ],
  flexible: [
    [
      'communications-leisure',
      [
        ...PHONE_AND_INTERNET,
        ...['tv', 'television', 'streaming', 'subscriptions', 'leisure', 'entertainment', 'hobbies', 'hobby', 'sport', 'gym'],
        ...['going out', 'holidays', 'communications'],
        ...['上网', '流量', '通讯', '通信', '电视', '会员', '订阅', '娱乐', '休闲', '休闲娱乐', '爱好', '健身', '旅游', '旅行', '聚会'],
        ...['应酬'],
      ],
    ],
    [
      'food-housekeeping',
      [
        ...['food', 'groceries', 'grocery', 'housekeeping', 'meals', 'eating', 'supermarket', 'household', 'cleaning', 'toiletries'],
        ...['food and housekeeping', 'takeaway'],
        ...['伙食', '伙食费', '吃饭', '买菜', '买餸', '饭钱', '饭费', '餐费', '餐饮', '三餐', '一日三餐', '饮食', '食物', '食品', '吃喝'],
        ...['日用品', '日用', '家用', '生活用品', '超市', '水果', '生果', '外卖', '早餐', '午餐', '晚餐', '柴米油盐', '菜钱'],
      ],
    ],
    [
      'personal',
      [
        ...['personal', 'personal costs', 'clothes', 'clothing', 'shoes', 'haircut', 'hair', 'gifts', 'pocket money', 'other'],
        ...['cosmetics', 'pets', 'pet'],
        ...['个人', '个人开支', '个人用品', '衣服', '服装', '衣物', '鞋', '理发', '化妆品', '护肤品', '礼物', '礼金', '人情', '红包'],
        ...['零花钱', '零用钱', '宠物', '其他', '其它'],
      ],
    ],
    [
      'flexible-total',
      [
        ...['flexible costs', 'flexible', 'living costs', 'living expenses', 'cost of living', 'day to day', 'spending'],
        ...['daily spending', 'expenses', 'costs'],
        ...[
          '生活费',
          '生活开支',
          '生活开销',
          '日常开支',
          '日常开销',
          '日常花销',
          '开销',
          '花销',
          '弹性支出',
          '支出',
          '开支',
          '费用',
          '总支出',
        ],
      ],
    ],
  ],
};

/**
 * Words around the figures that say nothing about them: "about 3000 a month", "房租每月3000元",
 * "大概八千左右". Currency words are here too, so "3000 元" and "rmb 3000" read as 3000.
 */
const FILLER_LATIN = [
  ...['a', 'an', 'the', 'my', 'our', 'for', 'on', 'in', 'is', 'are', 'of', 'and', 'plus', 'per', 'each', 'every', 'month'],
  ...['months', 'monthly', 'mo', 'pm', 'about', 'around', 'approx', 'approximately', 'roughly', 'some', 'bill', 'bills'],
  ...['spend', 'spent', 'i', 'we', 'get', 'receive', 'yuan', 'rmb', 'cny', 'usd', 'dollars', 'hkd', 'twd', 'ntd'],
];
/** Chinese fillers, longest first; the ones of two characters or more also end an unknown word. */
const FILLER_HAN = [
  ...['每个月', '一个月', '每月', '大概', '大约', '左右', '上下', '差不多', '平均', '以及', '还有', '另外', '我的', '家里'],
  ...['花了', '花费', '人民币', '块钱', '元整', '港币', '港元', '台币', '新台币'],
  ...['月', '约', '是', '的', '和', '跟', '及', '花', '用', '要', '交', '付', '给', '元', '块', '圆'],
].sort((a, b) => b.length - a.length);

/** Breaks between items; ':' and '=' only join a word to its amount. NFKC has made ，；： ASCII. */
const SEPARATOR = /[\s,;:=/|()[\]{}!?。、+&*~"'“”‘’<>]/u;

/**
 * Traditional characters of the words above that the shared fold (foldToSimplified) leaves,
 * one for one so indexes still point into what was typed. Checked against OpenCC in the tests.
 */
const MORE_TRADITIONAL: Readonly<Record<string, string>> = {
  資: '资',
  獎: '奖',
  職: '职',
  業: '业',
  經: '经',
  營: '营',
  勞: '劳',
  務: '务',
  補: '补',
  貼: '贴',
  濟: '济',
  險: '险',
  殘: '残',
  兒: '儿',
  養: '养',
  給: '给',
  裡: '里',
  裏: '里',
  親: '亲',
  贍: '赡',
  撫: '抚',
  財: '财',
  紅: '红',
  貸: '贷',
  車: '车',
  輛: '辆',
  產: '产',
  稅: '税',
  傢: '家',
  電: '电',
  氣: '气',
  網: '网',
  話: '话',
  機: '机',
  帶: '带',
  頻: '频',
  絡: '络',
  訊: '讯',
  醫: '医',
  藥: '药',
  療: '疗',
  買: '买',
  護: '护',
  復: '复',
  鐵: '铁',
  學: '学',
  雜: '杂',
  習: '习',
  訓: '训',
  書: '书',
  託: '托',
  壽: '寿',
  積: '积',
  會: '会',
  執: '执',
  證: '证',
  罰: '罚',
  視: '视',
  員: '员',
  訂: '订',
  閱: '阅',
  閲: '阅',
  娛: '娱',
  樂: '乐',
  閒: '闲',
  愛: '爱',
  遊: '游',
  應: '应',
  飯: '饭',
  喫: '吃',
  飲: '饮',
  鹽: '盐',
  髮: '发',
  妝: '妆',
  膚: '肤',
  禮: '礼',
  寵: '宠',
  銷: '销',
  彈: '弹',
  來: '来',
  達: '达',
  綜: '综',
  強: '强',
  餉: '饷',
  傭: '佣',
  價: '价',
  夥: '伙',
  賣: '卖',
  裝: '装',
};

const MORE_TRADITIONAL_RE = new RegExp(`[${Object.keys(MORE_TRADITIONAL).join('')}]`, 'g');

/** The text a matcher written in simplified lower case reads, as long as normalizeText's. */
function fold(text: string): string {
  return normalizeForMatching(text)
    .replace(MORE_TRADITIONAL_RE, (c) => MORE_TRADITIONAL[c] ?? c)
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/(?<=[a-z])[-_](?=[a-z])/g, ' ');
}

interface Word {
  text: string;
  latin: boolean;
  /** The item it names in each group it belongs to. */
  items: Partial<Record<BudgetGroup, BudgetItem>>;
}

/** Every word of every group, longest first, so 水电费 is read before 水 and "car loan" before "car". */
const WORDS: readonly Word[] = (() => {
  const byText = new Map<string, Word>();
  const add = (text: string, group: BudgetGroup, item: BudgetItem): void => {
    const key = fold(text).replace(/-/g, ' ');
    const word = byText.get(key) ?? { text: key, latin: /^[a-z ]+$/.test(key), items: {} };
    word.items[group] ??= item;
    byText.set(key, word);
  };
  for (const group of BUDGET_GROUPS) {
    for (const [item, words] of BUDGET_WORDS[group]) for (const text of words) add(text, group, item);
    for (const text of TOTAL_WORDS) add(text, group, totalItemOf(group));
  }
  return [...byText.values()].sort((a, b) => b.text.length - a.text.length);
})();

const FILLER_LATIN_SET = new Set(FILLER_LATIN);
const NUMERAL = new RegExp(`[${CHINESE_INTEGER_CHARS}]`);
const isLatin = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** `piece`: how many breaks (commas, 、, ；) came before it; tokens with the same number pair up. */
type Token =
  | { kind: 'word'; word: Word; start: number; end: number; piece: number }
  | { kind: 'unknown'; start: number; end: number; piece: number }
  | { kind: 'amount'; start: number; end: number; piece: number };

/** Separators that end one item and start the next; spaces, ':' and '=' may also sit inside one. */
const BREAK = /[,;、。!?|]/;

function pieces(tokens: readonly Token[]): Token[][] {
  const result = new Map<number, Token[]>();
  for (const token of tokens) result.set(token.piece, [...(result.get(token.piece) ?? []), token]);
  return [...result.values()];
}

/** The words by their first character, so a scan tries a handful of words at each position, not all of them. */
const WORDS_BY_FIRST = new Map<string, Word[]>();
for (const word of WORDS) {
  const first = word.text[0] as string;
  WORDS_BY_FIRST.set(first, [...(WORDS_BY_FIRST.get(first) ?? []), word]);
}

function wordAt(s: string, i: number): Word | undefined {
  return WORDS_BY_FIRST.get(s[i] ?? '')?.find(
    (word) => s.startsWith(word.text, i) && (!word.latin || (!isLatin(s[i - 1]) && !isLatin(s[i + word.text.length]))),
  );
}

/** A filler starting at `i`: its length, or 0. `long` only: the Chinese ones of two characters or more. */
function fillerAt(s: string, i: number, long = false): number {
  for (const filler of FILLER_HAN) if ((!long || filler.length > 1) && s.startsWith(filler, i)) return filler.length;
  if (long || !isLatin(s[i]) || isLatin(s[i - 1])) return 0;
  const latin = /^[a-z]+/.exec(s.slice(i))?.[0] ?? '';
  return FILLER_LATIN_SET.has(latin) ? latin.length : 0;
}

/**
 * Where an amount starting at `i` ends, or i when none does. Digits carry their separators and
 * 万/k after them (12,000.50, 1.2万, 3k, 1万2); a minus or ¥ in front is kept so parseAmount
 * can refuse or read it. An amount in Chinese numerals (八千, 三千五) must end where a word,
 * a filler or a separator begins: 一 in 一日三餐 is not an amount.
 */
function amountEnd(s: string, i: number): number {
  let j = i;
  if (s[j] === '¥' || s[j] === '$') j += s[j + 1] === ' ' ? 2 : 1;
  if ((s[j] === '-' || s[j] === '+') && (isDigit(s[j + 1]) || NUMERAL.test(s[j + 1] ?? ''))) j += 1;
  const digits = isDigit(s[j]);
  if (!digits && !NUMERAL.test(s[j] ?? '')) return i;
  while (j < s.length) {
    const c = s[j] as string;
    // 1万2 goes on in numerals, but not into a word that starts with one (3000一日三餐).
    if (isDigit(c) || (NUMERAL.test(c) && !wordAt(s, j))) j += 1;
    else if ((c === ',' || c === '.') && isDigit(s[j + 1]) && isDigit(s[j - 1])) j += 1;
    else if ((c === 'k' || c === 'w') && !isLatin(s[j + 1]) && (isDigit(s[j - 1]) || NUMERAL.test(s[j - 1] ?? ''))) j += 1;
    else break;
  }
  if (digits) {
    // 1e4: a power of ten, as a spreadsheet shows it (parseAmount reads it).
    const power = /^e[-+]?\d+/.exec(s.slice(j));
    return power && !isLatin(s[j + power[0].length]) ? j + power[0].length : j;
  }
  const next = s[j];
  const boundary = next === undefined || SEPARATOR.test(next) || isDigit(next) || isLatin(next) || wordAt(s, j) || fillerAt(s, j) > 0;
  return boundary ? j : i;
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let piece = 0;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    // A minus before an amount is a sign, after a space or against a word: "rent -3000" and
    // "房租-3000" are both refused (a monthly figure is never negative), never read as 3000.
    const sign = c === '-' && amountEnd(s, i) > i;
    if (SEPARATOR.test(c) || (c === '-' && !sign) || c === '.') {
      if (BREAK.test(c)) piece += 1;
      i += 1;
      continue;
    }
    const word = wordAt(s, i);
    if (word) {
      tokens.push({ kind: 'word', word, start: i, end: i + word.text.length, piece });
      i += word.text.length;
      continue;
    }
    const amount = amountEnd(s, i);
    if (amount > i) {
      tokens.push({ kind: 'amount', start: i, end: amount, piece });
      i = amount;
      continue;
    }
    const filler = fillerAt(s, i);
    if (filler > 0) {
      i += filler;
      continue;
    }
    tokens.push({ kind: 'unknown', start: i, end: unknownEnd(s, i), piece });
    i = tokens[tokens.length - 1]?.end ?? i + 1;
  }
  return tokens;
}

/**
 * An unknown word as the borrower will recognise it: Latin words run on while the next word is
 * unknown too ("dog walking"), anything else up to a separator, a digit, a known word, an amount
 * or a filler of two characters or more (猫粮 in 猫粮每月200).
 */
function unknownEnd(s: string, start: number): number {
  let j = start;
  if (isLatin(s[j])) {
    for (;;) {
      while (isLatin(s[j]) || s[j] === "'") j += 1;
      const next = j + 1;
      if (s[j] !== ' ' || !isLatin(s[next]) || wordAt(s, next) || fillerAt(s, next) > 0) return j;
      j = next;
    }
  }
  j += 1;
  while (j < s.length) {
    const c = s[j] as string;
    if (SEPARATOR.test(c) || isDigit(c) || isLatin(c) || wordAt(s, j) || amountEnd(s, j) > j || fillerAt(s, j, true) > 0) break;
    j += 1;
  }
  return j;
}

/** 0 is an answer here (no income, no rent), which parseAmount refuses as a loan amount. */
function readFigure(text: string): { ok: true; value: Decimal } | { ok: false; error: ParseError } {
  if (/^[¥$]?\s?[+-]?(?:0+(?:\.0+)?|[零〇])$/.test(text)) return { ok: true, value: ZERO };
  return parseAmount(text);
}

/** One group of the budget, typed in one line. See the top of this file. */
export function parseBudgetLine(text: string, group: BudgetGroup): BudgetLineResult {
  if (isTooLong(text)) return { ok: false, error: 'text-too-long' };
  // "10 000": spaces that surely group thousands become commas (amount.ts), which amounts carry.
  const joined = joinSpaceGroups(normalizeText(text), ',');
  const typed = normalizeText(joined);
  const s = fold(joined);
  // Folding never changes the length, but if some character's lower case ever did, quote the folded text.
  const quote = (token: Token): string => (typed.length === s.length ? typed : s).slice(token.start, token.end);
  const tokens = tokenize(s);

  // What cannot be read at all comes first, in the order typed.
  const figures = new Map<Token, Decimal>();
  for (const token of tokens) {
    if (token.kind === 'unknown') return { ok: false, error: 'budget-item-unknown', word: quote(token) };
    if (token.kind === 'word' && token.word.items[group] === undefined) {
      const home = BUDGET_GROUPS.find((other) => token.word.items[other] !== undefined) ?? group;
      return { ok: false, error: 'budget-item-other-group', word: quote(token), group: home };
    }
    if (token.kind === 'amount') {
      const figure = readFigure(quote(token));
      if (!figure.ok) return { ok: false, error: figure.error, amount: quote(token) };
      figures.set(token, figure.value);
    }
  }
  // Two words in a row for the same item are one name for it (收入合计, "monthly income total").
  for (let k = tokens.length - 1; k > 0; k--) {
    const [before, token] = [tokens[k - 1], tokens[k]];
    if (
      before?.kind === 'word' &&
      token?.kind === 'word' &&
      before.piece === token.piece &&
      before.word.items[group] === token.word.items[group]
    ) {
      tokens.splice(k - 1, 2, { ...before, end: token.end });
    }
  }
  if (tokens.length === 0) return { ok: false, error: 'budget-not-understood' };
  const first = tokens[0];
  if (tokens.length === 1 && first?.kind === 'amount') {
    return { ok: true, value: { [totalItemOf(group)]: figures.get(first) ?? ZERO } };
  }

  // Items: word then amount ("rent 3000"), or amount then word ("3000 rent") in a piece of the
  // line (between commas, 、 or ；) that starts with an amount.
  const budget: Budget = {};
  for (const piece of pieces(tokens)) {
    const amountFirst = piece[0]?.kind === 'amount';
    for (let k = 0; k < piece.length; k += 2) {
      const [expected, partner] = [piece[k] as Token, piece[k + 1]];
      if (expected.kind === 'amount' && !amountFirst) return { ok: false, error: 'budget-amount-without-item', amount: quote(expected) };
      if (expected.kind === 'word' && amountFirst) return { ok: false, error: 'budget-item-without-amount', word: quote(expected) };
      if (partner === undefined || partner.kind === expected.kind) {
        return expected.kind === 'amount'
          ? { ok: false, error: 'budget-amount-without-item', amount: quote(expected) }
          : { ok: false, error: 'budget-item-without-amount', word: quote(expected) };
      }
      const [word, amount] = amountFirst ? [partner, expected] : [expected, partner];
      const item = word.kind === 'word' ? word.word.items[group] : undefined;
      if (item === undefined) return { ok: false, error: 'budget-not-understood' };
      budget[item] = (budget[item] ?? ZERO).plus(figures.get(amount) ?? ZERO);
    }
  }

  const total = budget[totalItemOf(group)];
  if (total !== undefined) {
    let items = ZERO;
    for (const [item, value] of Object.entries(budget) as [BudgetItem, Decimal][])
      if (item !== totalItemOf(group)) items = items.plus(value);
    if (total.lt(items)) return { ok: false, error: 'budget-total-below-items', total, items };
  }
  return { ok: true, value: budget };
}
