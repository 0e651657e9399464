import type { ScamId } from './topics.ts';

/*
 * The scam guard (issue 10 point 5): explicit patterns, on the normalised question (lower case,
 * simplified, punctuation as spaces), that fire wherever they stand, even inside another question.
 * Chinese patterns are matched on the text with its spaces removed.
 */

// In order of precedence when two fire: a caller asking you to act now (screen sharing, a transfer)
// is the present danger, before a paid promise about the record, before a cash-out.
const PATTERNS: Record<ScamId, { zh: RegExp[]; en: RegExp[] }> = {
  fake_service_scam: {
    zh: [
      /安全(账户|帐户|账号|帐号|户口)/,
      // Borrowing on another platform to hand the money to the caller (not borrowing there to repay this one).
      /(别的|其他|另一个|另外的?)(平台|app|软件).{0,6}(借|贷).{0,20}(转|打)(给|到)(他|她|对方|客服|指定)/,
      /(注销|关闭|销户).{0,6}(校园贷|学生贷|学生账户|学生身份|账户|账号|贷款账户|贷款)/,
      /(校园贷|学生贷).{0,10}(注销|销户|关闭)/,
      /(屏幕共享|共享屏幕|开启共享|下载.{0,6}会议)/,
      // A text with a link to log in and "verify" a failed repayment: no lender asks that.
      /(短信|短讯|信息|讯息).{0,24}(链接|link|网址|连结).{0,16}(登入|登录|验证|输入|填)/,
      /(客服|工作人员|自称).{0,20}(转账|转钱|打款|汇款|转到|转入|验证码|刷流水|流水)/,
      /(转账|转钱|打款|汇款).{0,10}(验资|解冻|激活|流水|刷流水)/,
      /(自称|冒充|假冒|假扮|扮|说是).{0,10}(银行|平台|客服|警察|公安|职员|工作人员).{0,12}(验证码|otp|动态密码|密码)/,
      // A "supervised" account (监管账户) is the safe-account story under another name.
      /(监管|保护|保险)(账户|帐户|账号|帐号|户口)/,
      /(冻结|异常).{0,12}(转账|打款|汇款).{0,6}(解冻|激活|解除)/,
      /(冒充|假冒|假扮|假)的?(银行|平台|贷款|网贷|官方)?(客服|工作人员|专员)/,
      // A text that an account will be closed or cut, and a QQ / WeChat "agent" to sort it: no lender works that way.
      /(关闭|注销|冻结|降额|停用|影响征信).{0,20}(加|添加)(qq|微信|wx|vx)/,
      /(加|添加)(qq|微信|wx|vx).{0,10}(客服|专员|处理)/,
      // No lender has you pay into someone's own account; no regulator calls to close your account.
      /(打|转|汇|还|存|付)(款|钱)?(到|进|入|去)?.{0,8}个人(账户|账号|帐户|帐号|银行卡|卡)/,
      /(自称|说是|冒充|假冒|声称).{0,10}(监管|金融监管局|银保监|金管会|公安|警察|法院).{0,20}(账户|账号|违规|违法|注销|关闭|冻结|转账)/,
    ],
    en: [
      /\b(safe|secure|safety|protected|verification|holding|supervised|supervision|monitored|escrow) account/,
      /\bcancel.{0,30}(student|campus|college) (loan|account)/,
      /\b(student|campus|college) loan account.{0,20}(cancel|close|delete)/,
      // Whether a caller or a hotline is the real customer service: the fake-service warning answers how to tell.
      /\b(caller|call|someone|somebody|a man|a woman|a guy|a lady|text|sms|email|message|he|she|they)( [a-z]+){0,4} (saying|claiming|says|claims|said) (they are |they re |theyre |to be |he is |she is |it s |it is )?(from|with)\b.{0,40}\b(actually|really|real|genuine|legit|legitimate)\b/,
      /\b(fake|bogus|scam|impostor|imposter) (customer service|support|hotline|helpline|agent|call centre|call center)/,
      /\b(customer service|hotline|helpline|support line|call centre|call center)( [a-z]+){0,4} (is |was |are )?(fake|a scam|genuine|real|legit|legitimate)\b/,
      /\bscreen ?shar/,
      /\b(text|sms|message|email)\b.{0,40}\blink\b.{0,30}\b(log ?in|verify|enter|confirm)\b/,
      // Whoever asks for a one-time code: no lender ever does.
      /\b(ask(ed|ing|s)? (me )?for|want(ed|s)?|need(ed|s)?) (my |the |your )?(otp|verification code|one time (pass)?code)\b/,
      /\bdownload.{0,20}\b(meeting|zoom|remote|screen)/,
      /\bshar(e|ing) (my |your |the )?(phone )?screen/,
      /\b(customer service|support|agent|caller|someone).{0,40}(transfer|wire|send|move) (money|funds|the money|my money|everything|it)/,
      /\b(customer service|support|agent|caller).{0,40}(verification code|otp|one time code)/,
      /\b(pay|transfer|send|wire|deposit|move)\b.{0,40}\b(personal|private) (bank )?account/,
      /\b(claim(ed|ing|s)?|pretend(ed|ing|s)?|said|says|saying) (they are |to be |he is |she is |he was |she was )?(from )?(the )?(regulator|police|central bank|financial authority|monetary authority|court)\b.{0,60}\b(account|transfer|close|closed|illegal|frozen)/,
      // "transfer 5000 to verify my account", "deposit to unfreeze the loan": no lender asks for money to verify.
      /\b(transfer|wire|send|move|deposit)\b.{0,40}\b(to|so|before) (i can |they can |we can )?(verify|unlock|unfreeze|activate|release)\b/,
      /\b(claiming|pretending|says|said) (to be )?(from )?(the |my )?(bank|lender|police|support|platform).{0,40}\b(otp|verification code|one time (pass)?code|pin|password)/,
      /\b(account|card|loan) (is |was |has been |got )?(frozen|locked|suspended|abnormal).{0,60}\b(transfer|send|wire|deposit|unlock|unfreeze)/,
      // "my account is flagged, move your savings to protect them": no bank moves money to keep it safe.
      /\b(account|card) (is |was |has been |got )?(flagged|compromised|hacked|at risk).{0,60}\b(move|transfer|send|wire)\b/,
      /\b(claim(ed|ing|s)?|pretend(ed|ing|s)?) to be from (the |my )?(lender|bank|platform|app|support)\b.{0,80}\b(send|transfer|wire|borrow)\b/,
      /\b(move|transfer|shift) (all )?(my |your |the )?(savings|money|funds|deposits?)\b.{0,30}\b(protect|safe|secure)/,
      // "Take a loan on another app and send it to us to verify / clear your record": the fake-service script.
      /\b(take|taking|took|get|getting) (out )?(a |another )?loans? (on|from|in|with) (another|other|a different|some other) (app|platform|lender)s?\b.{0,60}\b(send|transfer|give|pass)/,
    ],
  },
  credit_repair_scam: {
    zh: [
      /征信(修复|洗白|清洗|优化|铲单|漂白)/,
      /(修复|洗白|清洗|优化|漂白|铲)(个人)?(征信|信用|逾期|记录)/,
      /洗白/,
      /铲单/,
      /(删|消|抹|去|清)(除|掉).{0,4}(逾期|不良|征信|晚还|黑名单)/,
      /删(逾期|不良|征信)/,
      /(花钱|付费|收费|交钱|给钱|付钱).{0,8}(删|消除|去掉|修复|抹掉).{0,6}(记录|征信|逾期)/,
      // 付钱就能把征信的不良记录删掉: the record named before the verb (把 … 删掉).
      /(花钱|付费|收费|交钱|给钱|付钱).{0,12}(记录|征信|逾期|不良).{0,4}(删掉|删除|消除|抹掉|去掉|消掉)/,
      /(记录|征信|逾期|不良).{0,4}(删掉|删除|消除|抹掉|去掉|消掉).{0,10}(花钱|付费|收费|交钱|给钱|付钱|多少钱)/,
      /(删|消除|去掉|修复|抹掉).{0,6}(记录|征信|逾期).{0,8}(花钱|付费|收费|交钱|给钱|多少钱)/,
      /(花钱|付费|收费|交钱|给钱|付钱).{0,10}(提升|提高|增加|刷高?)(信用分|征信|信用)/,
      /帮(我|你)?.{0,4}(删|消|抹|清|洗)(除|掉)?.{0,4}(记录|征信|逾期)/,
      /(认识|有关系|内部).{0,10}征信中心/,
      // A promised time (七日内改善信贷评级): no one can make a true record better on a deadline.
      /(几天|几日|\d+天|马上|快速|立即|立刻)内?(改善|提升|提高|修复|恢复|清除|消除)(个人)?(征信|信用)/,
      /(提升|提高|增加|刷高?)(信用分|征信|信用).{0,10}(花钱|付费|收费|交钱|给钱|付钱|多少钱)/,
    ],
    en: [
      /\bcredit (repair|fix|fixing|clean ?up|cleaning|wash|scrub)/,
      /\b(score|rating) (fix|fixing|fixer|repair|repairing|clean ?up|boost|boosting|booster)s?\b/,
      /\b(repair|fix|clean|wash|scrub|wipe|erase|clear) (up )?(my |your )?(credit|record|report)/,
      /\b(remove|delete|erase|wipe|clear) (my |the |a |an |all )?(late|overdue|negative|bad|default)? ?(record|mark|entr|payment|histor)/,
      /\b(boost|raise|increase|improve|pump) (up )?(my |your )?credit (score|rating|record).{0,40}\b(fee|pay|paid|money|charge|price|cost)/,
      /\b(fee|pay|paid|money|charge)\b.{0,40}\b(boost|raise|increase|pump) (up )?(my |your )?credit (score|rating)/,
    ],
  },
  cash_out_risk: {
    zh: [
      /套现/,
      /代还/,
      // 养卡 services cash a card out to keep it "alive"; 以卡养卡 (one card paying another) is juggling debts.
      /(?<!以卡)养卡/,
      /(刷|pos).{0,4}(套|取)(现|钱)/,
      // A shop that lets one swipe the card and hands the cash back (碌卡, 佢畀返现金我).
      /刷卡.{0,10}(给|返)(回|返)?现金/,
      // A merchant who "swipes out" a credit line for a cut (找商家刷出来, 扣几个点).
      /刷出(来|现金|钱)/,
      /以贷养贷.{0,4}(中介|服务)/,
      /垫还/,
      /(空刷|虚假交易|假消费|假签账|假签帐|假刷卡|假交易)/,
      /刷.{0,6}换(现金|钱)/,
    ],
    en: [
      /\bcash(ing)? ?out/,
      /\b(pay|repay)(ing)? (it |my (debt|loan|card|bill) )?(off )?(on (my|your) behalf|for me for a fee)/,
      // The shop pays the card, you swipe it back to them with a fee: 代还 under another name.
      /\bswip(e|ing) (it|the money|them|that) back\b/,
      /\b(card|credit) cycling/,
      // A service that pays the debt off now and is repaid later: 代还.
      /\b(pays?|clears?|paying|clearing) (off )?(my|your|the) (debts?|loans?|cards?|bills?)\b.{0,20}\b(i|you) (repay|pay) (them|it|him|her)( back)?\b/,
      // Someone paid to clear the loan so it can be borrowed again: 代还 in English.
      /\bthird party\b.{0,40}\b(clear|pay|repay)s?\b/,
      /\b(clear|pay|repay)s?\b.{0,40}\b(then )?re ?borrow/,
      /\bswip(e|es|ed|ing) (my |your |the |a |their )?(credit )?cards?\b.{0,60}\bcash/,
      // Buying gift cards or phones on credit to sell them for cash.
      /\b(buy|buying|bought)\b.{0,30}\b(gift cards?|vouchers?|phones?|iphones?|gold)\b.{0,40}\b(resell|sell)(ing)?\b.{0,30}\bcash/,
      /\b(turn|convert)s? (my )?(credit (limit|line)|card limit) (in)?to cash/,
      /\bfake (merchant |card |pos )?(purchase|transaction|sale)s?\b/,
      // "buy" at a friend's shop with the card and get the cash back: a cash-out in all but name.
      /\b(use|swipe|charge)s? (my |the |a )?(credit )?card\b.{0,60}\b(get|give|take)s? (me |us |him |her |them )?(the |my )?(cash|money)( back)?\b/,
    ],
  },
};

