import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { Credentials } from './demo.ts';

export * from './demo.ts';
export { expect };

/** The WCAG levels every page must meet (WCAG 2.2 AA, with the 2.0 and 2.1 A/AA rules). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Fixtures = {
  /**
   * Runs axe on the page as it is now and fails the test on any violation. Specs call it on
   * every page they visit, once the page has settled (after its heading is visible).
   */
  axe: (label?: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  axe: async ({ page, browser, javaScriptEnabled }, use, testInfo) => {
    let checks = 0;
    let copies: BrowserContext | undefined;
    await use(async (label?: string) => {
      checks += 1;
      const where = `${label ?? `check ${checks}`} at ${page.url()}`;
      if (!javaScriptEnabled) copies ??= await browser.newContext({ javaScriptEnabled: true });
      const results = copies ? await analyzeCopy(copies, page) : await analyze(page);
      const found = results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
      if (found.length > 0) {
        await testInfo.attach(`axe violations (${where})`, {
          body: JSON.stringify(found, null, 2),
          contentType: 'application/json',
        });
      }
      const text = found
        .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n    on: ${v.targets.join(' | ')}`)
        .join('\n');
      expect(found.length, `accessibility violations (axe, ${AXE_TAGS.join(', ')}) on ${where}:\n${text}`).toBe(0);
    });
    await copies?.close();
  },
});

function analyze(page: Page) {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
}

/**
 * axe cannot run in a page whose JavaScript is off (its asynchronous steps never complete), so
 * the page's current HTML is analysed in a separate JavaScript-enabled page at the same address,
 * with the same style sheets, where every script of the page itself is blocked: the document axe
 * sees is the one a browser without JavaScript shows.
 */
async function analyzeCopy(context: BrowserContext, page: Page) {
  const html = await page.content();
  const copy = await context.newPage();
  try {
    await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
    let served = false;
    await copy.route('**/*', async (route) => {
      const request = route.request();
      if (!served && request.isNavigationRequest()) {
        served = true;
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(page.url());
    return await analyze(copy);
  } finally {
    await copy.close();
  }
}

/** The two login forms, found by their headings. */
export function loginForms(page: Page) {
  return {
    pspid: page.getByRole('region', { name: 'Log in with your PSPID' }),
    user: page.getByRole('region', { name: 'Log in as a user' }),
  };
}

/**
 * Logs in through the real login form: the PSPID form when there is no USERID or it equals the
 * PSPID (the default administrator), otherwise the USERID form. Stays on the login page it is on
 * (for instance after a redirect that carries `next`); from anywhere else it opens `/{env}/login`.
 * It does not wait for the outcome: the caller asserts where the browser lands.
 */
export async function logIn(page: Page, credentials: Credentials, options: { env?: 'test' | 'prod' } = {}): Promise<void> {
  const env = options.env ?? 'test';
  const onLoginPage = page.url().startsWith('http') && new URL(page.url()).pathname === `/${env}/login`;
  if (!onLoginPage) await page.goto(`/${env}/login`);
  const forms = loginForms(page);
  const asUser = credentials.userid !== undefined && credentials.userid !== credentials.pspid;
  const form = asUser ? forms.user : forms.pspid;
  if (asUser) await form.getByLabel('USERID').fill(credentials.userid ?? '');
  await form.getByLabel('PSPID').fill(credentials.pspid);
  await form.getByLabel('Password').fill(credentials.password);
  await form.getByRole('button', { name: 'Log in' }).click();
}

/**
 * Logs out with the header's button and waits for the login page: the next navigation must not
 * race the logout (a login page asked for while the session still exists redirects to Home).
 */
export async function logOut(page: Page, options: { env?: 'test' | 'prod' } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(`/${options.env ?? 'test'}/login`);
}

/**
 * Asserts that the document does not scroll sideways at the current width (WCAG 1.4.10: data tables
 * may scroll in their own frame), naming the element that sticks out furthest so a failure is easy to
 * fix. `soft` records the failure and goes on (a test that checks many pages reports them all).
 */
export async function expectReflow(page: Page, label: string, options: { soft?: boolean } = {}): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement;
    let widest = '';
    let right = root.clientWidth;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5 && box.width > 0) {
        right = box.right;
        const classes = Array.from(element.classList, (name) => `.${name}`).join('');
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes} in ${element.parentElement?.tagName.toLowerCase()} (right edge at ${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  const check = options.soft ? expect.soft : expect;
  check(scrollWidth, `${label} scrolls sideways at ${clientWidth} px: ${widest}`).toBeLessThanOrEqual(clientWidth);
}

/** The value shown in the page header for a term ("Account" → the PSPID, "User" → the USERID). */
export function headerValue(page: Page, term: 'Account' | 'User') {
  return page
    .getByRole('banner')
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** Asserts the home page of a signed-in user: URL, welcome heading, menu and header identity. */
export async function expectHome(
  page: Page,
  user: { name: string; pspid: string; userid: string },
  env: 'test' | 'prod' = 'test',
) {
  await expect(page).toHaveURL(`/${env}/home`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}`);
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Support', exact: true })).toBeVisible();
  await expect(headerValue(page, 'Account')).toHaveText(user.pspid);
  await expect(headerValue(page, 'User')).toHaveText(user.userid);
}
