import { aboutOtherMatter, ownDebtPlainly } from './other-matters.ts';
import { contentWords, normalizeQuestion, scriptsApart, withoutFillers } from './text.ts';
import { DEBT_TERMS } from './vocabulary.ts';

/*
 * Out of scope unless the question speaks about debt (issue 10 point 2: weather, shopping, jokes
 * are declined, never answered as a topic). Evidence is either a debt word (vocabulary.ts
 * DEBT_TERMS: loan, credit, repay, 贷, 征信, 逾期 …) or one whole keyword phrase of a topic that
 * says enough on its own ("call my family", "lost my job", 爆通讯录): two content words in
 * English, four Han characters in Chinese. A single generic word (tomorrow, 明天, 手机, cheap) is
 * never evidence, whichever topic's keywords it appears in. Hardship counts too: out of work
 * alone (unemployed, laid off, 失业, 没收入), illness or 没钱 only beside a word about coping or
 * money (work, pay, what now, 怎么办, 上班, 钱). Beside another errand's word (存款, 股票, 快递,
 * weather, late for …) only a debt word is evidence; another errand altogether (a new card,
 * cashback, a lost card, a bank's phone number) is none at all.
 */

const words = (list: string) =>
  new RegExp(
    `(?:^| )(?:${list
      .trim()
      .split(/\s+/)
      .map((term) => (term.endsWith('*') ? `${term.slice(0, -1)}[a-z]*` : term))
      .join('|')})(?= |$)`,
  );
const EN_DEBT = words(DEBT_TERMS.en);
const EN_WEAK = words(DEBT_TERMS.enWeak);
const ZH_DEBT = new RegExp(DEBT_TERMS.zh.join('|'));
const ZH_WEAK = new RegExp(DEBT_TERMS.zhWeak.join('|'));
const EN_HARDSHIP = words(DEBT_TERMS.enHardship);
const EN_HARDSHIP_ALONE = words(DEBT_TERMS.enHardshipAlone);
const ZH_HARDSHIP_ALONE = new RegExp(DEBT_TERMS.zhHardshipAlone.join('|'));
const NOT_DEBT = new RegExp(DEBT_TERMS.notDebt.map((term) => (/^[a-z]/.test(term) ? `(?:^| )${term}(?= |$)` : term)).join('|'));
const EN_HARDSHIP_CUE = words(DEBT_TERMS.enHardshipCue);
const ZH_HARDSHIP = new RegExp(DEBT_TERMS.zhHardship.join('|'));
const ZH_HARDSHIP_CUE = new RegExp(DEBT_TERMS.zhHardshipCue.join('|'));
/** A missed payment named: beside it, asking whether one can still borrow is about the record it leaves. */
const LATE =
  /逾期|晚还|迟还|没还|(?:晚|迟)了.{0,8}才还|欠款|催收|黑名单|连三累六|(?:^| )(?:overdue|missed|late|arrears|default(?:ed)?|blacklist(?:ed)?)(?= |$)/;
/*
 * Overdue, or the record it leaves: beside these, getting new credit is still our question
 * (逾期了还能贷款买房吗, 买房要用的非恶意逾期证明, a settled loan's proof for a mortgage, can I still
 * get a mortgage after missed payments).
 */
const OVERDUE_CONTEXT = new RegExp(
  `${LATE.source}|征信|信用(?:记录|纪录|报告)|结清|还清|清还|(?:看|查|调|拉|睇).{0,4}(?:自己|我)?的?信用|(?:^| )(?:paid off|settled|credit (?:report|record|score|history))(?= |$)`,
);
/** Being sued or chased for a debt (beside LATE's missed payments). */
const TROUBLE =
  /传票|起诉|被告|法院|执行|(?:^| )(?:summons(?:es)?|sued|suing|lawsuits?|courts?|collectors?|collection agenc(?:y|ies)|bailiffs?|ccjs?)(?= |$)/;
