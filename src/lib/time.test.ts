import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { exportDateTimeFormatter, formatExportDateTime } from './time.ts';

/** Issue 8, item 20: the export's times without luxon per row, to the same text. */
describe('export date-times', () => {
  test('the zone’s offset on each side of a change of clocks', () => {
    // Brussels: 29 March 2026 02:00 CET becomes 03:00 CEST; 25 October 2026 03:00 CEST becomes 02:00 CET.
    assert.equal(formatExportDateTime(new Date('2026-03-29T00:59:59Z'), 'Europe/Brussels'), '2026-03-29 01:59:59 +01:00');
    assert.equal(formatExportDateTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Brussels'), '2026-03-29 03:00:00 +02:00');
    assert.equal(formatExportDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Brussels'), '2026-10-25 02:30:00 +02:00');
    assert.equal(formatExportDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Brussels'), '2026-10-25 02:30:00 +01:00');
    assert.equal(formatExportDateTime(new Date('2026-07-01T12:00:00.999Z'), 'UTC'), '2026-07-01 12:00:00 +00:00');
    assert.equal(formatExportDateTime(new Date('2026-07-01T12:00:00Z'), 'Asia/Kathmandu'), '2026-07-01 17:45:00 +05:45');
    assert.equal(formatExportDateTime(new Date('2026-07-01T12:00:00Z'), 'America/St_Johns'), '2026-07-01 09:30:00 -02:30');
  });

  test('the same text as luxon for moments in order across years and zones, and out of order', () => {
    const zones = ['Europe/Brussels', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];
    const start = Date.UTC(2000, 0, 1);
    const end = Date.UTC(2099, 11, 31);
    for (const zone of zones) {
      const format = exportDateTimeFormatter(zone);
      const moments: number[] = [];
      // In order, a little under 3 hours apart over 3 years (each change of clocks is met), then at random.
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 10_007_000) moments.push(t);
      for (let i = 0; i < 2000; i += 1) moments.push(start + Math.floor(Math.random() * (end - start)));
      for (const moment of moments) {
        const expected = DateTime.fromMillis(moment, { zone }).toFormat('yyyy-MM-dd HH:mm:ss ZZ');
        assert.equal(format(moment), expected, `${zone} ${new Date(moment).toISOString()}`);
      }
    }
  });
});
