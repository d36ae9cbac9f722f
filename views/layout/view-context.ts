import type { Environment } from '../../src/db/schema/accounts.ts';
import type { Language } from '../../src/db/schema/users.ts';
import type { MenuEntry } from '../../src/http/menu.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

/** What every page needs from the request, handed to views as a plain prop. */
export type ViewContext = {
  t: Translate;
  lang: Language;
  env: Environment;
  nonce: string;
  csrfToken: string;
  /** Path and query of this page, for "come back here" links. */
  path: string;
  signedIn?: { userid: string; name: string; pspid: string; timeZone: string };
  menu: MenuEntry[];
  flash?: string;
  /** Present on signed-in pages: drive the idle warning. */
  idleTimeoutMs?: number;
  idleWarningMs?: number;
  version: string;
  /** Addresses of the style sheet, scripts and icon, with their content hash (cached for a year). */
  assets: PageAssets;
};

/** What the page shell links to; each address changes when its file's content does. */
export type PageAssets = { css: string; js: string; htmx: string; icon: string };
