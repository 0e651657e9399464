import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.ts';

/*
 * The part of an export document (docs/export-format.md, version 1) that /import reads: the
 * user's settings and their loans with installments, payments and penalty entries. Requests,
 * promises and the audit trail are read as "some array" only: they are not restored (a request
 * was decided by this bot's operators, a promise was to a lender at a time that has passed, and
 * the history belongs to the instance that wrote it). Unknown fields are allowed: a later export
 * of the same version may add fields.
 */

/** A stored amount: two decimals, never negative, never exponent notation ("1e4" is refused). */
const money = z.string().regex(/^\d{1,15}\.\d{2}$/, 'an amount with two decimals');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const instant = z.string().min(1).max(40);
const rowId = z.number().int().positive();

const installmentSchema = z.object({
  id: rowId,
  n: z.number().int().positive(),
  dueDate: date,
  principal: money,
  interest: money,
  fee: money,
  payment: money,
  paid: money,
  penaltyOpen: money,
});

const paymentSchema = z.object({
  id: rowId,
  amount: money.refine((text) => !/^0+\.00$/.test(text), 'a payment of more than 0'),
  paidOn: date,
  source: z.enum(['user', 'registration']),
  createdAt: instant,
});

const penaltyEntrySchema = z.object({
  id: rowId,
  n: z.number().int().positive(),
  kind: z.enum(['charged', 'waived', 'carried']),
  amount: money.nullable(),
  on: date,
  source: z.string().max(20),
  createdAt: instant,
});

export const importLoanSchema = z.object({
  id: rowId,
  name: z.string().min(1).max(200),
  principal: money,
  method: z.string().max(40),
  ratePercent: z.string().regex(/^\d{1,6}(\.\d{1,12})?$/),
  rateUnit: z.string().max(20),
  periods: z.number().int().positive().max(1200),
  firstDue: date,
  dueDay: z.number().int().min(1).max(31).nullable(),
  startDate: date.nullable(),
  dayBasis: z.number().int(),
  upfrontFee: money,
  oneTimeFee: money,
  lenderKind: z.string().max(20),
  policyPreset: z.string().max(40),
  policyOverrides: z.record(z.string(), z.unknown()),
  prepaymentRule: z.record(z.string(), z.unknown()).nullable(),
  remindersPaused: z.boolean(),
  allocationOrder: z.string().max(100),
  lenderTimeZone: z.string().max(64).nullable(),
  settledOn: date.nullable(),
  rescheduledOn: date.nullable(),
  createdAt: instant,
  installments: z.array(installmentSchema).min(1).max(1200),
  payments: z.array(paymentSchema).max(5000),
  penaltyEntries: z.array(penaltyEntrySchema).max(5000),
});

const timeOfDay = z.string().regex(/^\d{2}:\d{2}$/);

export const importUserSchema = z.object({
  // A language tag as /language stores it; one this bot does not speak falls back like Telegram's (localeOf).
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .nullable(),
  timeZone: z.string().min(1).max(64),
  reminderTime: timeOfDay,
  daysBefore: z.array(z.number().int().min(0).max(60)).max(20),
  overdueDays: z.array(z.number().int().min(0).max(400)).max(20),
  overdueWeekly: z.boolean(),
  overdueStopAfterDays: z.number().int().min(0).max(3650).nullable(),
  quietStart: timeOfDay,
  quietEnd: timeOfDay,
  remindersPaused: z.boolean(),
});

/** The envelope alone, read first: another file, or a newer version, is named as such. */
export const envelopeSchema = z.object({ format: z.string(), version: z.number().int() });

export const importDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instant,
  user: importUserSchema,
  loans: z.array(importLoanSchema).max(500),
  requests: z.array(z.unknown()).optional(),
  promises: z.array(z.unknown()).optional(),
  audit: z.array(z.unknown()).optional(),
});

export type ImportDocument = z.infer<typeof importDocumentSchema>;
export type ImportLoan = z.infer<typeof importLoanSchema>;
