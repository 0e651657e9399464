import type { Command } from '../src/core/types.ts';

/** Commands whose line has a grammar worth writing down under their entry: the message that says it. */
const USAGE: Readonly<Record<string, string>> = { paid: 'paid-usage' };

/**
 * The list is built from the registry, so /help, the Telegram menu and README name the same
 * commands. Each audience sees its own: operator commands only for operators. A command with a
 * grammar (USAGE) has it under its line.
 */
export function helpCommand(listCommands: () => Command[]): Command {
  return {
    name: 'help',
    descriptionKey: 'command-help',
    run: (ctx) => {
      const visible = listCommands().filter(
        (command) => !command.buttonsOnly && ((command.audience ?? 'everyone') === 'everyone' || ctx.isOperator),
      );
      const lines = visible.map((command) => {
        const line = `/${command.name} — ${ctx.t(command.descriptionKey)}`;
        const usage = USAGE[command.name];
        return usage ? `${line}\n    ${ctx.t(usage)}` : line;
      });
      return [{ text: `${ctx.t('help-header')}\n\n${lines.join('\n')}\n\n${ctx.t('help-footer')}` }];
    },
  };
}
