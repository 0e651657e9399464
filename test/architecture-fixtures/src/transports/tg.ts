// Allowed: transports → grammy, grammy/types, core. Forbidden: transports → domain.
import 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import '../core/types.ts';
import '../domain/money.ts';

export type Me = UserFromGetMe;
