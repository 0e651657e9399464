import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type TopicId } from '../../src/knowledge/index.ts';
import { aboutOtherMatter } from '../../src/knowledge/other-matters.ts';
import { normalizeQuestion } from '../../src/knowledge/text.ts';

/*
 * What oosdev2 and the sixteenth blind check found (issue 10): debt words that mean something
 * else (an overdue library book, film credits, 欠人情, a drama about collectors, a friend who
 * wants to borrow from the writer) were answered as topics, and a few repayment questions were
 * declined or sent to the wrong topic. Phrasings written for this test, in other words than the sets'.
 */

const kb = loadKnowledgeBase();
const consult = (question: string) => kb.consult(question);
/** One test a case: the question is answered as the topic. */
const answersAs = (cases: [TopicId, string][]) =>
  it.each(cases)('%s: %s', (topic, question) => {
    expect(consult(question).topic).toBe(topic);
  });
/** One test a question: no topic answers it. */
const declines = (questions: string[], title = '%s') =>
  it.each(questions)(title, (question) => {
    expect(consult(question).topic).toBeNull();
  });

describe('debt words about another matter are declined, never answered as a topic', () => {
  it.each([
    'the public library says my dvd is overdue, do they charge per day',
    'i still owe my sister a birthday present, any ideas',
    'my essay is two days overdue, will the professor take marks off',
    'who composed the music in the end credits of that spy movie',
    'my neighbour asked to borrow 500 from me, should I lend it to him',
    'is bad karma a debt you carry into the next life',
    'my airline owes me compensation for a cancelled flight',
    'the landlord wants to raise the rent by 8 percent, can he',
    'my employer owes me two months of overtime pay',
    'the courier is three days late with my parcel',
    'what is the past tense of owe',
    '借了图书馆的书过期了三天，要交罚款吗',
    '老同学找我借两万块，我要不要借给他',
    '欠了朋友一个人情，送什么礼物好',
    '最近有部讲催收公司的港剧好看吗',
    '老板拖欠工资三个月，劳动仲裁怎么申请',
    '論文逾期交了，教授會扣分嗎',
    '这个成语“寅吃卯粮”出自哪里',
  ])('%s', (question) => {
    const answer = consult(question);
    expect(answer.topic).toBeNull();
    expect(answer.outOfScope).toBe(true);
  });
});

describe('the writer’s own borrowing beside another matter is still answered', () => {
  answersAs([
    ['cannot_pay', 'my employer has not paid me for two months and I cannot make my loan repayments'],
    ['deferral', '公司欠薪了，这个月的房贷能不能推迟几天再还'],
    ['multiple_debts', '找我借钱的朋友一直没还，我自己信用卡和网贷也还不上了，先还哪个'],
  ]);

  it('names its own debt in words nothing else uses', () => {
    expect(aboutOtherMatter(normalizeQuestion('my library fine is overdue'))).toBe(true);
    expect(aboutOtherMatter(normalizeQuestion('my library fine and my loan repayment are both overdue'))).toBe(false);
    // A loan shark in a film is no loan of the writer's; 高利贷 in a drama is none either.
    expect(aboutOtherMatter(normalizeQuestion('any good movie about a loan shark'))).toBe(true);
    expect(aboutOtherMatter(normalizeQuestion('有没有讲高利贷的电影'))).toBe(true);
  });
});

describe('repayment questions the sixteenth blind check found declined or misread', () => {
  answersAs([
    // Paying one's own card at a branch or in cash is how to repay, though branches and cash are errand words.
    ['how_to_repay', 'could i pay off my visa card over the counter at a branch'],
    ['how_to_repay', 'can i repay my loan with cash at the post office'],
    ['how_to_repay', '信用卡可以去銀行臨櫃還嗎'],
    // Figures of an installment paid in part.
    ['partial_payment', 'what if i pay 300 of the 500 this month'],
    // Three lenders at once.
    ['multiple_debts', 'i owe amex citi and affirm and have no idea which to handle'],
  ]);

  it.each([
    'they want me to move my savings into a supervised account so the loan can be released',
    '自称是银行职员的人要我把OTP发给他，说可以帮我降息',
    '说是支付宝客服的人让我下载一个软件共享屏幕',
  ])('the fake-service warning: %s', (question) => {
    const answer = consult(question);
    expect(answer.scam).toBe('fake_service_scam');
    expect(answer.topic).toBe('fake_service_scam');
  });
});

