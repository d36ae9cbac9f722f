import type { Child } from 'hono/jsx';
import type { FormDef } from '../../src/forms/parse.ts';
import { paths } from '../../src/paths.ts';
import { SECTION_PASSPHRASE, technicalSlug } from '../../src/technical/forms.ts';
import type { TechnicalSection } from '../../src/technical/sections.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { SettingsCard, SettingsForm, SettingsSummary } from '../components/settings-section.tsx';
import type { TechnicalSectionProps } from './technical-props.ts';

/** The HTML id of a section or tab of the page (an anchor of the tab list, the target htmx swaps). */
export function technicalId(part: Parameters<typeof technicalSlug>[0]): string {
  return `technical-${technicalSlug(part)}`;
}

type CardProps<F extends FormDef> = {
  props: TechnicalSectionProps;
  form: F;
  labels: FieldLabels<F>;
  /** The saved values as terms and values ('' reads "Not set"). */
  items: [string, Child][];
  intro?: Child;
  children: Child;
};

/**
 * One section of Technical information: its card with the title, the read-only summary (readers,
 * and above the form after a stale edit), its form with the save button, and, for a section with
 * a passphrase, the form of its "generate" button.
 */
export function TechnicalCard<F extends FormDef>({ props, form, labels, items, intro, children }: CardProps<F>) {
  const { ctx, section, state } = props;
  const { t } = ctx;
  const id = technicalId(section);
  return (
    <SettingsCard
      ctx={ctx}
      id={id}
      title={t(`technical.section.${section}`)}
      manage={props.manage}
      state={state}
      savedMessage={props.saved?.section === section ? props.saved.message : undefined}
      intro={intro}
      summary={<SettingsSummary t={t} items={items} />}
      form={
        <>
          <SettingsForm
            ctx={ctx}
            state={state}
            action={paths.technical.section(ctx.env, technicalSlug(section))}
            target={id}
            form={form}
            labels={labels}
            button={t(`technical.save.${section}`)}
          >
            {children}
          </SettingsForm>
          <GenerateForm props={props} section={section} />
        </>
      }
    />
  );
}

/**
 * The "generate" button of a section's passphrase. With no passphrase set it posts the section's
 * version and the answer page shows the new passphrase once; with one set it first opens the
 * confirmation page (a GET form: replacing the passphrase breaks what is signed with it).
 */
function GenerateForm({ props, section }: { props: TechnicalSectionProps; section: TechnicalSection }) {
  const use = SECTION_PASSPHRASE[section];
  if (!use) return null;
  const { ctx, state } = props;
  const action = paths.technical.generate(ctx.env, technicalSlug(section));
  const set = props.passphrases[use];
  return (
    <form method={set ? 'get' : 'post'} action={action} class="generate-passphrase">
      {set ? null : <CsrfField token={ctx.csrfToken} />}
      <input type="hidden" name="version" value={String(state.version)} />
      <p>{ctx.t(set ? 'technical.generate.introSet' : 'technical.generate.intro')}</p>
      <button type="submit">{ctx.t(`technical.generate.${use}`)}</button>
    </form>
  );
}
