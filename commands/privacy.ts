import type { Command } from '../src/core/types.ts';

/*
 * /privacy (issue 13): what is stored, why, for how long, who sees it, and the commands that
 * give the user their data or take it away. Whether /forget and /import are there is read from
 * the registry, so the text stays true as they arrive: a command not registered is "coming".
 */
export function privacyCommand(listCommands: () => Command[]): Command {
  return {
    name: 'privacy',
    descriptionKey: 'command-privacy',
    run: (ctx) => {
      const has = (name: string) => listCommands().some((command) => command.name === name && !command.buttonsOnly);
      const commands = [
        ctx.t('privacy-commands'),
        ctx.t('privacy-command-export'),
        ...(has('import') ? [ctx.t('privacy-command-import')] : []),
        ctx.t(has('forget') ? 'privacy-command-forget' : 'privacy-command-forget-coming'),
      ];
      const sections = [
        ctx.t('privacy-stored'),
        ctx.t('privacy-why'),
        ctx.t('privacy-how-long'),
        ctx.t('privacy-who'),
        commands.join('\n'),
      ];
      return [{ text: sections.join('\n\n') }];
    },
  };
}