describe('what the seventeenth blind check found', () => {
  answersAs([
    // The law on what a lender may charge is ours, however like a rate errand it reads.
    ['rate_limits', '香港法律規定借款利率最高係幾多'],
    // Paying at a bank's counter, with no card bound.
    ['how_to_repay', '没绑卡，能直接去银行柜台还吗'],
    // A plan in more installments, asked with figures.
    ['restructuring', '每个月只还得起五百，能不能跟平台谈分成36期'],
    // A card brand is a debt word.
    ['overdue_consequences', 'been ignoring my amex for 45 days now what comes next'],
    // Moving an installment to payday is a deferral, though it reads like paying part.
    ['deferral', "i get paid on the 20th, can i move this month's installment to then"],
    // Told one is overdue after paying: a record to dispute, not a proof to ask for.
    ['dispute_record', "the bank says i'm behind but i paid it in full last month. what do i do"],
    ['penalty_interest', 'my balance went up by 30 after paying 2 days late, what formula do they use'],
  ]);

  declines(
    [
      'why was the Bank of Amsterdam famous in the 17th century',
      'how do i move my diploma credits to a university abroad',
      '违停罚单逾期没交会怎样',
      'how do i appeal a parking ticket',
    ],
    'declined: %s',
  );
});

describe('what the third out-of-scope set found: other worlds, things lent, the writer’s customers', () => {
  declines([
    // A game's or a story's loans are that world's, even named as a loan or a mortgage.
    'fastest way to clear my home loan to tom nook in animal crossing',
    'in monopoly what happens when you mortgage all your streets',
    '我在写剧本，主角欠了高利贷，催收的台词怎么写',
    '动森里的房贷要不要急着还',
    // Savings yields and transit cards.
    '零钱通的七日年化现在多少',
    '八達通可唔可以綁信用卡自動增值',
    // Things borrowed, not money.
    'my flatmate keeps borrowing my charger and never returns it',
    '跟同事借把伞会不会不好意思',
    // Customers and tenants who owe the writer; a business's books.
    'a customer has not paid my invoice for 45 days, how do I chase it',
    '租客拖了三个月房租，我做房东怎么办',
    // Sport, a birth's due date, a late train.
    'was that really a penalty kick, the referee was blind',
    '預產期快到了，待產包要準備什麼',
    'my train was an hour late, how do i claim delay repay',
  ]);

  answersAs([
    // A debit from a savings balance is still the writer's repayment.
    ['autodebit_failed', '白条没扣款成功，零钱通里明明有钱'],
  ]);
});

describe('what the eighteenth blind check found', () => {
  answersAs([
    ['credit_report_impact', 'would my experian get affected if one emi bounced and i paid it next morning'],
    ['how_to_repay', 'where can i pay my home credit loan in cash'],
    ['credit_repair_scam', 'are score fixing companies worth it or a rip off'],
    ['fake_service_scam', 'they called claiming to be from Home Credit and asked for my OTP to reverse a charge'],
    ['cash_out_risk', 'an agent offers to pay my loan off each month so i can reborrow it, for a 2% cut'],
    ['partial_payment', 'can i split this month’s installment into two payments, half now and half on payday'],
    ['multiple_debts', 'owing on klarna, afterpay, zip and a credit card, how should i prioritise them'],
    ['complaint_channels', 'is there a financial ombudsman for disputes with my lender'],
    ['cash_out_risk', '有人说白条可以找商家刷出来，收6个点手续费，靠谱吗'],
    ['how_to_repay', '不开自动扣款的话，怎么自己还款'],
    ['check_credit_report', '想申請車貸之前先查一下自己的信用，要去哪裡查'],
    // The writer's own payday beside a grace question stays ours; a complaints site's name is no pet.
    ['grace_period', '出糧係十號，張卡八號到期，有冇寬限期'],
    ['complaint_channels', '黑猫投诉对网贷平台有没有用'],
  ]);

  declines(
    [
      'in my mmorpg i owe the guild bank 3000 gold, how do i earn it fast',
      'the college lets me pay tuition in installments or upfront with a 4% discount, which should i choose',
      '健身房年費可以分期也可以一次繳有折扣，選哪個好',
      '老細拖咗出糧成個月，我可以去邊度投訴',
      '房東唔肯退押金點算',
      'my puppy ate the electricity bill, how do i stop him chewing paper',
    ],
    'declined: %s',
  );
});

