import type { Command } from '../src/core/types.ts';

/** Drops the form in front (a quick form before the long one behind it); nothing is saved. */
export const cancelCommand: Command = {
  name: 'cancel',
  descriptionKey: 'command-cancel',
  run: (ctx) => {
    const { forms } = ctx.services;
    const front = forms.find('quick') ?? forms.find('long');
    return [{ text: ctx.t(front && forms.close(front.id) ? 'cancel-done' : 'cancel-nothing') }];
  },
};
