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
  /**
   * The cue is plain enough that, when the index already ranks this topic first, the classifier
   * may not overrule it ("the bank says I'm overdue but I paid": a record to dispute, however
   * much it reads like asking for a proof of settlement).
   */
  firm?: boolean;
}

/** An amount as normalizeQuestion leaves it: 3,000 becomes `3 000`. */
const AMOUNT = '\\d+(?: \\d{3})*';

const en = (source: string) => `(?:^| )(?:${source})(?= |$)`;

const INTENTS: readonly Intent[] = [
  {
    // A wrong record asks to be corrected, whatever the record says and wherever one complains.
    topic: 'dispute_record',
    cue: new RegExp(
      `${en("correct(?:ed|ion)?|dispute[a-z]*|mistaken(?:ly)?|by mistake|not mine|isn ?t mine|never borrowed|(?:bank|lender)'?s? (?:fault|mistake|error)|(?:says?|said|claims?|shows?|showing)(?: [a-z0-9]+){0,6} (?:overdue|late|behind|arrears|missed)(?: [a-z0-9]+){0,4} but (?:i )?(?:paid|already|never|settled|cleared)")}|更正|纠正|改正|异议|搞错|弄错|不是我借|没借过|银行的错`,
    ),
    over: ['credit_report_impact', 'check_credit_report', 'complaint_channels', 'overdue_consequences', 'settlement_proof'],
    // Asking for the ombudsman or the regulator is where to complain, whatever the dispute.
    unless: new RegExp(`${en('ombudsman|regulators?')}|监管|12378|金管会`),
    firm: true,
  },
  {
    topic: 'complaint_channels',
    cue: new RegExp(
      `${en('complain[a-z]*|complaint[a-z]*|ombudsman|regulators?|report (?:them|him|her|(?:the|a|an|this|that) (?:[a-z]+ ){0,2}(?:collectors?|lender|agency|company|app))|who (?:can|should|do) i (?:report|complain)|(?:who|where)(?: else)? (?:can|do|should) i report (?:this|it|them)')}|投诉|举报|申诉`,
    ),
    over: [
      'collection_rules',
      'credit_report_impact',
      'dispute_record',
      'fake_service_scam',
      'rate_limits',
      'how_to_repay',
      'check_credit_report',
    ],
    // Where to report a collector: the question is mostly the collector's conduct, the ask is where to complain.
    close: 0.25,
    // 申诉 beside a wrong record asks to correct it (dispute_record), not where to complain.
    unless: new RegExp(`${en('mistaken|mistake|error|wrong|not mine')}|更正|纠正|异议|有误|错误|搞错|弄错|不是我`),
    firm: true,
  },
  {
    topic: 'lawsuit',
    cue: new RegExp(
      `${en('jail(?:ed)?|prison|imprison(?:ed)?|arrest(?:ed)?|criminal|sue|sued|suing|lawsuit|court')}|坐牢|判刑|拘留|抓人|抓我|刑事|起诉|法院|传票|被关|关起来|吃牢饭|被人告|上庭|出庭`,
    ),
    over: [
      'cannot_pay',
      'overdue_consequences',
      'collection_rules',
      'multiple_debts',
      'settlement_proof',
      'cash_out_risk',
      'minimum_payment',
    ],
  },
  {
    topic: 'overdue_consequences',
    cue: new RegExp(
      `${en('consequences?|what (?:will |would |could )?happens?|what (?:will|would|can) they do|what (?:should|do|can|will) i expect|(?:next|coming|following) few (?:days|weeks|months)|what comes next|what (?:will|would|can|could) [a-z]+(?: [a-z]+){0,2} do to me')}|后果|会怎样|会怎么样|会发生什么|会怎么做|会经历什么|后续|之后几(?:天|周|个星期|个月)|接下来|严重到什么程度|有多严重`,
    ),
    over: ['cannot_pay', 'multiple_debts', 'restructuring', 'deferral', 'penalty_waiver'],
    // "If I can't pay this month, what happens?" asks for the consequences, however loudly it says
    // it can't pay; with a cause (lost my job, 生病, 工资) or "what should I do" it is cannot_pay's.
    close: 0.1,
    unless: new RegExp(
      `${en('lost|job|jobless|unemployed|laid|fired|sick|ill|illness|hospital|salary|income|wages?|business|what should i do|what do i do|help')}|失业|裁员|没工作|生病|住院|工资|收入|生意|怎么办|该做什么|第一步`,
    ),
  },
  {
    // "不还钱会怎样": what happens, not whether one is sued or what a cash-out risks, unless it says so.
    topic: 'overdue_consequences',
    cue: new RegExp(`${en('what (?:will |would |could )?happens?|consequences?|do to me')}|后果|会怎样|会怎么样|会发生什么`),
    over: ['lawsuit', 'cash_out_risk'],
    close: 0.2,
    unless: new RegExp(
      `${en('sue|sued|suing|court|jail|prison|arrest(?:ed)?|criminal|cash ?out|legal|lawyer|summons|claim')}|起诉|法院|坐牢|判刑|传票|律师|套现|代还|法律`,
    ),
  },
  {
    topic: 'penalty_waiver',
    cue: new RegExp(
      `${en('(?:waive[a-z]*|forgiv[a-z]*|forgave|remov[a-z]*|drop(?:ped)?|cancel[a-z]*|write off|written off) (?:the |my |those |these |all )?(?:late |penalty |extra )?(?:fees?|charges?|penalt[a-z]*|interest)|(?:fees?|charges?|penalt[a-z]*) (?:be |get |got )?(?:waived|forgiven|removed|dropped|cancell?ed)|refund(?:ed)?|(?:get|have) (?:it |them |the fee |the charge )?(?:back|refunded|reversed)|revers(?:e|ed) the (?:fee|charge)')}|减免|免(?:掉|除|收)|豁免|不收|少收|退回|退还|退钱|拿掉|去掉|取消(?:掉)?(?:罚息|违约金|费用|滞纳金)`,
    ),
    over: ['penalty_interest', 'cannot_pay', 'overdue_consequences', 'early_repayment', 'grace_period'],
    close: 0.25,
  },
  {
    // The penalty named, then asked to be dropped (罚的钱能不能不要了, 罚款可不可以不收): a waiver,
    // however much of the message is about clearing the principal in one go.
    topic: 'penalty_waiver',
    cue: /(罚息|罚款|罚金|罚的钱|违约金|滞纳金|逾期费)[^ ]{0,8}(不要|不收|不算|免|少收)/,
    over: ['early_repayment', 'repayment_methods', 'penalty_interest'],
    close: 0.1,
  },
  {
    // The whole balance called in after a missed payment (会不会要求我把剩下的全部一次性还): what the overdue leads to.
    topic: 'overdue_consequences',
    cue: new RegExp(
      `${en('demand (?:the )?(?:entire|whole|full|remaining) (?:balance|amount|loan)|call in the (?:whole )?loan|acceleration clause')}|要求(?:我)?(?:把)?(?:剩下|剩余|全部|所有)的?.{0,6}(?:一次性)?还|提前到期|宣布到期`,
    ),
    over: ['early_repayment', 'restructuring', 'repayment_methods'],
    close: 0.1,
    firm: true,
  },
  {
    topic: 'how_to_repay',
    cue: new RegExp(
      `${en('(?:how|where) (?:do|can|should|could) i (?:re)?pay|(?:re)?pay (?:it |them |my [a-z]+ )?(?:in|through|via|on|with|inside) (?:the |your |their )?(?:app|website|site|bank app|wechat|alipay)|(?:re)?pay (?:it )?manually|manual (?:re)?payment|pay (?:it )?(?:with|by|using) (?:paypal|cash|card|bank transfer|wechat|alipay)')}|还款渠道`,
    ),
    over: ['multiple_debts', 'autodebit_failed', 'partial_payment', 'early_repayment', 'deferral'],
  },
  {
    // Paying at a branch or a counter, or in cash, asks where and how to pay, though cash is a cash-out's word too.
    topic: 'how_to_repay',
    cue: new RegExp(
      `${en('(?:re)?pay(?: it| my(?: [a-z]+){1,3})? (?:at|in|over) (?:the |a )?(?:branch|counter|post office|convenience store|atm)|(?:re)?pay(?: it| my(?: [a-z]+){1,3})?(?: at (?:the |a )?[a-z]+)? (?:with|in) cash')}|临柜|柜台(?:还|缴|交|付)`,
    ),
    over: ['cash_out_risk'],
    // Cash alone weighs as much as a cash-out's words in the index; paying in it is the ask.
    close: 0.1,
    unless: new RegExp(`${en('cash ?out|swipe|swiping')}|套现|刷卡`),
  },
  {
    // 还款方式 is also how a loan is repaid (等额本息 …); "what other ways can I pay" is where and how.
    topic: 'how_to_repay',
    cue: /(?:什么|哪些|其他|别的)(?:方式|方法|渠道|途径|办法)(?:可以)?还|(?:手动|自己)(?:还|缴|交|付)/,
    over: ['repayment_methods', 'autodebit_failed', 'partial_payment'],
  },
  {
    // Asking leave to pay later (可不可以延迟还款, 能晚点还吗, can I pay next week instead) is a deferral;
    // 延迟还款 alone is also Taiwan's word for paying late, so only the asking decides.
    topic: 'deferral',
    cue: new RegExp(
      `${en('(?:can|could|may) i (?:pay|repay) (?:it |this |this month |my [a-z]+ )?(?:later|next week|next month|a (?:few|couple of) (?:days|weeks) later)|(?:postpone|push back|delay|move|shift) (?:my |the |this |this month s )?(?:payment|installment|instalment|repayment|due date)(?: date)? (?:to|till|until|back)')}|(?:可不可以|能不能|可以|能否|能|申请|想)(?:延迟|延后|推迟|推后|缓一缓|(?:晚|迟|缓)(?:点|一点|几天|几周|几个星期|几个礼拜|些|半个月|一个月|一周|两周|几个月)?(?:先|再|才)?(?:还|缴|交|付))`,
    ),
    over: ['grace_period', 'how_to_repay', 'partial_payment', 'early_repayment', 'overdue_consequences', 'multiple_debts'],
    close: 0.2,
    firm: true,
  },
  {
    // Which debt to pay first, or borrowing from one to repay another, is the several-debts question.
    topic: 'multiple_debts',
    cue: new RegExp(
      `${en('(?:pay|repay|clear|tackle) (?:off )?(?:the |my )?[a-z ]{1,30} or (?:the |my )?[a-z ]{1,30} first|which (?:one |debt |loan |card )?(?:should i |do i |to )?(?:pay|repay|clear|tackle|attack|target|kill|knock out|focus on)? ?first|borrow(?:ed|ing)? (?:from [a-z ]{1,20} )?to (?:re)?pay (?:another|the other|other)')}|先还哪|先还谁|优先还哪|哪个先还|先还(?:信用卡|网贷|房贷|车贷)还是|先处理哪|优先处理|借.{0,8}还另一|拆东墙补西墙|以贷养贷|借一笔.{0,12}还|排先后|先后次序|先后顺序|几间|几家|好几个平台|周转不(?:到|过来|开)|借.{1,6}还.{1,6}(?:财务|平台|网贷|卡)`,
    ),
    over: ['cash_out_risk', 'minimum_payment', 'cannot_pay', 'early_repayment', 'rate_limits', 'restructuring', 'autodebit_failed'],
    close: 0.2,
  },
  {
    // Three lenders named at once ("owe chase, affirm and klarna"): several debts, whatever else the words suggest.
    topic: 'multiple_debts',
    cue: new RegExp(`${en('(?:owe|owing|debts? (?:with|to)|loans? (?:with|from)) (?:[a-z]+ ){2,4}and [a-z]+|prioriti[sz](?:e|ing)')}`),
    over: ['dispute_record', 'overdue_consequences', 'cannot_pay', 'lawsuit', 'how_to_repay', 'autodebit_failed'],
    close: 0.2,
  },
  {
    // "Paid a few days late: will it be reported?" asks about the credit record; the days late are context.
    topic: 'credit_report_impact',
    cue: new RegExp(
      `${en('credit (?:report|score|record|file|history|rating)|bureau|blacklist[a-z]*|bad record|black mark|(?:cibil|experian|equifax|transunion|ccris|ctos)(?: score| report)? (?:get |be |gets )?(?:affected|hit|drop|go down)')}|上征信|征信|信用记录|不良记录|黑名单|坏记录|留下记录`,
    ),
    over: ['grace_period', 'penalty_interest', 'autodebit_failed'],
    close: 0.25,
    unless: new RegExp(`${en('grace')}|宽限`),
  },
  {
    // "After how many days is it reported?" is about the record, though it names the report.
    topic: 'credit_report_impact',
    cue: new RegExp(
      `${en('(?:be|get|gets|got|being) reported|show (?:up )?on my (?:credit )?(?:report|file|record)|go(?:es)? (?:on|onto|into) my (?:credit )?(?:report|file|record|history)|(?:bank|lender|they|it) (?:still )?reports? (?:it|me|this)|how long (?:does it|will it|would it) (?:stay|remain|show)')}|通报|上报|报送|报到|上征信|显示成|会显示|保留(?:多久|几年)|留(?:多久|几年)`,
    ),
    over: ['check_credit_report'],
  },
  {
    topic: 'check_credit_report',
    cue: new RegExp(
      `${en("(?:see|check|get|view|pull|download|look at|read|order|request)(?: what'?s on| what is on)? (?:a copy of )?(?:my )?(?:own )?(?:full |whole |complete |free )?(?:credit|cibil|crb|experian|equifax|transunion|ctos|ccris) (?:report|record|file|history|score)|(?:see|check|find out|know|look at) what (?:the |a )?(?:credit )?(?:bureaus?|agenc(?:y|ies)|they) (?:actually |really )?(?:has|have|hold|holds|keeps?|say|says) (?:on|about) me|(?:free )?(?:cibil|crb|experian|equifax|transunion|ctos|ccris) check|free (?:cibil|crb|experian|equifax|transunion|ctos|ccris) (?:report|score)")}|查(?:询|看)?(?:一下)?(?:自己)?(?:个人)?征信|征信报告(?:怎么|在哪|哪里|要不要|需不需要|给钱|收费|免费|打印)|看(?:到|一下)?(?:自己)?(?:个人)?征信`,
    ),
    over: ['credit_report_impact', 'credit_repair_scam', 'dispute_record'],
    unless: new RegExp(`${en('reported|wrong|mistake|error|not mine')}|通报|上报|错误|搞错|不是我`),
  },
  {
    topic: 'rate_limits',
    cue: new RegExp(
      `${en('legal(?:ly)? (?:limit|maximum|max|cap)|(?:interest|rate) cap|usury|usurious|illegal|against the law|allowed|maximum (?:interest|rate)')}|上限|封顶|最高(?:可以)?收|犯法|违法|合法|法定|高利贷|重利|法律.{0,6}(?:最高|利息|利率)`,
    ),
    over: ['minimum_payment', 'penalty_interest', 'true_apr', 'cash_out_risk', 'multiple_debts'],
  },
  {
    topic: 'early_repayment',
    cue: new RegExp(
      `${en('(?:pay|repay|clear|settle) (?:off )?(?:the |my )?(?:whole|entire|full|all|everything|remaining balance)|pay (?:it |everything )?off (?:early|now|in one go)|early (?:re)?payment|prepay[a-z]*')}|一次性还清|提前还|提早还|一次还清`,
    ),
    over: ['restructuring', 'rate_limits', 'cannot_pay', 'minimum_payment'],
  },
  {
    topic: 'partial_payment',
    cue: new RegExp(
      `${en(`only (?:have|got|pay|paid|afford) (?:part|half|some|a bit|\\d+ ?percent)|(?:pay|paid) (?:only )?(?:part|half|some) of|(?:pay|paid|paying) (?:only )?${AMOUNT} (?:of|out of) (?:my |the |a )?${AMOUNT}|partial(?:ly)?|part payments?`)}|还了一部分|只还一部分|部分还款|只能还一部分|(?:还|给|付|交|缴)(?:住)?一半|剩下(?:的|那些)?(?:怎么|如何)|不足额|没还够|还不够|没交够|没还全|还不全`,
    ),
    // Paying part asks what part payment does, whatever "what happens" or "is it overdue" around it.
    over: ['how_to_repay', 'minimum_payment', 'deferral', 'repayment_methods', 'overdue_consequences', 'grace_period'],
  },
  {
    // "Pay 200 out of the 350 due": the figures say part of an installment, however little else does.
    topic: 'partial_payment',
    cue: new RegExp(
      `${en(`(?:pay|paid|paying|pays) (?:only |just )?${AMOUNT} (?:of|out of) (?:my |the |a )?${AMOUNT}|split (?:my |the |this |one )?(?:monthly )?(?:installment|instalment|payment) (?:into|in) (?:two|2|three|3|smaller|several)`)}|要还[\\d ]+.{0,4}(?:只有|只得|得|只够)[\\d ]+|先还住`,
    ),
    over: [
      'overdue_consequences',
      'grace_period',
      'how_to_repay',
      'minimum_payment',
      'deferral',
      'cash_out_risk',
      'restructuring',
      'multiple_debts',
    ],
    close: 0,
  },
  {
    // Stopping the interest while the principal is paid off (停息挂账), or talking the bank into more,
    // smaller installments, is a new plan to negotiate, not a repayment method, however hard the money is.
    topic: 'restructuring',
    cue: new RegExp(
      `${en('(?:freeze|stop|pause|suspend) (?:the |my |all )?interest|interest (?:freeze|frozen|stopped)')}|停息|只还本金|(?:跟|和|与)(?:银行|平台|他们|贷款公司).{0,4}(?:谈|商量|协商)|分(?:比较|更)?多(?:几)?期|拉长(?:期限|期数|还款期)`,
    ),
    over: ['repayment_methods', 'penalty_waiver', 'minimum_payment', 'cannot_pay', 'multiple_debts', 'deferral'],
    close: 0.25,
  },
  {
    // Asking for a letter (出个证明, a proof, a certificate) is the proof's question, whatever went wrong before.
    topic: 'settlement_proof',
    cue: new RegExp(
      `${en('proof|certificate|letter')}|(?:出|开)(?:个|一个|一份|张|一张)?证明|证明(?:文件|材料|信)|(?:拿|要|开|出|申请|提供)(?:什么|哪些|啥)证明`,
    ),
    over: ['dispute_record', 'credit_report_impact', 'early_repayment', 'restructuring'],
  },
  {
    topic: 'true_apr',
    cue: new RegExp(
      `${en('annual(?:ised|ized)? (?:percentage )?rate|real (?:interest )?rate|true (?:interest )?rate|apr|effective rate')}|换(?:成|算)年化|年化(?:是|有)?多少|折合年|实际年(?:利率|化)|真实年化`,
    ),
    over: ['minimum_payment', 'rate_limits', 'penalty_interest', 'repayment_methods'],
    unless: new RegExp(`${en('legal|illegal|allowed|cap|limit|maximum|usury')}|上限|违法|犯法|合法|法定|高利贷`),
  },
  {
    topic: 'penalty_interest',
    cue: new RegExp(
      `${en('how (?:did|do|does|is|are) (?:they|it|the [a-z ]{1,20}) (?:get|calculated?|work(?:ed)? out|come up with|computed?)|how (?:much|is) (?:the )?(?:late fee|penalty)|calculate (?:the )?(?:late fee|penalty)|formula|(?:go|goes|gone|went) up by')}|(?:罚息|违约金|滞纳金).{0,4}(?:怎么|如何|按什么|按照什么|按)(?:计|算)|(?:罚息|违约金|滞纳金).{0,12}(?:百分之几|几个点|比例)|(?:怎么|如何)(?:计算|算)(?:罚息|违约金|滞纳金)|(?:逾期|晚还)的?(?:利息|费用).{0,4}(?:怎么|如何)(?:计|算)`,
    ),
    over: ['grace_period', 'overdue_consequences', 'minimum_payment', 'partial_payment', 'penalty_waiver'],
    close: 0.25,
  },
  {
    // One loan's payments shrinking each month and another's staying the same is how each is repaid (等额本金, 等额本息).
    topic: 'repayment_methods',
    cue: new RegExp(
      `${en('(?:gets?|getting|goes|going) (?:smaller|lower|down) (?:each|every) month|same (?:amount )?every month')}|越(?:来越)?少|逐月(?:递减|减少)|每(?:个)?月(?:都)?一样|一直一样`,
    ),
    over: ['multiple_debts', 'partial_payment', 'early_repayment'],
    close: 0.25,
    firm: true,
  },
  {
    // 以卡养卡 (one card paying another): whether it is allowed or safe is the cash-out warning's
    // answer; how to get out of it once the debts grow is juggling several debts.
    topic: 'cash_out_risk',
    cue: new RegExp(
      `以卡养卡.{0,6}(可以|行不行|行吗|违法|犯法|合法|风险|靠谱|安全)|${en('(?:one|a) (?:credit )?card to pay (?:off )?another(?: one)?(?: [a-z]+){0,4} (?:legal|illegal|allowed|safe|risky)')}`,
    ),
    over: ['multiple_debts'],
    unless: /脱身|越欠越多|撑|停下|窟窿|怎么办|怎么还/,
  },
];

/** The preferred topic must score at least this share of the best one. */
const CLOSE = 0.4;

/** The topic an intent cue of the question prefers over the best-scored one, if any. */
export function intendedTopic(normalized: string, scored: readonly Scored[]): TopicId | undefined {
  const best = scored[0];
  if (!best || best.score <= 0) return undefined;
  for (const intent of INTENTS) {
    if (intent.firm && intent.topic === best.id && intent.cue.test(normalized) && !intent.unless?.test(normalized)) return best.id;
    if (intent.topic === best.id || !intent.over.includes(best.id) || !intent.cue.test(normalized)) continue;
    if (intent.unless?.test(normalized)) continue;
    const preferred = scored.find((entry) => entry.id === intent.topic);
    if (preferred && preferred.score >= (intent.close ?? CLOSE) * best.score) return intent.topic;
  }
  return undefined;
}
