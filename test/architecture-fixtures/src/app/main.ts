// Allowed: the composition root → anything in src/ and commands/. Forbidden: app → telegraf.
import '../../commands/index.ts';
import '../db/repo.ts';
import '../transports/tg.ts';
import '../reminders/z.ts';
import 'telegraf';
