// Allowed: i18n → node:fs, domain. Forbidden: i18n → services.
import 'node:fs';
import '../domain/money.ts';
import '../services/y.ts';
