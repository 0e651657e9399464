// Forbidden: domain → a node built-in that does I/O.
import { readFileSync } from 'node:fs';

export const readClock = (): string => readFileSync('/dev/null', 'utf8');
