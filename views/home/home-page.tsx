import type { Profile } from '../../src/db/schema/users.ts';
import type { ShownBlock } from '../../src/home/providers.ts';
import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type HomePageProps = {
  ctx: ViewContext;
  name: string;
  userid: string;
  profile: Profile;
  account: { pspid: string; companyName: string; tradeName: string; timeZone: string };
  /** Already formatted in the user's zone. */
  previousLogin?: { text: string; iso: string };
  /** What needs attention, in display order (src/home/providers.ts). */
  blocks: readonly ShownBlock[];
  /** A provider failed: its block is missing, so the page does not say that everything is in order. */
  incomplete: boolean;
};

/** A5: what needs attention (a titled block each, with its links), the account and the user. */
export function HomePage(props: HomePageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.welcome', { name: props.name })}</h1>
      <section aria-labelledby="attention-title" class="card">
        <h2 id="attention-title">{t('home.attention')}</h2>
        {props.blocks.map((block) => (
          <AttentionBlock ctx={ctx} block={block} />
        ))}
        {props.incomplete ? <p class="notice">{t('home.incomplete')}</p> : null}
        {props.blocks.length === 0 && !props.incomplete ? <p>{t('home.nothing')}</p> : null}
      </section>
      <div class="columns">
        <section aria-labelledby="account-title" class="card">
          <h2 id="account-title">{t('home.account')}</h2>
          <dl class="summary-list">
            <dt>{t('home.pspid')}</dt>
            <dd>{props.account.pspid}</dd>
            <dt>{t('home.company')}</dt>
            <dd>{props.account.companyName}</dd>
            <dt>{t('home.tradeName')}</dt>
            <dd>{props.account.tradeName}</dd>
            <dt>{t('home.environment')}</dt>
            <dd>{t(ctx.env === 'test' ? 'env.test' : 'env.prod')}</dd>
            <dt>{t('home.timeZone')}</dt>
            <dd>{props.account.timeZone}</dd>
          </dl>
        </section>
        <section aria-labelledby="you-title" class="card">
          <h2 id="you-title">{t('home.you')}</h2>
          <dl class="summary-list">
            <dt>{t('home.userid')}</dt>
            <dd>{props.userid}</dd>
            <dt>{t('home.profile')}</dt>
            <dd>{t(`profile.${props.profile}`)}</dd>
            <dt>{t('home.timeZone')}</dt>
            <dd>{ctx.signedIn?.timeZone}</dd>
            <dt>{t('home.previousLogin')}</dt>
            <dd>
              {props.previousLogin ? (
                <time datetime={props.previousLogin.iso}>{props.previousLogin.text}</time>
              ) : (
                t('home.firstLogin')
              )}
            </dd>
          </dl>
        </section>
      </div>
      <p>
        <a href={paths.support.index(ctx.env)}>{t('home.help')}</a>
      </p>
    </Layout>
  );
}

/** One block: its heading, its lines, its links (each named by where it goes). */
function AttentionBlock({ ctx, block }: { ctx: ViewContext; block: ShownBlock }) {
  const { t } = ctx;
  const headingId = `home-block-${block.id}`;
  return (
    <section aria-labelledby={headingId} class={block.tone === 'warning' ? 'attention-block warning' : 'attention-block'}>
      <h3 id={headingId}>{t.message(block.title)}</h3>
      {block.lines.map((line) => (
        <p>{t.message(line)}</p>
      ))}
      {block.links && block.links.length > 0 ? (
        <p>
          {block.links.map((link, index) => (
            <>
              {index > 0 ? ' · ' : null}
              <a href={link.href}>{t.message(link.label)}</a>
            </>
          ))}
        </p>
      ) : null}
    </section>
  );
}
