import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Logs go to stderr: stdout belongs to the chat transports (the JSON-lines stream must stay
 * machine-readable). At info level we log ids only, never loan names, amounts or messages.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
