import type { Child } from 'hono/jsx';
import type { Field, FormDef } from '../../src/forms/parse.ts';
import { sectionFields } from '../account/form-section.tsx';
import { CheckboxField } from '../components/select-field.tsx';
import { InfoHelp } from './info-help.tsx';
import type { TechnicalSectionProps } from './technical-props.ts';

type TextOptions = { hint?: string; type?: 'text' | 'password'; autocomplete?: string; inputmode?: 'numeric' | 'text' };

/**
 * The inputs of a Technical information section, as on the account page (sectionFields: each
 * bound by name to its field, label, value and problem), each followed by its "i" help
 * (InfoHelp), whose text `helps` gives by field name.
 */
export function settingFields<N extends string>(
  props: TechnicalSectionProps,
  form: FormDef & { fields: Record<NoInfer<N>, Field> },
  labels: Record<N, string>,
  helps: Record<N, string>,
) {
  const { t } = props.ctx;
  const fields = sectionFields<N>(props, form, labels);
  const help = (name: N) => <InfoHelp t={t} id={`${form.fields[name].id}-info`} field={labels[name]} text={helps[name]} />;
  const setting = (name: N, control: Child) => (
    <div class="setting">
      {control}
      {help(name)}
    </div>
  );
  return {
    help,
    Text: ({ name, ...options }: { name: N } & TextOptions) => setting(name, <fields.Text name={name} {...options} />),
    TextArea: ({ name, hint }: { name: N; hint?: string }) => setting(name, <fields.TextArea name={name} hint={hint} rows={4} />),
    Select: ({ name, options }: { name: N; options: { value: string; label: string }[] }) =>
      setting(
        name,
        <fields.Select name={name}>
          {options.map((option) => (
            <option value={option.value} selected={props.state.values[name] === option.value}>
              {option.label}
            </option>
          ))}
        </fields.Select>,
      ),
    Checkbox: ({ name }: { name: N }) =>
      setting(
        name,
        <CheckboxField
          t={t}
          field={form.fields[name]}
          label={labels[name]}
          error={props.state.errors[name]}
          checked={props.state.values[name] === '1' || props.state.values[name] === 'on'}
        />,
      ),
  };
}
