import { DateTime, IANAZone } from 'luxon';
import type { Language } from '../db/schema/users.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** A moment as the user reads it: their zone, their language, with the zone's short name. */
export function formatDateTime(moment: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(moment, { zone })
    .setLocale(language === 'fr' ? 'fr-BE' : 'en-GB')
    .toFormat('dd/MM/yyyy HH:mm ZZZZ');
}

/** ISO 8601 in UTC, for machine-readable attributes (`<time datetime>`). */
export function isoUtc(moment: Date): string {
  return moment.toISOString();
}