describe('a borrower whose job or life names another matter is still answered', () => {
  answersAs([
    ['cannot_pay', 'lost my job as a delivery driver and cant pay my bills, what now'],
    ['cannot_pay', "i'm a football coach and got laid off, what do i do about my debts"],
    ['cannot_pay', "I work at a library and my hours got cut, I can't keep up with my payments"],
    ['collection_rules', "I'm a teacher, collectors keep calling my school, is that allowed"],
    ['collection_rules', 'the debt collector showed up at my hotel job, is that legal'],
    ['collection_rules', '催收打电话到我们学校找老师，合法吗'],
  ]);

  declines(
    ['that k-drama where the collectors chase the hero, what episode is the rooftop scene', '个客欠我们货款半年，催收信点写'],
    'declined: %s',
  );
});

describe('what the fourth out-of-scope set found: courts, fees and penalties of other kinds', () => {
  declines([
    'the other driver is suing me after a car accident, does my insurance pay for the lawyer',
    'i got a jury summons for next month, can i get out of it',
    'how much does a divorce lawyer cost in texas',
    'our gym wont let me cancel the membership, can i take them to small claims',
    'the daycare charges a late pickup fee, is that allowed',
    'whats the penalty for a high tackle in rugby',
    'my cousin works as a debt collector, what gift would cheer her up',
    'write me some slogans for our loan company ad campaign',
    '停车扫码付了钱还被贴条，能申诉吗',
    '楼下邻居半夜装修太吵，我能起诉他吗',
    '同学借了我的相机一个月没还，怎么开口',
    '王者荣耀信用分低了有什么影响',
    '以前那个年代的地下钱庄利息一般多高',
  ]);

  answersAs([
    // A collector telling the neighbours is the collector's conduct; a loan's advertised rate is its real rate's question.
    ['collection_rules', 'the collection agency told my neighbour that i owe them, is that allowed'],
    ['collection_rules', '催收跑去跟我邻居说我欠钱不还，这样合法吗'],
    ['true_apr', '广告上写月息0.5%，实际年化到底多少'],
    // A shop that closed is hardship; a 10k card balance is no company filing.
    ['cannot_pay', '我开的店关门了，没有收入，欠的网贷怎么办'],
    ['minimum_payment', 'paying only the minimum on a 10k card, how many years will it take'],
    // Someone who borrowed the writer's identity to take a loan is a record to dispute.
    ['dispute_record', '朋友借了我的身份证去贷款，现在说我逾期，这个不是我借的'],
  ]);
});

