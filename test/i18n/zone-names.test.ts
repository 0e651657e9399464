import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { NAMED_ZONES, zoneKey, zoneName } from '../../src/i18n/zone-names.ts';

describe('zone names', () => {
  const translator = new Translator({ strict: true });

  it('every zone named by its city has a message in every locale', () => {
    for (const locale of LOCALES)
      for (const zone of NAMED_ZONES) expect(translator.has(locale, zoneKey(zone)), `${locale} ${zone}`).toBe(true);
  });

  it('names a city zone, a fixed offset and any other zone', () => {
    expect(zoneName(translator.for('en'), 'en', 'Asia/Shanghai')).toBe('Beijing time');
    expect(zoneName(translator.for('zh-Hans'), 'zh-Hans', 'Asia/Shanghai')).toBe('北京时间');
    expect(zoneName(translator.for('en'), 'en', 'Etc/GMT-8')).toBe('UTC+8');
    expect(zoneName(translator.for('en'), 'en', 'Europe/Madrid')).toMatch(/European/);
  });
});
