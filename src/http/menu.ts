import type { Feature } from '../account/options.ts';
import { hasFeature } from '../account/options.ts';
import { can, type Permission } from '../auth/permissions.ts';
import type { Authenticated } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';

/** 'page' on the link of the page shown, 'true' on the link of the part it belongs to. */
export type MenuLink = { label: PlainKey; href: string; current: 'page' | 'true' | undefined };
export type MenuEntry = MenuLink | { label: PlainKey; links: MenuLink[] };

/**
 * A menu link: its text, its address (from src/paths.ts), the permission and the feature
 * (account option, src/account/options.ts) it needs, and the one environment it exists in, if only one.
 */
type LinkSpec = {
  label: PlainKey;
  href: (env: Environment) => string;
  permission: Permission;
  feature?: Feature;
  only?: Environment;
};
type SectionSpec = LinkSpec | { label: PlainKey; links: LinkSpec[] };

/**
 * The menu of the guide (Home, Support, Configuration, Advanced, Operations). A section or link
 * shows only when its page exists, the profile allows it and the account's options switch its feature on; a
 * section with nothing to show is left out.
 */
const MENU: SectionSpec[] = [
  { label: 'menu.home', href: paths.home, permission: 'home:view' },
  { label: 'menu.support', href: paths.support.index, permission: 'support:view' },
  {
    label: 'menu.configuration',
    links: [
      { label: 'menu.password', href: paths.password.change, permission: 'password:change' },
      { label: 'menu.account', href: paths.account.page, permission: 'account:view' },
      // F1: after Account, as in the guide's Configuration menu.
      { label: 'menu.technical', href: paths.technical.page, permission: 'technical:view' },
      { label: 'menu.users', href: (env) => paths.users.list(env), permission: 'users:view' },
      { label: 'menu.audit', href: (env) => paths.audit.list(env), permission: 'audit:view' },
      { label: 'menu.errorLogs', href: (env) => paths.errorLogs.list(env), permission: 'error_logs:view' },
      // I1: a TEST account is copied into PRODUCTION from TEST; PRODUCTION has no such page.
      { label: 'menu.production', href: () => paths.production.start(), permission: 'account:create_production', only: 'test' },
    ],
  },
  { label: 'menu.advanced', links: [] },
  {
    label: 'menu.operations',
    links: [
      // M1: first in the guide's Operations menu; every profile may read it.
      { label: 'menu.financialHistory', href: (env) => paths.financialHistory.list(env), permission: 'payments:view' },
      // N1: every profile; a user limited to their own transactions sees only those.
      { label: 'menu.transactions', href: (env) => paths.transactions.list(env), permission: 'payments:view' },
      // O1: the e-Terminal, for Encoder profiles and above on accounts with the option.
      {
        label: 'menu.newTransaction',
        href: paths.eTerminal.newTransaction,
        permission: 'payments:create',
        feature: 'e_terminal',
      },
    ],
  },
];

/**
 * The menu a signed-in user sees in `env`, with the link of `currentPath` (a path without its
 * query) marked as the page, and the link of the part it is under marked as current.
 */
export function buildMenu(auth: Authenticated, env: Environment, currentPath: string): MenuEntry[] {
  const allowed = (spec: LinkSpec) =>
    can(auth.user.profile, spec.permission) &&
    (!spec.feature || hasFeature(auth.account, spec.feature)) &&
    (!spec.only || spec.only === env);
  const link = (spec: LinkSpec): MenuLink => {
    const href = spec.href(env);
    const current = currentPath === href ? 'page' : currentPath.startsWith(`${href}/`) ? 'true' : undefined;
    return { label: spec.label, href, current };
  };
  const entries: MenuEntry[] = [];
  for (const section of MENU) {
    if (!('links' in section)) {
      if (allowed(section)) entries.push(link(section));
      continue;
    }
    const links = section.links.filter(allowed).map(link);
    if (links.length > 0) entries.push({ label: section.label, links });
  }
  // Only the most precise link is current: a page under /test/account/production is under /test/account too.
  const marked = entries.flatMap((entry) => ('links' in entry ? entry.links : [entry])).filter((l) => l.current);
  const closest = marked.reduce<MenuLink | undefined>(
    (best, l) => (!best || l.href.length > best.href.length ? l : best),
    undefined,
  );
  for (const l of marked) if (l !== closest) l.current = undefined;
  return entries;
}
