import type { Command } from '../src/core/types.ts';
import { clearForm } from '../src/db/forms-repo.ts';

export const cancelCommand: Command = {
  name: 'cancel',
  descriptionKey: 'command-cancel',
  run: (ctx) => [{ text: ctx.t(clearForm(ctx.services.db, ctx.user.id) ? 'cancel-done' : 'cancel-nothing') }],
};
