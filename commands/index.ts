import type { Command } from '../src/core/types.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { KnowledgeBase } from '../src/knowledge/index.ts';
import { addLoanCommand } from './addloan.ts';
import { backCommand } from './back.ts';
import { calendarCommand } from './calendar.ts';
import { chartCommand } from './chart.ts';
import { cancelCommand } from './cancel.ts';
import { cardBillCommand } from './cardbill.ts';
import { deleteLoanCommand } from './deleteloan.ts';
import { editLoanCommand } from './editloan.ts';
import { exportCommand } from './export.ts';
import { faqCommand } from './faq-buttons.ts';
import { forgetCommand } from './forget.ts';
import { hardshipCommand } from './hardship.ts';
import { helpCommand } from './help.ts';
import { importCommand } from './import.ts';
import { languageCommand } from './language.ts';
import { loansCommand } from './loans.ts';
import { nextCommand } from './next.ts';
import { overdueCommand } from './overdue.ts';
import { paidCommand } from './paid.ts';
import { penaltyCommand } from './penalty.ts';
import { privacyCommand } from './privacy.ts';
import { promiseCommand } from './promise.ts';
import { remindCommand } from './remind.ts';
import { payoffCommand } from './payoff.ts';
import { planCommand } from './plan.ts';
import { requestsCommand } from './requests.ts';
import { reviewCommands } from './review.ts';
import { DEFAULT_HARDSHIP, type HardshipSettings } from './shared/hardship-settings.ts';
import { scheduleCommand } from './schedule.ts';
import { settingsCommand } from './settings.ts';
import { startCommand } from './start.ts';
import { statusCommand } from './status.ts';
import { undoCommand } from './undo.ts';

/** Every chat command, in the order /help and Telegram's menu show them; with a knowledge base, its topic buttons. */
export function allCommands(
  translator: Translator,
  kb?: KnowledgeBase,
  hardship: Omit<HardshipSettings, 'translator'> = DEFAULT_HARDSHIP,
): Command[] {
  const hardshipSettings: HardshipSettings = { ...hardship, translator };
  const commands: Command[] = [
    startCommand,
    addLoanCommand,
    loansCommand,
    nextCommand,
    scheduleCommand,
    paidCommand,
    undoCommand,
    payoffCommand,
    planCommand,
    statusCommand,
    overdueCommand,
    promiseCommand,
    penaltyCommand,
    hardshipCommand(hardshipSettings),
    requestsCommand(hardshipSettings),
    cardBillCommand,
    settingsCommand,
    editLoanCommand,
    deleteLoanCommand,
    languageCommand((locale) => translator.for(locale)),
    calendarCommand,
    chartCommand,
    exportCommand,
    importCommand,
    forgetCommand,
    privacyCommand(() => commands),
    cancelCommand,
    backCommand(() => commands),
    remindCommand,
    ...reviewCommands(hardshipSettings),
  ];
  if (kb) commands.push(faqCommand(kb, translator));
  commands.push(helpCommand(() => commands));
  return commands;
}
