import { backInFront } from '../src/core/forms.ts';
import type { Command } from '../src/core/types.ts';

/**
 * /back: the form in front goes one question back, keeping every answer, so a borrower can change
 * what they typed a step ago (the loan's amount, a hardship request's reason) without starting over.
 */
export function backCommand(listCommands: () => Command[]): Command {
  return {
    name: 'back',
    descriptionKey: 'command-back',
    run: async (ctx) => {
      const form = backInFront(ctx);
      const owner = form === undefined ? undefined : listCommands().find((command) => command.name === form);
      if (!owner?.currentQuestion) return [{ text: ctx.t('back-nothing') }];
      return owner.currentQuestion(ctx);
    },
  };
}
