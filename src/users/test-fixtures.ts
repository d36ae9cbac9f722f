import type { TestBrowser } from '../test/browser.ts';

/*
 * What the users tests share: a filled user form, and the users list and the user page read as
 * a person reads them (paragraphs, the table's rows by USERID, the details by their term).
 */

/** The user form as a browser posts it: a valid Viewer without an e-mail address, then `fields`. */
export const userForm = (fields: Record<string, string> = {}) => ({
  name: 'Jeanne Martin',
  email: '',
  profile: 'viewer',
  timeZone: 'Europe/Brussels',
  language: 'en',
  ...fields,
});

/** Every paragraph of the page, as read. */
export const paragraphs = (browser: TestBrowser) => browser.page.all('p').map((p) => browser.page.textOf(p));

/** The users table's rows by USERID (the first cell), without the header row. */
export function usersByUserid(browser: TestBrowser): Map<string, string[]> {
  const [, ...rows] = browser.page.table();
  return new Map(rows.map((cells) => [cells[0] ?? '', cells]));
}

/** The user page's details: the text after each term (Name, E-mail address, Status, ...). */
export function details(browser: TestBrowser): Record<string, string> {
  const entries = browser.page.definitions('#user-details dl, .summary-list');
  return Object.fromEntries(Object.entries(entries).map(([term, element]) => [term, browser.page.textOf(element)]));
}
