import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { createTestBot } from '../support/bot.ts';

/*
 * "You are in the middle of { $form }" names the open form by its form-name-<form> message (an
 * old settings button over an open /forget asked for form-name-forget, which did not exist, and
 * the borrower got "something went wrong"). Every form a command keeps open has that message.
 */

describe('form names', () => {
  it('every form of every command has its form-name message in every locale', () => {
    const { runtime } = createTestBot({ env: { OPERATOR_IDS: '9' } });
    const forms = runtime.app.commands.flatMap((command) => {
      const form = command.form as { name?: string } | undefined;
      return form?.name ? [form.name] : [];
    });
    expect(forms).toEqual(expect.arrayContaining(['addloan', 'forget', 'import', 'settings']));
    for (const locale of LOCALES) {
      expect(
        forms.filter((form) => !runtime.translator.has(locale, `form-name-${form}`)),
        locale,
      ).toEqual([]);
    }
  });
});