/** Paying one's own card, loan or bill (pay my chase card at the branch, 信用卡可以临柜还吗): a repayment, whatever errand words stand beside it. */
const REPAYING_EN =
  /(?:^| )(?:(?:pay|repay|paying|repaying|clear|clearing)(?: off)? (?:my|the|this|that)(?: [a-z0-9]+){0,2} (?:card|loan|bill|balance|installment|instalment|mortgage|debt)s?|(?:pay|repay)(?: [a-z]+){0,3} from (?:a |my |another |a different |someone else s |his |her )?(?:[a-z]+ ){0,2}account)(?= |$)/;
const REPAYING_ZH =
  /还(信用卡|卡|贷款|房贷|车贷|花呗|借呗|白条|欠款)|(信用卡|卡|贷款|花呗|借呗).{0,6}(怎么|去哪|在哪|可以|能|要).{0,4}还(?!是|有|要)|(柜台|网点|临柜|营业厅).{0,2}(还|缴|交)(?!是|有|要)/;
/** A debit that failed, or a relief scheme by name (an IVA, a DRP, 债务协商): trouble with one's own debt too. */
const OWN_TROUBLE_EN =
  /(?:^| )(?:(?:auto ?debit|autopay|auto pay|direct debit|debit order|stop order|standing instruction|emi|nach|ecs)(?: [a-z]+){0,3} (?:fail(?:ed|s)?|bounced?|didn t go through|did not go through|returned)|ivas?|drp|dmp|debt (?:relief|management) (?:order|plan|programme|program))(?= |$)/;
/** Income gone (zero income, my shop burned down): what to do about repaying, whatever errand word (shop) stands beside it. */
const INCOME_GONE_EN =
  /(?:^| )(?:(?:zero|no) income|lost (?:all )?(?:my|our) income|income (?:has )?(?:dried up|stopped|gone)|(?:my|our) (?:shop|store|business|restaurant|stall|company) (?:burned|burnt|went|has gone|closed|collapsed|failed|shut)(?: down| under| bust)?)(?= |$)/;
/** Asking to see one's own credit file (on the Central Credit Register, 我的征信): ours beside a mortgage or a job. */
const OWN_REPORT_EN =
  /(?:^| )(?:(?:see|check|get|request|pull|view|order|download|look at) (?:my|our) (?:own )?(?:credit )?(?:file|report|record)|central credit register)(?= |$)/;
const OWN_TROUBLE_ZH = /(扣款|自动还款|代扣|自动扣).{0,6}(失败|没成功|不成功|没扣|扣不)|债务协商|前置协商|个人破产/;
/** What the law allows a lender to charge (法律规定借款利率最高多少, the legal cap on interest): ours, however like a rate errand it reads. */
const RATE_LAW_EN =
  /(?:^| )(?:legal (?:limit|cap|maximum|max)|usury|usurious|(?:interest|rate) cap|maximum (?:interest|rate) (?:allowed|by law))(?= |$)/;
const RATE_LAW_ZH =
  /(法律|法规|法定|合法|违法|犯法|规定).{0,8}(利率|利息|年化).{0,6}(最高|上限|封顶|多少)|(利率|利息|年化).{0,8}(法律|法定|合法|违法|犯法|上限|封顶)/;
/** How a loan is repaid (等额本息 or 等额本金 for a first home's mortgage): ours, though the home is new credit. */
const REPAYMENT_METHOD = /等额本息|等额本金|先息后本|气球贷|(?:^| )(?:amorti[sz][a-z]*|annuity|reducing balance|flat rate)(?= |$)/;
const STILL_BORROW = new RegExp(DEBT_TERMS.stillBorrow.join('|'));
const JOB = new RegExp(DEBT_TERMS.job.join('|'));
const OFF_TOPIC = new RegExp(DEBT_TERMS.offTopic.map((term) => (/^[a-z]/.test(term) ? `(?:^| )${term}(?= |$)` : term)).join('|'));

/**
 * Another product or getting new credit (DEBT_TERMS.notDebt) with no overdue or record beside it,
 * or whether one can still borrow (DEBT_TERMS.stillBorrow) with no missed payment named, or a job in the trade (DEBT_TERMS.job).
 */
