import type { Locale } from '../i18n/locales.ts';
import { foldToSimplified } from '../parse/result.ts';
import { TRADITIONAL_FOLD_PAIRS } from './traditional-fold.ts';

/*
 * The text the matcher reads: NFKC (full-width → ASCII), lower case, traditional → simplified
 * (the generated OpenCC table, on top of src/parse's own fold), punctuation and emoji → space.
 * One index written in simplified characters then serves both scripts.
 */

const FOLD = new Map<string, string>();
const PAIR_CHARACTERS = [...TRADITIONAL_FOLD_PAIRS];
for (let at = 0; at + 1 < PAIR_CHARACTERS.length; at += 2) FOLD.set(PAIR_CHARACTERS[at] as string, PAIR_CHARACTERS[at + 1] as string);
// 么 is simplified too (什么, 怎么): OpenCC's 么 → 幺 would hide the fillers below.
FOLD.delete('么');

/**
 * Characters the table folds that simplified text uses too (么 in 什么, 乾 in 乾坤, 著 in 显著,
 * 于, 千 …): folded for matching, but no sign that the writer uses traditional script.
 */
const SHARED = new Set([...'么乾著于千干后里余台征准云斗只出面松谷表划制系范']);
const SIMPLIFIED_OUTPUTS = new Set(FOLD.values());

export function isTraditionalOnly(character: string): boolean {
  return FOLD.has(character) && !SHARED.has(character) && !SIMPLIFIED_OUTPUTS.has(character);
}

const FOLDED = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'gu');

export function foldCharacters(text: string): string {
  return foldToSimplified(text).replace(FOLDED, (character) => FOLD.get(character) ?? character);
}

/**
 * Regional and colloquial variants written the way the index is (after folding): Taiwan 缴 / 帐 /
 * 纪录 for 还 / 账 / 记录, 被告 for 被起诉, 检举 for 举报 … Applied to the index and the question alike.
 */
const VARIANTS: [RegExp, string][] = [
  // One pass, the first alternative that matches wins: a longer variant before its prefix.
  [/缴不出/g, '还不起'],
  [/缴费/g, '还款'],
  [/(?<!延)(?:迟缴|迟交|迟还)|晚缴|晚交/g, '晚还'],
  [/缴/g, '还'],
  [/帐/g, '账'],
  [/纪录/g, '记录'],
  [/被告/g, '被起诉'],
  [/告(?=我|你|他|她)/g, '起诉'],
  [/检举/g, '举报'],
  [/付不出/g, '还不起'],
  [/还不出|还不上|还不了/g, '还不起'],
  [/清(?:偿|尝|常)证明|(?:还款|贷款)?(?:完结|完成)证明/g, '结清证明'],
  [/清(?:偿|尝)/g, '还清'],
  [/迟了|迟咗/g, '晚还了'],
  [/来的及/g, '来得及'],
  // Taiwan and Hong Kong wording: 联征 is Taiwan's credit bureau, 延滞 its word for overdue.
  [/(?:被|会被)?(?:通报|报到|报给|报进|报)联征/g, '上征信'],
  [/联征/g, '征信'],
  [/信用报告/g, '征信报告'],
  [/延滞/g, '逾期'],
  [/展延/g, '展期'],
  [/代偿/g, '代还'],
  [/讨债/g, '催收'],
  [/卡费|卡债/g, '信用卡欠款'],
  [/月付金|月付额/g, '月供'],
  [/本息(?:平均)?摊还/g, '等额本息'],
  [/本金(?:平均)?摊还/g, '等额本金'],
  [/萤幕分享|分享萤幕|萤幕共享/g, '屏幕共享'],
  [/提早/g, '提前'],
  [/计画/g, '计划'],
  // Colloquial and mistyped (pinyin input): 咋 for 怎么, 啥 for 什么, 正信 for 征信 …
  [/以债养债/g, '以贷养贷'],
  // How or where to repay: 怎么 and 哪里 are fillers, and 还款 alone is in every topic; 还款渠道 says it ($& is the match).
  [
    /(?:怎么|如何|怎样|在哪里?|去哪里?|哪里|哪儿|咋)(?:还款|还钱|还贷|缴款|缴钱|缴费|(?:还|缴)(?=$|[吗呢啊呀吧?？,，.。!！\s]|这|那|本|每|当))/g,
    '$& 还款渠道 ',
  ],
  [/(?:咋|怎么)(?:整|弄|搞)|咋办|怎么办才好/g, '怎么办'],
  [/(?:什么|啥)结果/g, '什么后果'],
  [/咋/g, '怎么'],
  [/啥/g, '什么'],
  [/正信|征心/g, '征信'],
  [/罚吸/g, '罚息'],
  [/预期/g, '逾期'],
  [/宽线/g, '宽限'],
];

