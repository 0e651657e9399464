// Allowed: services → domain. Forbidden: services → reminders.
import '../domain/money.ts';
import '../reminders/z.ts';
