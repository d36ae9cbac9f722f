import type { Hono } from 'hono';
import { paths } from '../paths.ts';
import { ORIGIN } from './harness.ts';
import type { Page } from './html.ts';
import { parsePage } from './html.ts';

type App = Pick<Hono<any>, 'request'>;

/**
 * A browser for route tests over app.request(): keeps cookies, sends the site's Origin, and
 * echoes the CSRF token of the last page it read, as a real form would.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  lastBody = '';
  private parsed: Page | undefined;

  /** The last HTML page read, parsed: query it by heading, label, id and role (src/test/html.ts). */
  get page(): Page {
    this.parsed ??= parsePage(this.lastBody);
    return this.parsed;
  }

  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.send(path, { method: 'GET', headers });
    await this.read(response);
    return response;
  }

  /** Posts a form; `_csrf` is added from the last page unless the form sets it (or sets it to null). */
  async post(path: string, form: Record<string, string | null>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    const withToken = { _csrf: this.csrfToken ?? null, ...form };
    for (const [name, value] of Object.entries(withToken)) if (value !== null) body.set(name, value);
    const response = await this.send(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers },
      body: body.toString(),
    });
    await this.read(response);
    return response;
  }

  async send(path: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.request(`${ORIGIN}${path}`, {
      method: init.method,
      headers: { ...this.headers, ...(cookie ? { Cookie: cookie } : {}), ...init.headers },
      body: init.body,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  private async read(response: Response): Promise<void> {
    const type = response.headers.get('Content-Type') ?? '';
    this.lastBody = type.includes('text/html') ? await response.clone().text() : '';
    this.parsed = undefined;
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastBody)?.[1];
    if (token) this.csrfToken = token;
  }
}

/** Logs in through the real login form; returns the response of the POST. */
export async function logIn(
  browser: TestBrowser,
  user: { userid: string; pspid: string; password: string },
  options: { env?: 'test' | 'prod'; form?: 'pspid' | 'user'; next?: string } = {},
): Promise<Response> {
  const env = options.env ?? 'test';
  await browser.get(paths.login(env));
  const form = options.form ?? (user.userid === user.pspid ? 'pspid' : 'user');
  return browser.post(paths.login(env), {
    form,
    pspid: user.pspid,
    ...(form === 'user' ? { userid: user.userid } : {}),
    password: user.password,
    ...(options.next ? { next: options.next } : {}),
  });
}
