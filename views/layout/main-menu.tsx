import type { ViewContext } from './view-context.ts';

/** The main menu: direct links, and sections with their links, current page marked. */
export function MainMenu({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <nav class="main-menu" aria-label={t('shell.menu')}>
      <ul>
        {ctx.menu.map((entry) =>
          'href' in entry ? (
            <li>
              <a href={entry.href} aria-current={entry.current}>
                {t(entry.label)}
              </a>
            </li>
          ) : (
            <li class="menu-section">
              <span class="menu-section-title">{t(entry.label)}</span>
              <ul>
                {entry.links.map((link) => (
                  <li>
                    <a href={link.href} aria-current={link.current}>
                      {t(link.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
