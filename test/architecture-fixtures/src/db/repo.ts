// Allowed: db → drizzle-orm, node:path, domain. Forbidden: db → services.
import 'drizzle-orm';
import 'node:path';
import '../domain/money.ts';
import '../services/y.ts';