/**
 * Hong Kong's written Cantonese, turned into the Mandarin words the index is written in (after
 * folding to simplified): 唔 → 不, 咗 → 了, 佢哋 → 他们, 点解 → 为什么, 收数佬 → 催收 … A pass of its own,
 * before VARIANTS, so 还唔起 becomes 还不起 and then meets VARIANTS and the keywords as Mandarin does.
 * 人工 is a salary only beside a cut (人工减咗, 冇人工): 人工客服 is a human agent.
 */
const CANTONESE: [RegExp, string][] = [
  [/唔该|唔好意思|㗎|喎|啩|囉|咧|嘞/g, ' '],
  [/还唔到|冇还到|没有还到|还唔起|畀唔起|俾唔起/g, '还不起'],
  [/使唔使|需唔需要/g, '需不需要'],
  [/会点(?:样|算)?/g, '会怎样'],
  [/一次过/g, '一次性'],
  [/还晒|清晒|还清晒/g, '还清'],
  [/剩低/g, '剩下'],
  [/(?<=[退攞拿还])返/g, '回'],
  [/整靓|整好/g, '修复'],
  [/拖数|欠数/g, '欠款逾期'],
  [/过数/g, '扣款'],
  // 碌卡: swiping a card (a shop that lets one swipe for cash is a cash-out).
  [/碌卡/g, '刷卡'],
  [/供款完结证明|供完证明/g, '结清证明'],
  [/供款/g, '还款'],
  [/按揭/g, '房贷'],
  [/法例/g, '法律'],
  [/得唔得|可唔可以|得冇得/g, '可不可以'],
  [/唔使/g, '不用'],
  [/唔好/g, '不要'],
  [/唔/g, '不'],
  // 係 (folded to 系) is Cantonese "is" after these words, or before a person: 真系, 净系 (only), 系你们.
  [/净系|净是/g, '只'],
  [/(?<=[真就都不又也即只梗实正])系|系(?=你|我|佢|他)/g, '是'],
  [/留低/g, '留下'],
  // 户口: a bank account in Hong Kong (安全户口, 银行户口); the household register (户口本) is left alone.
  [/(?<=[安全银行个人到去入])户口(?!本|簿)/g, '账户'],
  [/入数/g, '还款'],
  // 俾住 (for now): part of it paid now, the rest later.
  [/(?<=[俾畀])住/g, ''],
  [/7仔|七仔/g, '便利店'],
  [/俾人炒|畀人炒|被人炒|炒(?:咗|了)?鱿鱼/g, '被解雇'],
  [/份粮|粮(?=冇|没|都|又|减)/g, '工资'],
  [/冇/g, '没有'],
  [/嘅/g, '的'],
  [/咗/g, '了'],
  [/佢哋/g, '他们'],
  [/我哋/g, '我们'],
  [/你哋/g, '你们'],
  [/佢/g, '他'],
  [/点解/g, '为什么'],
  [/点算/g, '怎么办'],
  [/点样|点先/g, '怎样'],
  // 点 + a verb is how (点还, 点计): not in 晚点 / 早点 / 快点 / 一点 (a little, sooner).
  [/(?<![晚早快慢一有多差少])点(?=[还交缴俾畀找搵揾查攞拿申做处计算办])/g, '怎么'],
  [/乜嘢|咩/g, '什么'],
  [/边个/g, '哪个'],
  [/边度|边到/g, '哪里'],
  [/边间/g, '哪家'],
  [/几时/g, '什么时候'],
  [/系咪/g, '是不是'],
  [/搵|揾/g, '找'],
  [/攞/g, '拿'],
  [/俾|畀/g, '给'],
  [/喺/g, '在'],
  [/嗰/g, '那'],
  [/呢(?=个|度|期|笔|间|些|啲|次|排)/g, '这'],
  [/啲/g, '些'],
  [/咁多/g, '这么多'],
  [/咁样|咁/g, '这样'],
  // 两日, 三日: the days of Cantonese (and of Taiwan's 幾日), counted as 天 is.
  [/(?<=[一二两三四五六七八九十几\d])日(?!期|子)/g, '天'],
  [/嚟/g, '来'],
  [/仲(?!裁)/g, '还'],
  [/坐监/g, '坐牢'],
  [/入禀/g, '起诉'],
  [/收数佬|收数公司|追数|收数/g, '催收'],
  [/(?<=[没无扣减])人工|人工(?=[减少低降跌]|都|又|得)/g, '工资'],
  [/信贷评级|信贷评分|信贷报告|信贷纪录|信贷记录|环联报告|环联|transunion|(?<![a-z])tu(?![a-z])/g, '征信'],
  [/几钱/g, '多少钱'],
  [/屋企人|屋企/g, '家人'],
  [/打去|打嚟|打来/g, '打到'],
  [/成日/g, '经常'],
  [/而家/g, '现在'],
  [/今个月/g, '这个月'],
  [/卡数/g, '信用卡欠款'],
];

