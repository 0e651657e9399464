import type { Command } from '../src/core/types.ts';

/**
 * The list is built from the registry, so /help, the Telegram menu and README name the same
 * commands. Each audience sees its own: operator commands only for operators.
 */
export function helpCommand(listCommands: () => Command[]): Command {
  return {
    name: 'help',
    descriptionKey: 'command-help',
    run: (ctx) => {
      const visible = listCommands().filter(
        (command) => !command.buttonsOnly && ((command.audience ?? 'everyone') === 'everyone' || ctx.isOperator),
      );
      const lines = visible.map((command) => `/${command.name} — ${ctx.t(command.descriptionKey)}`);
      return [{ text: `${ctx.t('help-header')}\n\n${lines.join('\n')}\n\n${ctx.t('help-footer')}` }];
    },
  };
}
