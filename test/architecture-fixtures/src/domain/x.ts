// Forbidden (type-only, so it also proves type-only imports are seen): domain → grammy.
import type { Bot } from 'grammy';
import { zero } from './money.ts';

export type AnyBot = Bot;
export const one = zero.plus(1);
