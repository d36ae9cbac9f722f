import type { Profile } from '../../src/db/schema/users.ts';
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
  failedSinceLastLogin: number;
  /** The password's expiry, formatted, when it is within the notice period. */
  passwordExpiresSoon?: string;
  /** Two-factor authentication is not set up for this user. */
  otpOff: boolean;
};

/** A5: what needs attention, the account and the user. */
export function HomePage(props: HomePageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.welcome', { name: props.name })}</h1>
      <section aria-labelledby="attention-title" class="card">
        <h2 id="attention-title">{t('home.attention')}</h2>
        {props.failedSinceLastLogin > 0 ? (
          <p class="warning">{t('home.failedSince', { count: props.failedSinceLastLogin })}</p>
        ) : null}
        {props.passwordExpiresSoon ? (
          <p class="warning">
            {t('password.expiresSoon', { date: props.passwordExpiresSoon })}{' '}
            <a href={paths.password.change(ctx.env)}>{t('password.change')}</a>
          </p>
        ) : null}
        {props.otpOff ? (
          <p>
            {t('home.otpOff')} <a href={paths.otp.page(ctx.env)}>{t('home.otpSetUp')}</a>
          </p>
        ) : null}
        {props.failedSinceLastLogin === 0 && !props.passwordExpiresSoon && !props.otpOff ? <p>{t('home.nothing')}</p> : null}
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
