import type { Command } from '../src/core/types.ts';

export const startCommand: Command = {
  name: 'start',
  descriptionKey: 'command-start',
  run: (ctx) => [{ text: ctx.t('start-welcome') }],
};
