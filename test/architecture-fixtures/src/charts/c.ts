// Allowed: charts → domain. Forbidden: charts → db.
import '../domain/money.ts';
import '../db/repo.ts';
