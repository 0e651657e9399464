// Allowed: cli → domain.
import '../domain/money.ts';
