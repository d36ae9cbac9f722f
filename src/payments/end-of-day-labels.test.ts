import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { technicalMessages } from '../technical/messages.ts';
import { END_OF_DAY_TIME_ZONE, END_OF_DAY_ZONE_LABEL } from './data-capture.ts';

/**
 * The default data capture's "end of day" (reference §0: "from midnight GMT+1") is named the same
 * way everywhere: what the job computes (END_OF_DAY_TIME_ZONE), the page's label and help in both
 * languages, the user manual, the docs and the README.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const PHRASE = {
  en: `midnight ${END_OF_DAY_ZONE_LABEL} (23:00 UTC all year round, no summer time)`,
  fr: `minuit ${END_OF_DAY_ZONE_LABEL} (23:00 UTC toute l’année, sans heure d’été)`,
};

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((name) => pattern.test(name) && !name.includes('node_modules'))
    .map((name) => path.join(dir, name));
}

describe('the end of day of the default data capture', () => {
  test('the zone the job uses is GMT+1 all year round: midnight is 23:00 UTC in winter and in summer', () => {
    const name = (at: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: END_OF_DAY_TIME_ZONE, timeZoneName: 'short' })
        .formatToParts(new Date(at))
        .find((part) => part.type === 'timeZoneName')?.value;
    assert.equal(name('2026-01-15T12:00:00Z'), END_OF_DAY_ZONE_LABEL);
    assert.equal(name('2026-07-15T12:00:00Z'), END_OF_DAY_ZONE_LABEL);
    const hour = (at: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: END_OF_DAY_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(at),
      );
    assert.equal(hour('2026-01-15T23:00:00Z'), '00');
    assert.equal(hour('2026-07-15T23:00:00Z'), '00');
  });

  test('the page’s option and help say "midnight GMT+1" and what it means, in English and French', () => {
    assert.equal(
      technicalMessages.en['technical.dataCapture.end_of_day'],
      'Automatically at the end of the day (midnight GMT+1)',
    );
    assert.equal(technicalMessages.fr['technical.dataCapture.end_of_day'], 'Automatiquement en fin de journée (minuit GMT+1)');
    assert.ok(String(technicalMessages.en['technical.help.dataCapture']).includes(PHRASE.en));
    assert.ok(String(technicalMessages.fr['technical.help.dataCapture']).includes(PHRASE.fr));
  });

  test('every text that names a midnight names GMT+1, never CET, UTC+1 or another label', () => {
    const files = [
      ...filesUnder('src', /messages\.ts$/),
      ...filesUnder('views', /\.tsx$/),
      ...filesUnder('docs', /\.md$/),
      'README.md',
      'src/payments/data-capture.ts',
    ];
    const wrong: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' ');
      for (const match of text.matchAll(/\b([Mm]idnight|[Mm]inuit)\b\s*\(?\s*([A-Z]{2,5}(?:\s?[+-]\s?\d+)?\b)?/g)) {
        const zone = match[2] ?? '';
        // "midnight" of the user's own day ("at midnight in your time zone") names no zone.
        if (zone && zone !== END_OF_DAY_ZONE_LABEL) wrong.push(`${file}: "${match[0]}"`);
      }
      for (const match of text.matchAll(
        /\b(?:end of (?:the )?day|fin de (?:la )?journée)\b[^.;]{0,80}\b(CET|CEST|UTC\s?\+\s?1|GMT\s?\+\s?1)\b/gi,
      )) {
        if (match[1] !== END_OF_DAY_ZONE_LABEL) wrong.push(`${file}: "${match[0]}"`);
      }
    }
    assert.deepEqual(wrong, []);
    const manual = ['views/support/content/manual.en.tsx', 'views/support/content/manual.fr.tsx'].map((file) =>
      readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' '),
    );
    assert.ok(manual[0]?.includes(PHRASE.en), 'the manual says it in English');
    assert.ok(manual[1]?.includes(PHRASE.fr), 'the manual says it in French');
    const decision = readFileSync(path.join(ROOT, 'docs/decisions/0028-technical-information.md'), 'utf8').replace(/\s+/g, ' ');
    assert.ok(decision.includes(PHRASE.en), 'the decision record says it');
  });
});
