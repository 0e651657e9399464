// Allowed: knowledge → node:fs, i18n. Forbidden: knowledge → db.
import 'node:fs';
import '../i18n/t.ts';
import '../db/repo.ts';
