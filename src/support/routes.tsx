import { Hono } from 'hono';
import { HTMX_VERSION } from '../../views/layout/htmx.ts';
import { ContactPage } from '../../views/support/contact-page.tsx';
import { FaqPage } from '../../views/support/faq-page.tsx';
import { ManualsPage } from '../../views/support/manuals-page.tsx';
import { ProfilesPage } from '../../views/support/profiles-page.tsx';
import { SupportIndexPage } from '../../views/support/support-index-page.tsx';
import { VersionPage } from '../../views/support/version-page.tsx';
import { can, PERMISSIONS } from '../auth/permissions.ts';
import { PROFILES } from '../db/schema/users.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { buildId, PACKAGE_VERSION } from '../lib/version.ts';
import { testCardViews } from '../technical/presenters.ts';
import { MANUAL_FACTS } from './facts.ts';

/**
 * R1 Support, mounted at /<env>/support (paths.support.*): index, user manual, FAQ, profiles and
 * rights, platform version and contact, for every signed-in profile (support:view). The manual
 * and the FAQ receive the limits they quote (MANUAL_FACTS) from the rules that enforce them.
 */
export function supportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const allowed = requireAuth(deps, 'support:view');

  app.get('/', allowed, (c) => page(c, <SupportIndexPage ctx={viewContext(c, deps)} />));

  app.get('/manuals', allowed, (c) =>
    page(c, <ManualsPage ctx={viewContext(c, deps)} facts={MANUAL_FACTS} testCards={testCardViews(c.var.lang)} />),
  );

  app.get('/faq', allowed, (c) =>
    page(c, <FaqPage ctx={viewContext(c, deps)} facts={MANUAL_FACTS} testCards={testCardViews(c.var.lang)} />),
  );

  app.get('/version', allowed, (c) => {
    const version = { guichet: PACKAGE_VERSION, build: buildId(deps.config.build), htmx: HTMX_VERSION, node: process.version };
    return page(c, <VersionPage ctx={viewContext(c, deps)} version={version} />);
  });

  app.get('/profiles', allowed, (c) => {
    const matrix = {
      profiles: [...PROFILES],
      rows: PERMISSIONS.map((permission) => ({ permission, allowed: PROFILES.map((profile) => can(profile, permission)) })),
    };
    return page(c, <ProfilesPage ctx={viewContext(c, deps)} matrix={matrix} ownProfile={c.var.auth.user.profile} />);
  });

  app.get('/contact', allowed, (c) => {
    const contact = { email: deps.config.supportEmail, phone: deps.config.supportPhone };
    return page(c, <ContactPage ctx={viewContext(c, deps)} contact={contact} />);
  });

  return app;
}
