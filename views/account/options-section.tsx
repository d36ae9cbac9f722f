import { isTicked, optionsForm } from '../../src/account/forms.ts';
import type { AccountOption } from '../../src/account/options.ts';
import { CheckboxField } from '../components/select-field.tsx';
import type { OptionView, SectionProps } from './account-props.ts';
import { FormSection } from './form-section.tsx';

/**
 * C3: the options, the active ones first, then the recommended and the other available ones,
 * each with a line saying what it does; administrators switch them on or off here (in
 * PRODUCTION after a confirmation page that names what changes).
 */
export function OptionsSection(props: SectionProps) {
  const { ctx, state } = props;
  const { t } = ctx;
  const groups = [
    { key: 'active', legend: t('account.options.active'), options: props.options.filter((o) => o.active) },
    {
      key: 'recommended',
      legend: t('account.options.recommended'),
      options: props.options.filter((o) => !o.active && o.recommended),
    },
    { key: 'other', legend: t('account.options.other'), options: props.options.filter((o) => !o.active && !o.recommended) },
  ];
  const name = (code: AccountOption) => t(`account.option.${code}`);
  const does = (code: AccountOption) => t(`account.option.${code}.does`);
  const intro = (
    <>
      <p>{t('account.options.intro')}</p>
      {props.manage && props.confirmsOptions ? <p>{t('account.options.confirmNotice')}</p> : null}
    </>
  );
  const summary = (
    <>
      {groups.map((group) => (
        <>
          <h3>{group.legend}</h3>
          {group.options.length === 0 ? (
            <p>{t(group.key === 'active' ? 'account.options.noneActive' : 'account.options.noneLeft')}</p>
          ) : (
            <ul>
              {group.options.map((option) => (
                <li>
                  <strong>{name(option.code)}</strong>
                  {t('account.colon')}
                  {does(option.code)}
                </li>
              ))}
            </ul>
          )}
        </>
      ))}
    </>
  );
  const labels = Object.fromEntries(props.options.map((option) => [option.code, name(option.code)]));
  return (
    <FormSection props={props} section="options" form={optionsForm} labels={labels} intro={intro} summary={summary}>
      {groups
        .filter((group) => group.options.length > 0)
        .map((group) => (
          <fieldset>
            <legend>{group.legend}</legend>
            {group.options.map((option: OptionView) => (
              <CheckboxField
                t={t}
                field={optionsForm.fields[option.code]}
                label={name(option.code)}
                hint={does(option.code)}
                checked={isTicked(state.values[option.code])}
              />
            ))}
          </fieldset>
        ))}
    </FormSection>
  );
}
