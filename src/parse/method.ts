import type { RepaymentMethod } from '../domain/schedule.ts';
import { isTooLong, normalizeForMatching } from './result.ts';

/**
 * Names of each method, matched after lower-casing, folding traditional characters to simplified
 * (等額本金 reads as 等额本金) and removing spaces, hyphens and underscores. Plain "分期" is
 * deliberately absent: Chinese uses it for any installment loan, including 等额本息 ones.
 */
const NAMES: Record<RepaymentMethod, readonly string[]> = {
  annuity: [
    'annuity',
    'equalinstallment',
    'equalinstallments',
    'equalinstalment',
    'equalinstalments',
    'equalmonthlyinstallments',
    'equalmonthlyinstalments',
    'equalpayments',
    'equalmonthlypayments',
    'emi',
    'amortizing',
    'amortising',
    '等额本息',
    '等额本息还款',
  ],
  'equal-principal': [
    'equalprincipal',
    'equalprincipalpayments',
    'equalprincipalrepayment',
    'equalprincipalrepayments',
    '等额本金',
    '等额本金还款',
  ],
  'interest-first': [
    'interestfirst',
    'interestonly',
    'balloon',
    'interestonlyballoon',
    'interestfirstballoon',
    '先息后本',
    '按月付息到期还本',
    '按月付息',
    '付息到期还本',
  ],
  fee: [
    'fee',
    'fees',
    'feeinstallment',
    'feeinstallments',
    'feeinstalment',
    'feeinstalments',
    'feeplan',
    'installmentplan',
    'instalmentplan',
    '分期手续费',
    '手续费',
    '手续费分期',
  ],
  flat: ['flat', 'flatrate', 'flatinterest', '等本等息', '月息制'],
  bullet: [
    'bullet',
    'lumpsum',
    'repayatmaturity',
    'singlepayment',
    'principalandinterestatmaturity',
    '到期还本付息',
    '一次性还本付息',
    '到期一次还本付息',
  ],
  bnpl: ['bnpl', 'buynowpaylater', 'paylater', 'payinfull', '先享后付', '先用后付'],
};

const BY_NAME = new Map<string, RepaymentMethod>();
for (const [method, names] of Object.entries(NAMES) as [RepaymentMethod, readonly string[]][]) {
  for (const name of names) BY_NAME.set(name, method);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\-_]+/g, '');
}

/** The method named by the whole text ("annuity", "等額本金", "interest-only", "分期手续费"), or null. */
export function parseMethod(text: string): RepaymentMethod | null {
  if (isTooLong(text)) return null;
  return BY_NAME.get(squash(normalizeForMatching(text))) ?? null;
}

const sep = '[\\s\\-_]*';
const words = (...ws: string[]): string => ws.join(sep);

/**
 * Method keywords inside a longer line. Stricter than parseMethod: a bare "fee" or "手续费" in a
 * loan line is usually a fee RATE's label or part of a name, so only unmistakable phrases count.
 * They run on folded text (see foldToSimplified), so the Chinese is written in simplified only.
 */
export const METHOD_IN_TEXT: ReadonlyArray<[RegExp, RepaymentMethod]> = [
  [
    new RegExp(
      `等额本息|(?<![a-z])(?:annuity|${words('equal', '(?:monthly', ')?instal+ments?')}|${words('equal', '(?:monthly', ')?payments')}|emi)(?![a-z])`,
      'gi',
    ),
    'annuity',
  ],
  [new RegExp(`等额本金|(?<![a-z])${words('equal', 'principal')}(?![a-z])`, 'gi'), 'equal-principal'],
  [
    new RegExp(`先息后本|按月付息[,\\s]*到期还本|(?<![a-z])(?:${words('interest', '(?:first|only)')}|balloon)(?![a-z])`, 'gi'),
    'interest-first',
  ],
  // Not when a rate follows (分期手续费率0.6%, 分期手续费 0.6%): that is the rate's label.
  [
    new RegExp(
      `分期手续费(?!率|\\s*:?\\s*[-+]?[\\d万千百])|手续费分期|(?<![a-z])(?:${words('fee', 'instal+ments?')}|${words('instal+ment', 'plan')})(?![a-z])`,
      'gi',
    ),
    'fee',
  ],
  [new RegExp(`等本等息|(?<![a-z])${words('flat', '(?:rate|interest)')}(?![a-z])`, 'gi'), 'flat'],
  [
    new RegExp(
      `(?:到期一次|到期|一次性)还本付息|(?<![a-z])(?:bullet|${words('lump', 'sum')}|${words('repay', 'at', 'maturity')})(?![a-z])`,
      'gi',
    ),
    'bullet',
  ],
  [
    new RegExp(`先享后付|先用后付|(?<![a-z])(?:bnpl|${words('buy', 'now', 'pay', 'later')}|${words('pay', 'later')})(?![a-z])`, 'gi'),
    'bnpl',
  ],
];
