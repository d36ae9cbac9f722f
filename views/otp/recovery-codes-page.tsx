import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The recovery codes, shown once after they are made, with a text download that needs no server. */
export function RecoveryCodesPage({
  ctx,
  codes,
  userid,
  pspid,
}: {
  ctx: ViewContext;
  codes: string[];
  userid: string;
  pspid: string;
}) {
  const { t, env } = ctx;
  const file = `${t('otp.codesFileHeader', { userid, pspid })}\n\n${codes.join('\n')}\n`;
  return (
    <Layout ctx={ctx} title={t('otp.codesTitle')}>
      <h1>{t('otp.codesTitle')}</h1>
      <p>{t('otp.codesIntro')}</p>
      <ul class="recovery-codes" aria-label={t('otp.codesTitle')}>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download={`guichet-recovery-codes-${pspid}-${userid}.txt`}
        >
          {t('otp.codesDownload')}
        </a>
      </p>
      <p>
        <a class="button" href={paths.otp.page(env)}>
          {t('otp.codesDone')}
        </a>
      </p>
    </Layout>
  );
}
