// Allowed: reminders → domain, core. Forbidden: reminders → transports.
import '../domain/money.ts';
import '../core/types.ts';
import '../transports/tg.ts';