/**
 * Words every question has (how, can, what …): spaces in their place, so they bring no evidence.
 * Longest first (会不会 before 会).
 */
const CHINESE_FILLERS =
  /怎么样|怎么|怎样|如何|什么|为什么|可不可以|可以|能不能|会不会|是不是|有问题|没问题|有没有|行不行|中不中|好不好|请问|一下|的话|应该|这个|那个|这样|就是|到底|真的|靠谱|吗|呢|吧|啊|呀|哦|嘛/g;

/** Particles and pronouns inside a phrase (我的征信, 打到我公司, 逾期了): dropped, the words around them joined. */
const CHINESE_JOINED = /的|我|你|(?<![不得])了/g;

/** NFKC, lower case, folded to simplified, variants unified; anything but letters and digits becomes one space. */
const VARIANT = new RegExp(VARIANTS.map(([pattern]) => `(${pattern.source})`).join('|'), 'g');

/** The replacement of the variant that matched: the one whose group holds the match. */
function variantOf(found: string, ...groups: unknown[]): string {
  const at = groups.findIndex((group) => group !== undefined);
  const replacement = VARIANTS[at]?.[1];
  return replacement === undefined ? found : replacement.replace('$&', found);
}

/**
 * A count before a Chinese unit of time or number (三天, 两个月, 10天, 15号, 十几个): 几, so 逾期三天 and 晚还
 * 两天 meet the keywords' 几天 and no topic owns a seam such as 期三. 一次性 (at once) stays.
 */
const COUNTED = /(?:[零〇一二两三四五六七八九十百几]+|\d+)(?=天|个月|个|周|礼拜|星期|期|笔|张|家|年|号|次(?!性))/g;

