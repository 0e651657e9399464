// Forbidden: a cycle a → b → a.
import './b.ts';
import '../domain/money.ts';
