import { describe, expect, it } from 'vitest';
import { escapeHtml, telegramHtml } from '../../src/transports/telegram-html.ts';

describe('telegramHtml: what every Telegram text and caption is sent as (parse_mode HTML)', () => {
  it('escapes & < > and nothing else, so any text shows literally', () => {
    expect(escapeHtml('<b>x</b> & co')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; co');
    expect(escapeHtml('&amp; is not kept')).toBe('&amp;amp; is not kept');
    expect(escapeHtml('"quotes" \'stay\' 🏳️‍🌈 ¥1,000')).toBe('"quotes" \'stay\' 🏳️‍🌈 ¥1,000');
  });

  it('adds formatting from structure only: a monospace text in <pre>, its content escaped; an empty text stays empty', () => {
    expect(telegramHtml('<i>not italic</i>')).toBe('&lt;i&gt;not italic&lt;/i&gt;');
    expect(telegramHtml('1. 2027-01-15  888.49 <x>', { monospace: true })).toBe('<pre>1. 2027-01-15  888.49 &lt;x&gt;</pre>');
    expect(telegramHtml('</pre><b>', { monospace: true })).toBe('<pre>&lt;/pre&gt;&lt;b&gt;</pre>');
    expect(telegramHtml('', { monospace: true })).toBe('');
  });
});
