/** The 26 topics of issue 10, in the order: the ids of locales/knowledge/<lang>/<id>.md. */
export const TOPIC_IDS = [
  'penalty_interest',
  'credit_report_impact',
  'grace_period',
  'overdue_consequences',
  'collection_rules',
  'lawsuit',
  'penalty_waiver',
  'deferral',
  'restructuring',
  'early_repayment',
  'true_apr',
  'rate_limits',
  'repayment_methods',
  'autodebit_failed',
  'how_to_repay',
  'credit_repair_scam',
  'fake_service_scam',
  'cash_out_risk',
  'dispute_record',
  'check_credit_report',
  'minimum_payment',
  'partial_payment',
  'cannot_pay',
  'multiple_debts',
  'complaint_channels',
  'settlement_proof',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

/** The scams the guard warns about; each is also a topic, whose answer is the warning. */
export const SCAM_IDS = ['credit_repair_scam', 'fake_service_scam', 'cash_out_risk'] as const;
export type ScamId = (typeof SCAM_IDS)[number];

export function isScamId(value: string): value is ScamId {
  return (SCAM_IDS as readonly string[]).includes(value);
}
