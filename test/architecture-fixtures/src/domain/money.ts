// Allowed: domain → decimal.js.
import { Decimal } from 'decimal.js';

export const zero = new Decimal(0);