function newCreditAlone(normalized: string, compact: string): boolean {
  // A job at a bank beside checking one's own report first is the report's question.
  if ((JOB.test(normalized) || JOB.test(compact)) && !ownDebtPlainly(normalized)) return true;
  if (aboutOtherMatter(normalized)) return true;
  if ((STILL_BORROW.test(normalized) || STILL_BORROW.test(compact)) && !LATE.test(normalized) && !LATE.test(compact)) return true;
  const notDebt = NOT_DEBT.test(normalized) || NOT_DEBT.test(compact);
  return notDebt && !OVERDUE_CONTEXT.test(normalized) && !OVERDUE_CONTEXT.test(compact) && !REPAYMENT_METHOD.test(normalized);
}

export class DebtEvidence {
  private readonly english: string[] = [];
  private readonly chinese: string[] = [];

  /** consult() asks has() and errand() of the same question: its newCreditAlone() answer, kept for the next call. */
  private lastAlone: { normalized: string; alone: boolean } | undefined;

  private newCreditAlone(normalized: string, compact: string): boolean {
    if (this.lastAlone?.normalized !== normalized) this.lastAlone = { normalized, alone: newCreditAlone(normalized, compact) };
    return this.lastAlone.alone;
  }

  /** phrases: every topic's keywords (content files and vocabulary.ts), as written. */
  constructor(phrases: Iterable<string>, normalize: (text: string) => string = normalizeQuestion) {
    const english = new Set<string>();
    const chinese = new Set<string>();
    for (const phrase of phrases) {
      const normalized = normalize(phrase);
      if (/\p{Script=Han}/u.test(normalized)) {
        const compact = withoutFillers(normalized).replace(/ /g, '');
        if ([...compact].length >= 4) chinese.add(compact);
      } else if (contentWords(normalized).length >= 2) english.add(` ${normalized} `);
    }
    this.english = [...english];
    this.chinese = [...chinese];
  }

  /**
   * Whether a normalised question names another errand (late for work, 股票, 快递), or getting
   * new credit with no overdue beside it (a first home, a new card): then the whole-example
   * classifiers may not vouch for it either (index.ts).
   */
  errand(normalized: string): boolean {
    const compact = normalized.replace(/ /g, '');
    return OFF_TOPIC.test(normalized) || OFF_TOPIC.test(compact) || this.newCreditAlone(normalized, compact);
  }

  /**
   * Whether a normalised question names trouble with a debt one has: a missed payment, collectors,
   * a summons (逾期, 催收, 传票, sued). Then whole examples of other errands may not decline it: a
   * summons from a debt buyer is ours whatever else the message says.
   */
  inTrouble(normalized: string): boolean {
    const compact = normalized.replace(/ /g, '');
    return LATE.test(normalized) || LATE.test(compact) || TROUBLE.test(normalized) || TROUBLE.test(compact);
  }

  /** Whether a normalised question asks about paying one's own card, loan or bill (REPAYING): ours too, beside any errand word. */
  repaying(normalized: string): boolean {
    return REPAYING_EN.test(normalized) || REPAYING_ZH.test(normalized.replace(/ /g, ''));
  }

  /**
   * Whether whole examples of other errands may not decline a question that names debt (index.ts):
   * trouble with a debt, paying one's own card or loan, a failed debit, a relief scheme by name, or
   * the law on what a lender may charge.
   */
  plainlyOurs(normalized: string): boolean {
    const compact = normalized.replace(/ /g, '');
    return (
      this.inTrouble(normalized) ||
      this.repaying(normalized) ||
      RATE_LAW_EN.test(normalized) ||
      RATE_LAW_ZH.test(compact) ||
      OWN_TROUBLE_EN.test(scriptsApart(normalized)) ||
      OWN_TROUBLE_ZH.test(compact) ||
      INCOME_GONE_EN.test(normalized) ||
      OWN_REPORT_EN.test(normalized)
    );
  }