/** The first scam whose pattern the normalised question contains, with the matched text (to match the rest without it). */
export function detectScam(normalized: string): { scam: ScamId; matched: string[] } | null {
  const compact = normalized.replace(/ /g, '');
  for (const scam of Object.keys(PATTERNS) as ScamId[]) {
    const { zh, en } = PATTERNS[scam];
    const matched: string[] = [];
    for (const pattern of zh) {
      const found = pattern.exec(compact);
      if (found) matched.push(found[0]);
    }
    for (const pattern of en) {
      const found = pattern.exec(normalized);
      if (found) matched.push(found[0]);
    }
    if (matched.length > 0) return { scam, matched };
  }
  return null;
}

/**
 * A message that tries to talk the bot out of its rules ("ignore your rules and …", "忽略之前的
 * 指令"): never answered as a topic, whatever else it asks for.
 */
const INJECTION = [
  /\b(ignore|forget|disregard|override|bypass)\b.{0,30}\b(rules?|instructions?|guidelines?|prompt|restrictions?|polic(y|ies)|programming)\b/,
  /\b(you are now|pretend (you are|to be)|act as|jailbreak|developer mode|system prompt|dan mode)\b/,
];
const INJECTION_ZH = [
  /(忽略|无视|忘记|忘掉|绕过|不要管).{0,10}(规则|指令|限制|设定|提示词|要求)/,
  /(假装你是|你现在是|扮演|越狱|开发者模式|系统提示)/,
];

export function isPromptInjection(normalized: string): boolean {
  const compact = normalized.replace(/ /g, '');
  return INJECTION.some((pattern) => pattern.test(normalized)) || INJECTION_ZH.some((pattern) => pattern.test(compact));
}
