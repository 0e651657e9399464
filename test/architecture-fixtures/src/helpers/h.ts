// Forbidden: a folder that is in no layer.
import '../domain/money.ts';
