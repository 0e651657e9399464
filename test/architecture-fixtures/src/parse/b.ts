// Forbidden: a cycle b → a → b.
import './a.ts';
