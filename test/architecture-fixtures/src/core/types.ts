// Allowed: core → domain.
import '../domain/money.ts';
