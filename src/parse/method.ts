import type { RepaymentMethod } from '../domain/schedule.ts';
import { isTooLong, normalizeText } from './result.ts';

/**
 * Names of each method, matched after lower-casing and removing spaces, hyphens and
 * underscores. Plain "分期" is deliberately absent: Chinese uses it for any installment loan,
 * including 等额本息 ones.
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
    '等額本息',
    '等额本息还款',
    '等額本息還款',
  ],
  'equal-principal': [
    'equalprincipal',
    'equalprincipalpayments',
    'equalprincipalrepayment',
    'equalprincipalrepayments',
    '等额本金',
    '等額本金',
    '等额本金还款',
    '等額本金還款',
  ],
  'interest-first': [
    'interestfirst',
    'interestonly',
    'balloon',
    'interestonlyballoon',
    'interestfirstballoon',
    '先息后本',
    '先息後本',
    '按月付息到期还本',
    '按月付息到期還本',
    '按月付息',
    '付息到期还本',
    '付息到期還本',
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
    '分期手續費',
    '手续费',
    '手續費',
    '手续费分期',
    '手續費分期',
  ],
  flat: ['flat', 'flatrate', 'flatinterest', '等本等息', '月息制'],
  bullet: [
    'bullet',
    'lumpsum',
    'repayatmaturity',
    'singlepayment',
    'principalandinterestatmaturity',
    '到期还本付息',
    '到期還本付息',
    '一次性还本付息',
    '一次性還本付息',
    '到期一次还本付息',
    '到期一次還本付息',
  ],
  bnpl: ['bnpl', 'buynowpaylater', 'paylater', 'payinfull', '先享后付', '先享後付', '先用后付', '先用後付'],
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
  return BY_NAME.get(squash(normalizeText(text))) ?? null;
}

const sep = '[\\s\\-_]*';
const words = (...ws: string[]): string => ws.join(sep);

/**
 * Method keywords inside a longer line. Stricter than parseMethod: a bare "fee" or "手续费" in a
 * loan line is usually a fee RATE's label or part of a name, so only unmistakable phrases count.
 */
export const METHOD_IN_TEXT: ReadonlyArray<[RegExp, RepaymentMethod]> = [
  [
    new RegExp(
      `等额本息|等額本息|(?<![a-z])(?:annuity|${words('equal', '(?:monthly', ')?instal+ments?')}|${words('equal', '(?:monthly', ')?payments')}|emi)(?![a-z])`,
      'gi',
    ),
    'annuity',
  ],
  [new RegExp(`等额本金|等額本金|(?<![a-z])${words('equal', 'principal')}(?![a-z])`, 'gi'), 'equal-principal'],
  [
    new RegExp(
      `先息后本|先息後本|按月付息[,\\s]*到期还本|按月付息[,\\s]*到期還本|(?<![a-z])(?:${words('interest', '(?:first|only)')}|balloon)(?![a-z])`,
      'gi',
    ),
    'interest-first',
  ],
  // Not when a rate follows (分期手续费率0.6%, 分期手续费 0.6%): that is the rate's label.
  [
    new RegExp(
      `(?:分期手续费|分期手續費)(?!率|\\s*:?\\s*[-+]?[\\d万萬千百])|手续费分期|手續費分期|(?<![a-z])(?:${words('fee', 'instal+ments?')}|${words('instal+ment', 'plan')})(?![a-z])`,
      'gi',
    ),
    'fee',
  ],
  [new RegExp(`等本等息|(?<![a-z])${words('flat', '(?:rate|interest)')}(?![a-z])`, 'gi'), 'flat'],
  [
    new RegExp(
      `(?:到期一次|到期|一次性)(?:还本付息|還本付息)|(?<![a-z])(?:bullet|${words('lump', 'sum')}|${words('repay', 'at', 'maturity')})(?![a-z])`,
      'gi',
    ),
    'bullet',
  ],
  [
    new RegExp(
      `先享后付|先享後付|先用后付|先用後付|(?<![a-z])(?:bnpl|${words('buy', 'now', 'pay', 'later')}|${words('pay', 'later')})(?![a-z])`,
      'gi',
    ),
    'bnpl',
  ],
];
