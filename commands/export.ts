import type { Command, Reply } from '../src/core/types.ts';

/*
 * /export (issue 13): everything stored about the user, sent as documents: one JSON file (the
 * whole export, the schema in docs/export-format.md) and loans.csv, installments.csv and
 * payments.csv for a spreadsheet. The service reads only this user's rows.
 */

/** The caption of each CSV file, by its name. */
const CSV_CAPTIONS: Readonly<Record<string, string>> = {
  'loans.csv': 'export-csv-loans',
  'installments.csv': 'export-csv-installments',
  'payments.csv': 'export-csv-payments',
};

export const exportCommand: Command = {
  name: 'export',
  descriptionKey: 'command-export',
  run: (ctx) => {
    const data = ctx.services.export.build();
    if (!data || data.empty) return [{ text: ctx.t('export-nothing') }];
    const { counts } = data;
    return data.files().map((file): Reply => {
      const caption = file.filename.endsWith('.json')
        ? ctx.t('export-json-caption', { ...counts, version: data.document.version })
        : ctx.t(CSV_CAPTIONS[file.filename] ?? 'export-csv-loans');
      return { text: caption, file: { kind: 'document', filename: file.filename, mime: file.mime, content: file.content } };
    });
  },
};
