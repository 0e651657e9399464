import type { IncomingDocument } from '../core/types.ts';

/*
 * A document a user sent on Telegram, for the core (grammY and Telegraf alike): name, size and
 * type from the message; the bytes fetched only when a command asks (getFile, then the file's
 * download URL), so a file refused by its size is never downloaded.
 */

/** The fields of Telegram's Document that matter here. */
export interface TelegramDocumentFields {
  file_id: string;
  file_name?: string;
  file_size?: number;
  mime_type?: string;
}

export interface TelegramFileAccess {
  /** The Bot API's getFile: the file's path on Telegram's file server. */
  getFile(fileId: string): Promise<{ file_path?: string }>;
  /** Where that path is downloaded: `${apiRoot}/file/bot${token}/${path}`. */
  url(filePath: string): string;
}

export function telegramFileAccess(apiRoot: string, token: string, getFile: TelegramFileAccess['getFile']): TelegramFileAccess {
  return { getFile, url: (filePath) => `${apiRoot.replace(/\/+$/, '')}/file/bot${token}/${filePath}` };
}

export function telegramDocument(document: TelegramDocumentFields, access: TelegramFileAccess): IncomingDocument {
  return {
    fileName: document.file_name ?? 'document',
    ...(document.file_size !== undefined && { size: document.file_size }),
    ...(document.mime_type !== undefined && { mime: document.mime_type }),
    async fetch() {
      const file = await access.getFile(document.file_id);
      if (!file.file_path) throw new Error('getFile gave no file_path');
      const response = await fetch(access.url(file.file_path));
      if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
