// Allowed: config → zod, node-cron, domain. Forbidden: config → node:fs.
import 'zod';
import 'node-cron';
import './domain/money.ts';
import 'node:fs';
