import type { DeliveryPass, ReminderPass } from '../reminders/pass.ts';
import type { RawUpdate } from './update-queue.ts';

/**
 * What the Telegram run mode needs of a chat framework, so that polling, the webhook, the
 * update queue and the lifecycle (src/app/run-telegram.ts) are the same for every framework.
 * Each method throws Telegram's error as the framework raises it (src/app/telegram-errors.ts
 * reads both grammY's and Telegraf's).
 */
export interface TelegramDriver {
  /** getMe: checks the token and tells the framework who the bot is. */
  identify(signal: AbortSignal): Promise<{ username: string }>;
  getUpdates(params: { offset: number; limit: number; timeout: number }, signal?: AbortSignal): Promise<RawUpdate[]>;
  /** Runs one update through the transport; its own errors are logged there, never thrown. */
  handle(update: RawUpdate): Promise<void>;
  setWebhook(url: string, secret: string, signal: AbortSignal): Promise<void>;
  deleteWebhook(signal: AbortSignal): Promise<void>;
  /** The command menus (setMyCommands). */
  publishCommands(): Promise<void>;
  /** Reminder and outbox passes sent through this framework, sharing one rate limiter. */
  passes(): { reminders: ReminderPass; deliveries: DeliveryPass };
}
