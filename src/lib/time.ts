import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** ISO 8601 in UTC, for machine-readable attributes (`<time datetime>`). */
export function isoUtc(moment: Date): string {
  return moment.toISOString();
}

let zonesByRegion: { region: string; zones: string[] }[] | undefined;

/** Every IANA time zone, grouped by region (Africa, America, ...), for pickers; computed once. */
export function timeZonesByRegion(): { region: string; zones: string[] }[] {
  if (zonesByRegion) return zonesByRegion;
  const groups = new Map<string, string[]>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  if (!groups.get('Other')?.includes('UTC')) groups.set('Other', [...(groups.get('Other') ?? []), 'UTC']);
  zonesByRegion = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([region, zones]) => ({ region, zones: zones.sort() }));
  return zonesByRegion;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/**
 * Whole days of a zone as UTC instants, for date filters: `start` is the first moment of `from`,
 * `end` the first moment of the day after `to` (exclusive), each as the zone's rules say that
 * day starts, so a day of 23 or 25 hours (daylight saving) is covered exactly. Either bound may
 * be left out. Dates are YYYY-MM-DD (see isIsoDate).
 */
export function zonedDayRange(from: string | undefined, to: string | undefined, zone: string): { start?: Date; end?: Date } {
  const dayStart = (date: string) => DateTime.fromISO(date, { zone }).startOf('day');
  return {
    ...(from ? { start: dayStart(from).toJSDate() } : {}),
    ...(to ? { end: dayStart(to).plus({ days: 1 }).startOf('day').toJSDate() } : {}),
  };
}

/** A moment for exports: the user's zone, to the second, with the offset (unambiguous when clocks go back). */
export function formatExportDateTime(moment: Date, zone: string): string {
  return DateTime.fromJSDate(moment, { zone }).toFormat('yyyy-MM-dd HH:mm:ss ZZ');
}

/** The calendar date of a moment in a zone, as YYYYMMDD (file names). */
export function compactDate(moment: Date, zone: string): string {
  return DateTime.fromJSDate(moment, { zone }).toFormat('yyyyMMdd');
}

/** True for a real instant written in ISO 8601 UTC (`…Z`), as cursors carry them. */
export function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}
