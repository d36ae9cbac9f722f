import { can, type Permission } from '../auth/permissions.ts';
import type { Authenticated } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { PlainKey } from '../i18n/catalogue.ts';

/** 'page' on the link of the page shown, 'true' on the link of the part it belongs to. */
export type MenuLink = { label: PlainKey; href: string; current: 'page' | 'true' | undefined };
export type MenuEntry = MenuLink | { label: PlainKey; links: MenuLink[] };

type LinkSpec = { label: PlainKey; path: string; permission: Permission; option?: string };
type SectionSpec = { label: PlainKey; path?: string; permission?: Permission; links?: LinkSpec[] };

/**
 * The menu of the guide (Home, Support, Configuration, Advanced, Operations). A section or link
 * shows only when its page exists, the profile allows it and the account has its option; a
 * section with nothing to show is left out.
 */
const MENU: SectionSpec[] = [
  { label: 'menu.home', path: '/home', permission: 'home:view' },
  { label: 'menu.support', path: '/support', permission: 'support:view' },
  {
    label: 'menu.configuration',
    links: [
      { label: 'menu.password', path: '/password', permission: 'password:change' },
      { label: 'menu.users', path: '/users', permission: 'users:view' },
      { label: 'menu.audit', path: '/audit', permission: 'audit:view' },
    ],
  },
  { label: 'menu.advanced', links: [] },
  { label: 'menu.operations', links: [] },
];

export function buildMenu(auth: Authenticated, env: Environment, currentPath: string): MenuEntry[] {
  const base = `/${env}`;
  const isCurrent = (path: string): MenuLink['current'] =>
    currentPath === base + path ? 'page' : currentPath.startsWith(`${base}${path}/`) ? 'true' : undefined;
  const allowed = (spec: { permission?: Permission; option?: string }) =>
    (!spec.permission || can(auth.user.profile, spec.permission)) && (!spec.option || auth.account.options.includes(spec.option));
  const entries: MenuEntry[] = [];
  for (const section of MENU) {
    if (section.path) {
      if (allowed(section)) entries.push({ label: section.label, href: base + section.path, current: isCurrent(section.path) });
      continue;
    }
    const links = (section.links ?? [])
      .filter(allowed)
      .map((link) => ({ label: link.label, href: base + link.path, current: isCurrent(link.path) }));
    if (links.length > 0) entries.push({ label: section.label, links });
  }
  return entries;
}