describe('what the nineteenth blind check found', () => {
  answersAs([
    ['early_repayment', 'foreclosure charges on my bajaj personal loan, how much'],
    ['cash_out_risk', 'there is a shop that swipes your card and gives you 90% in cash, what could go wrong'],
    ['cash_out_risk', 'using my paylater to buy gift cards and resell them for cash, is that allowed'],
    ['check_credit_report', 'how do i get my crb report online'],
    ['multiple_debts', 'card at 30%, personal loan at 12%, which one should i attack first'],
    ['complaint_channels', 'where do i report a loan app'],
    ['repayment_methods', '为啥我一笔贷款每个月还的越来越少，另一笔每个月都一样'],
    ['partial_payment', '今個月要還$5,000，我得$3,000，先還住呢啲得唔得'],
    ['settlement_proof', '債務協商的錢都還清了，要拿什麼證明給銀行'],
    ['restructuring', 'iva同drp有咩分别'],
  ]);

  declines(
    [
      'is 5% staking interest on my crypto paid daily',
      '币圈质押年化10%靠谱吗',
      'can you summarise this news article about phone late fees',
      '《人世间》里那个放高利贷的是谁演的',
    ],
    'declined: %s',
  );
});

describe('what the mixed set found: a film, a game or a job beside the writer’s own debt is only context', () => {
  answersAs([
    ['lawsuit', 'saw a movie where someone was jailed for card debt, i owe about 4000 and stopped paying, could that happen to me'],
    ['deferral', 'i work in film and have no shoot for two months, can i delay my next two loan payments'],
    ['deferral', 'my landlord raised the rent, could i push this month’s installment back two weeks'],
    ['penalty_interest', 'i’m a delivery rider, my phone died so i paid my card 3 days late, how is the late fee worked out'],
    ['check_credit_report', 'applying for a job at a bank, i want to check my own credit report first, how'],
    ['lawsuit', '看电视剧里有人欠网贷被抓了，我欠了五万多半年没还，会坐牢吗'],
    ['penalty_waiver', '我在游戏公司上班，公司拖了工资我才逾期的，罚息能减免吗'],
    ['complaint_channels', '在电影院的时候催收打电话来骂我，银行不管，还能去哪投诉'],
    ['settlement_proof', '我在会计师事务所上班，新公司要背调，卡已经还清了，怎么开结清证明'],
    ['repayment_methods', '我是快递员，第一次买房，等额本息和等额本金哪个利息少'],
    ['fake_service_scam', '收到短信说还款失败，让我点链接登录验证，是骗人的吗'],
  ]);

  it.each(['我表姐在催收公司上班，天天被人骂，我该怎么安慰她', '网贷公司招催收员，我在考虑要不要去应聘'])('declined: %s', (question) => {
    expect(consult(question).topic).toBeNull();
  });
});

/*
 * What the twentieth blind check found (session 14): a generic word of another matter (做法,
 * 作业, 高铁) declined real questions; a phone plan's credit, a seed library and a charity's
 * microloans were answered; numbers written 3,000 missed the part-payment cue; an intent cue lost
 * to the blend when unsure. Phrasings written for this test, in other words than the set's.
 */
describe('session 14: other matters named precisely, own debts kept', () => {
  answersAs([
    ['collection_rules', '催收把我手机里的联系人挨个打电话，这种做法合法吗'],
    ['lawsuit', '网贷起诉我之后，我会变成失信被执行人、不能坐高铁吗'],
    ['settlement_proof', '那次晚还款是银行系统作业失误导致的，能帮我出具证明吗'],
    ['partial_payment', 'if i pay 2,500 out of 4,000 this month is it still late'],
    ['cannot_pay', 'our restaurant closed down last week and we have no income, help'],
    ['autodebit_failed', 'the debit order for my loan was returned even though the money was there'],
    ['check_credit_report', 'how can i find out what the credit bureaus have on me'],
    ['penalty_waiver', '我把本金一次性结清，逾期的罚款能不能免掉'],
    ['overdue_consequences', '逾期一期，银行会不会要求我把剩余的欠款一次性还清'],
    ['cash_out_risk', '商店老板说我刷卡买东西，他直接返现金给我，有风险吗'],
  ]);
  declines([
    'how do i top up my prepaid phone credit',
    '手机话费套餐的流量用不完怎么办',
    '在种子图书馆借的种子，秋天要怎么还回去',
    '我们慈善机构给贫困农民放小额贷款，年报应该怎么写',
  ]);
});