/** Chat shorthand, spelled out (calc, pmt, plz, cc …): whole words of the lower-cased text. */
const SHORTHAND = new Map([
  ['calc', 'calculate'],
  ['pmt', 'payment'],
  ['pymt', 'payment'],
  ['pmts', 'payments'],
  ['cc', 'credit card'],
  ['amt', 'amount'],
  ['acct', 'account'],
  ['bal', 'balance'],
  ['plz', 'please'],
  ['pls', 'please'],
  ['tmrw', 'tomorrow'],
  ['thru', 'through'],
  ['u', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
]);
const SHORTHAND_WORD = new RegExp(`\\b(?:${[...SHORTHAND.keys()].join('|')})\\b`, 'g');

const CANTONESE_WORD = new RegExp(CANTONESE.map(([pattern]) => `(${pattern.source})`).join('|'), 'g');

function mandarinOf(found: string, ...groups: unknown[]): string {
  const at = groups.findIndex((group) => group !== undefined);
  return CANTONESE[at]?.[1] ?? found;
}

/** "Buy now, pay later" is one product, not a purchase (buy is another errand's word): bnpl. */
const BUY_NOW_PAY_LATER = /\bbuy[\s-]*now[\s,-]*pay[\s-]*later\b/g;

const SCRIPT_SEAM = /([a-z0-9])(?=\p{Script=Han})|(\p{Script=Han})(?=[a-z0-9])/gu;

/** A normalised question with a space where Latin letters or digits meet Han (iva系什么 → iva 系什么): an English word written against Chinese is a word too. */
export function scriptsApart(normalized: string): string {
  return normalized.replace(SCRIPT_SEAM, '$1$2 ');
}

/** Cash App (and its Borrow loans) is one app's name, not cash, a cash-out's word: cashapp. */
const CASH_APP = /\bcash[\s-]*app\b/g;

export function normalizeQuestion(text: string): string {
  const folded = foldCharacters(text.normalize('NFKC').toLowerCase().replace(BUY_NOW_PAY_LATER, 'bnpl').replace(CASH_APP, 'cashapp'))
    .replace(CANTONESE_WORD, mandarinOf)
    .replace(VARIANT, variantOf);
  return (
    folded
      .replace(SHORTHAND_WORD, (word) => SHORTHAND.get(word) ?? word)
      .replace(COUNTED, '几')
      // 0.5% a month, 年化36%: a rate, a word the debt evidence and the index can read.
      .replace(/%/g, ' percent ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** The question without its filler words (matching only; the scam guard reads normalizeQuestion's text). */
export function withoutFillers(normalized: string): string {
  return normalized.replace(CHINESE_JOINED, '').replace(CHINESE_FILLERS, ' ').replace(/ +/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN = /\p{Script=Latin}/u;

export type Script = { han: number; latinWords: number; kana: number; other: number; traditional: number };

/** Counts what a question is written in (on the raw text, before folding). */
export function scriptCounts(text: string): Script {
  const counts: Script = { han: 0, latinWords: 0, kana: 0, other: 0, traditional: 0 };
  let inLatinWord = false;
  for (const character of text.normalize('NFKC')) {
    const latin = LATIN.test(character);
    if (latin && !inLatinWord) counts.latinWords += 1;
    inLatinWord = latin;
    if (latin) continue;
    if (HAN.test(character)) {
      counts.han += 1;
      if (isTraditionalOnly(character)) counts.traditional += 1;
    } else if (KANA.test(character)) counts.kana += 1;
    else if (/\p{L}/u.test(character)) counts.other += 1;
  }
  return counts;
}

/**
 * The language a question is written in, when its script says so: Han characters → zh-Hant if
 * any is traditional-only, else zh-Hans; Latin words → en (the majority wins in a mixed line,
 * a Han character counting as a word); kana or another script → 'foreign'; digits and emoji only
 * → undefined.
 */
export function detectLanguage(text: string): Locale | 'foreign' | undefined {
  const counts = scriptCounts(text);
  if (counts.kana > 0 || counts.other > Math.max(counts.han, counts.latinWords)) return 'foreign';
  if (counts.han === 0 && counts.latinWords === 0) return counts.other > 0 ? 'foreign' : undefined;
  if (counts.han >= counts.latinWords) return counts.traditional > 0 ? 'zh-Hant' : 'zh-Hans';
  return 'en';
}

/** A weighted bag of index terms. */
export type Terms = Map<string, number>;

function add(terms: Terms, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/** Words that carry no topic: left out of the word terms (their trigrams stay, lightly weighted). */
const ENGLISH_STOPWORDS = new Set(
  (
    'a an the i me my mine we our you your he she it its they them their is are was were be been am do does did ' +
    'can could will would should shall may might must to of for in on at by with from about as into if or and but so ' +
    'what which who whom when where why how this that these those there here just also very really please hi hello ' +
    'get got have has had any all much many more most yes ok okay im don ive id t s whats tell give know like thing one just even anymore'
  ).split(' '),
);

/**
 * Everyday words that name no topic (now, want, two, month, online …): a word term weighs
 * GENERIC_FACTOR. One of them in a single topic's keywords would otherwise count as that topic's
 * rarest evidence.
 */
const GENERIC_ENGLISH = new Set(
  (
    'now want need make made up out said say says come came go going went way time times day week month year ' +
    'one two three four five ten first last next new old good bad well still already too enough extra ' +
    'online app someone somebody people person guy something thing stuff lot lots help some'
  ).split(' '),
);
const GENERIC_FACTOR = 0.35;

/** The words of normalised text that are not stop words. */
export function contentWords(normalized: string): string[] {
  return normalized.split(' ').filter((word) => /^[a-z0-9]/.test(word) && !ENGLISH_STOPWORDS.has(word));
}

/** getting → gett → get, stopped → stopp → stop (but not fall, miss, add). */
function undoubled(stem: string): string {
  return /([bdgmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * The words nearly every question and many keywords say: a Han bigram or trigram that cuts one
 * (贷逾 and 贷逾期 of 网贷逾期, 期会 and 期会被 of 逾期会被起诉, 款还 of 贷款还不上) is a seam between
 * words, not a term. Found by chance in one topic's keyword (网贷逾期后果), it would weigh as that
 * topic's rarest evidence. (Measured: adding 还款 or 征信 here costs zh-Hant phrasings more than it gains.)
 */
const CORE_WORDS: readonly string[] = ['逾期', '贷款'];
const CORE_WORD = new Set(CORE_WORDS);

/** Light English stemming: plurals and common endings, so "installments" meets "installment". */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return undoubled(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ed')) return undoubled(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface TermWeights {
  cjk1: number;
  cjk2: number;
  cjk3: number;
  word: number;
  wordPair: number;
  gram: number;
}

export const DEFAULT_WEIGHTS: TermWeights = { cjk1: 0.25, cjk2: 1, cjk3: 1.2, word: 1, wordPair: 0.8, gram: 0.25 };

/**
 * Index terms of normalised text: for each Han run its characters (c:), bigrams and trigrams;
 * for Latin / digits each word (w:, stemmed, stop words left out), adjacent word pairs (p:) and
 * character trigrams of the word with its boundaries (g:), which survive a typo.
 */
export function termsOf(normalized: string, weights: TermWeights = DEFAULT_WEIGHTS): Terms {
  const terms: Terms = new Map();
  forEachTerm(normalized, weights, (term, weight) => add(terms, term, weight));
  return terms;
}

/** termsOf's terms one at a time, repeats included, with no bag built (an answer body at build time); a kind weighing 0 is skipped. */
export function forEachTerm(normalized: string, weights: TermWeights, visit: (term: string, weight: number) => void): void {
  const words: string[] = [];
  const flushWords = () => {
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] as string;
      if (weights.word > 0) visit(`w:${word}`, GENERIC_ENGLISH.has(word) ? weights.word * GENERIC_FACTOR : weights.word);
      if (weights.wordPair > 0 && i + 1 < words.length) visit(`p:${word}_${words[i + 1]}`, weights.wordPair);
      if (weights.gram > 0 && word.length >= 3 && !/^\d+$/.test(word)) {
        const padded = `_${word}_`;
        for (let at = 0; at + 3 <= padded.length; at += 1) visit(`g:${padded.slice(at, at + 3)}`, weights.gram);
      }
    }
    words.length = 0;
  };
  for (const token of normalized.split(' ')) {
    if (token === '') continue;
    // A token may mix scripts ("12期", "app还款"): cut it into Han runs and the rest.
    for (const run of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      if (HAN.test(run)) {
        flushWords();
        if (!CORE_WORDS.some((word) => run.includes(word))) {
          // Each character closes a bigram and a trigram with the one or two before it (same terms, no array).
          let before = '';
          let twoBefore = '';
          for (const character of run) {
            if (weights.cjk1 > 0) visit(`c:${character}`, weights.cjk1);
            if (before !== '') {
              if (weights.cjk2 > 0) visit(`c:${before}${character}`, weights.cjk2);
              if (twoBefore !== '' && weights.cjk3 > 0) visit(`c:${twoBefore}${before}${character}`, weights.cjk3);
            }
            twoBefore = before;
            before = character;
          }
          continue;
        }
        const characters = [...run];
        const core = (at: number) => at >= 0 && at + 1 < characters.length && CORE_WORD.has(`${characters[at]}${characters[at + 1]}`);
        // An n-gram [from, to) cuts a core word when one starts just before its end or ends just after its start.
        const cuts = (from: number, to: number) => core(from - 1) || core(to - 1);
        characters.forEach((character, at) => {
          if (weights.cjk1 > 0) visit(`c:${character}`, weights.cjk1);
          if (at >= 1 && weights.cjk2 > 0 && (core(at - 1) || !cuts(at - 1, at + 1)))
            visit(`c:${characters[at - 1]}${character}`, weights.cjk2);
          if (at >= 2 && weights.cjk3 > 0 && !cuts(at - 2, at + 1))
            visit(`c:${characters[at - 2]}${characters[at - 1]}${character}`, weights.cjk3);
        });
      } else if (!ENGLISH_STOPWORDS.has(run)) words.push(stem(run));
    }
  }
  flushWords();
}
