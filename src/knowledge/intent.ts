import type { Scored } from './matcher.ts';
import type { TopicId } from './topics.ts';

/*
 * What the question asks to do, when its objects belong to another topic. "How do I complain
 * about a collector who threatened me" is mostly collection words, but it asks where to
 * complain; "还不上会有什么后果" names not being able to pay, but asks for the consequences;
 * "can I go to jail for this debt" is about a lawsuit, whatever else it says. BM25 weighs every
 * term alike and lets the objects win; an intent cue decides between the topics that share
 * them, and only then: the preferred topic must already be a close candidate and the best topic
 * one of those it is known to be confused with, so a cue never drags in a topic the question
 * gives no other evidence for.
 */

interface Intent {
  topic: TopicId;
  /** Read on normalizeQuestion's text (lower case, simplified script, words between spaces). */
  cue: RegExp;
  /** The topics whose words the same questions use. */
  over: readonly TopicId[];
  /** The preferred topic must score at least this share of the best one (default CLOSE). */
  close?: number;
  /** Words that make the question the other topic's after all. */
  unless?: RegExp;
}

const en = (source: string) => `(?:^| )(?:${source})(?= |$)`;

const INTENTS: readonly Intent[] = [
  {
    topic: 'complaint_channels',
    cue: new RegExp(
      `${en('complain[a-z]*|complaint[a-z]*|ombudsman|regulators?|report (?:them|him|her|the collectors?|the lender)')}|投诉|举报|申诉`,
    ),
    over: ['collection_rules', 'credit_report_impact', 'dispute_record', 'fake_service_scam', 'rate_limits', 'how_to_repay'],
  },
  {
    topic: 'lawsuit',
    cue: new RegExp(
      `${en('jail|prison|arrest(?:ed)?|criminal|sue|sued|suing|lawsuit|court')}|坐牢|判刑|拘留|抓人|抓我|刑事|起诉|法院|传票`,
    ),
    over: ['cannot_pay', 'overdue_consequences', 'collection_rules', 'multiple_debts', 'settlement_proof'],
  },
  {
    topic: 'overdue_consequences',
    cue: new RegExp(
      `${en('consequences?|what (?:will |would |could )?happens?|what (?:will|would|can) they do')}|后果|会怎样|会怎么样|会发生什么|会怎么做`,
    ),
    over: ['cannot_pay', 'multiple_debts', 'restructuring'],
    // "If I can't pay this month, what happens?" asks for the consequences, however loudly it says
    // it can't pay; with a cause (lost my job, 生病, 工资) or "what should I do" it is cannot_pay's.
    close: 0.1,
    unless: new RegExp(
      `${en('lost|job|jobless|unemployed|laid|fired|sick|ill|illness|hospital|salary|income|wages?|business|what should i do|what do i do|help')}|失业|裁员|没工作|生病|住院|工资|收入|生意|怎么办|该做什么`,
    ),
  },
  {
    topic: 'penalty_waiver',
    cue: new RegExp(
      `${en('(?:waive[a-z]*|forgiv[a-z]*|forgave|remov[a-z]*|drop(?:ped)?|cancel[a-z]*|write off|written off) (?:the |my |those |these |all )?(?:late |penalty |extra )?(?:fees?|charges?|penalt[a-z]*|interest)|(?:fees?|charges?|penalt[a-z]*) (?:be |get |got )?(?:waived|forgiven|removed|dropped|cancell?ed)')}|减免|免(?:掉|除|收)|豁免|不收|少收`,
    ),
    over: ['penalty_interest', 'cannot_pay', 'overdue_consequences'],
  },
  {
    topic: 'how_to_repay',
    cue: new RegExp(
      `${en('(?:how|where) (?:do|can|should|could) i (?:re)?pay|(?:re)?pay (?:it |them |my [a-z]+ )?(?:in|through|via|on|with|inside) (?:the |your |their )?(?:app|website|site|bank app|wechat|alipay)|(?:re)?pay (?:it )?manually|manual (?:re)?payment')}|还款渠道`,
    ),
    over: ['multiple_debts', 'autodebit_failed', 'partial_payment', 'early_repayment', 'deferral'],
  },
  {
    // Asking leave to pay later (可不可以延迟还款, 能晚点还吗, can I pay next week instead) is a deferral;
    // 延迟还款 alone is also Taiwan's word for paying late, so only the asking decides.
    topic: 'deferral',
    cue: new RegExp(
      `${en('(?:can|could|may) i (?:pay|repay) (?:it |this |this month |my [a-z]+ )?(?:later|next week|next month|a (?:few|couple of) (?:days|weeks) later)|(?:postpone|push back|delay) (?:my |the |this )?(?:payment|installment|repayment)')}|(?:可不可以|能不能|可以|能否|能|申请|想)(?:延迟|延后|推迟|推后|缓一缓|(?:晚|迟|缓)(?:点|一点|几天|几周|几个星期|几个礼拜|些)?(?:先|再|才)?(?:还|缴|交|付))`,
    ),
    over: ['grace_period', 'how_to_repay', 'partial_payment', 'early_repayment', 'overdue_consequences'],
    close: 0.2,
  },
  {
    // Which debt to pay first is the several-debts question, whichever debts it names.
    topic: 'multiple_debts',
    cue: new RegExp(
      `${en('(?:pay|repay|clear|tackle) (?:off )?(?:the |my )?[a-z ]{1,30} or (?:the |my )?[a-z ]{1,30} first|which (?:one |debt |loan |card )?(?:should i |do i |to )?(?:pay|repay|clear|tackle)? ?first')}|先还哪|先还谁|优先还哪|哪个先还|先还(?:信用卡|网贷|房贷|车贷)还是`,
    ),
    over: ['cash_out_risk', 'minimum_payment', 'cannot_pay', 'early_repayment', 'rate_limits'],
    close: 0.2,
  },
  {
    // "Paid a few days late: will it be reported?" asks about the credit record; the days late are context.
    topic: 'credit_report_impact',
    cue: new RegExp(
      `${en('credit (?:report|score|record|file|history|rating)|bureau|blacklist[a-z]*')}|上征信|征信|信用记录|不良记录|黑名单`,
    ),
    over: ['grace_period', 'penalty_interest'],
    close: 0.25,
    unless: new RegExp(`${en('grace')}|宽限`),
  },
];

/** The preferred topic must score at least this share of the best one. */
const CLOSE = 0.4;

/** The topic an intent cue of the question prefers over the best-scored one, if any. */
export function intendedTopic(normalized: string, scored: readonly Scored[]): TopicId | undefined {
  const best = scored[0];
  if (!best || best.score <= 0) return undefined;
  for (const intent of INTENTS) {
    if (intent.topic === best.id || !intent.over.includes(best.id) || !intent.cue.test(normalized)) continue;
    if (intent.unless?.test(normalized)) continue;
    const preferred = scored.find((entry) => entry.id === intent.topic);
    if (preferred && preferred.score >= (intent.close ?? CLOSE) * best.score) return intent.topic;
  }
  return undefined;
}
