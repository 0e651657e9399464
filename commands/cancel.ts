import type { Command } from '../src/core/types.ts';

export const cancelCommand: Command = {
  name: 'cancel',
  descriptionKey: 'command-cancel',
  run: (ctx) => [{ text: ctx.t(ctx.services.forms.clear() ? 'cancel-done' : 'cancel-nothing') }],
};