  /** Whether a normalised question (normalizeQuestion) names a debt or contains a topic's whole phrase. */
  has(normalized: string): boolean {
    const compact = normalized.replace(/ /g, '');
    if (this.newCreditAlone(normalized, compact)) return false;
    if (EN_HARDSHIP_ALONE.test(normalized) || INCOME_GONE_EN.test(normalized) || ZH_HARDSHIP_ALONE.test(compact)) return true;
    // Without its fillers too: 下个月再一起还可以吗 ends in 还 once 可以吗 is out.
    const bare = withoutFillers(normalized).replace(/ /g, '');
    // An English word written against Han text (iva系什么, 用fps还) is a word too.
    if (EN_DEBT.test(scriptsApart(normalized)) || ZH_DEBT.test(compact) || ZH_DEBT.test(bare) || this.repaying(normalized)) return true;
    const offTopic = OFF_TOPIC.test(normalized) || OFF_TOPIC.test(compact);
    if ((EN_WEAK.test(normalized) || ZH_WEAK.test(compact)) && !offTopic) return true;
    if (!offTopic && EN_HARDSHIP.test(normalized) && EN_HARDSHIP_CUE.test(normalized)) return true;
    if (!offTopic && ZH_HARDSHIP.test(compact) && ZH_HARDSHIP_CUE.test(compact.replace(ZH_HARDSHIP, ' '))) return true;
    // Beside another errand's word (存款, 股票, weather) only a debt word above is evidence, not a topic phrase.
    if (offTopic) return false;
    const spaced = ` ${normalized} `;
    if (this.english.some((phrase) => spaced.includes(phrase))) return true;
    return this.chinese.some((phrase) => bare.includes(phrase));
  }
}

/**
 * Whole terms of src/knowledge/vocabulary.ts per topic (延期, late fee …): the rest of a question
 * around a scam's words is answered as another topic only when it names one of that topic's own
 * terms ("客服让我转到安全账户才能延期" → deferral), not when it is the story around the scam
 * ("有人打电话说要注销我的校园贷": the call is part of the scam), and not a term the scam's own
 * keywords use (套现的后果: 后果 is the scam's, not overdue_consequences').
 */
export class TopicTerms<Id extends string> {
  private readonly terms = new Map<Id, { spaced: string[]; compact: string[] }>();
  private readonly keywords = new Map<Id, { spaced: string; compact: string }>();

  /** keywords: every topic's keyword phrases (content files and vocabulary). */
  constructor(
    vocabulary: Record<Id, readonly string[]>,
    keywords: Map<Id, readonly string[]>,
    normalize: (text: string) => string = normalizeQuestion,
  ) {
    for (const [id, phrases] of keywords) {
      const normalized = phrases.map((phrase) => normalize(phrase));
      this.keywords.set(id, { spaced: ` ${normalized.join(' | ')} `, compact: normalized.map((text) => text.replace(/ /g, '')).join('|') });
    }
    for (const id of Object.keys(vocabulary) as Id[]) {
      const spaced: string[] = [];
      const compact: string[] = [];
      for (const term of vocabulary[id]) {
        const normalized = normalize(term);
        if (normalized === '') continue;
        if (/\p{Script=Han}/u.test(normalized)) compact.push(normalized.replace(/ /g, ''));
        else spaced.push(` ${normalized} `);
      }
      this.terms.set(id, { spaced, compact });
    }
  }

  /** Whether a normalised text holds one of a topic's terms, whole, that is not one of `besides`' keywords. */
  names(id: Id, normalized: string, besides?: Id): boolean {
    const own = this.terms.get(id);
    if (!own) return false;
    const other = besides === undefined ? undefined : this.keywords.get(besides);
    const spaced = ` ${normalized} `;
    const compact = normalized.replace(/ /g, '');
    return (
      own.spaced.some((term) => spaced.includes(term) && !other?.spaced.includes(term)) ||
      own.compact.some((term) => compact.includes(term) && !other?.compact.includes(term))
    );
  }
}
