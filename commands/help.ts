import type { Command } from '../src/core/types.ts';

/** The list is built from the registry, so /help, the Telegram menu and README name the same commands. */
export function helpCommand(listCommands: () => Command[]): Command {
  return {
    name: 'help',
    descriptionKey: 'command-help',
    run: (ctx) => {
      const lines = listCommands()
        .filter((command) => !command.buttonsOnly)
        .map((command) => `/${command.name} — ${ctx.t(command.descriptionKey)}`);
      return [{ text: `${ctx.t('help-header')}\n\n${lines.join('\n')}\n\n${ctx.t('help-footer')}` }];
    },
  };
}
