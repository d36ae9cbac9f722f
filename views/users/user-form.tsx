import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { timeZonesByRegion } from '../../src/lib/time.ts';
import type { UserFormValues } from '../../src/users/forms.ts';
import { editUserForm, isTicked, newUserForm } from '../../src/users/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type UserFormProps = {
  ctx: ViewContext;
  action: string;
  values: UserFormValues;
  /** Problems by field name (src/users/forms.ts). */
  errors: FieldErrors;
  grantable: Profile[];
  /** For htmx editing: the element the form replaces. */
  htmxTarget?: string;
  cancelHref: string;
} & (
  | { /** Creation asks for the USERID and the API flag. */ mode: 'create' }
  | {
      /** Editing shows the API flag read-only and sends the version the form was read at. */ mode: 'edit';
      isApiUser: boolean;
      version: number;
    }
);

/** D1: the user form, for creating and for editing; fields, ids and lengths from src/users/forms.ts. */
export function UserForm(props: UserFormProps) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const form = props.mode === 'create' ? newUserForm : editUserForm;
  const { fields } = form;
  const created = newUserForm.fields;
  const zones = timeZonesByRegion();
  // One label per field, for the field and for the error summary's line.
  const labels = {
    userid: t('users.field.userid'),
    name: t('users.field.name'),
    email: t('users.field.email'),
    profile: t('users.field.profile'),
    scopeOwnOnly: t('users.field.scope'),
    isApiUser: t('users.field.api'),
    timeZone: t('users.field.timeZone'),
    language: t('users.field.language'),
  } satisfies FieldLabels<typeof newUserForm> & FieldLabels<typeof editUserForm>;
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      class="user-form"
      {...(props.htmxTarget ? { 'hx-post': props.action, 'hx-target': props.htmxTarget, 'hx-swap': 'outerHTML' } : {})}
    >
      <ErrorSummary t={t} errors={errors} form={form} labels={labels} />
      <CsrfField token={ctx.csrfToken} />
      {props.mode === 'edit' ? (
        <input type="hidden" name={editUserForm.fields.version.name} value={String(props.version)} />
      ) : null}
      {props.mode === 'create' ? (
        <TextField
          t={t}
          field={created.userid}
          label={labels.userid}
          hint={t('users.field.useridHint')}
          value={values.userid ?? ''}
          error={errors.userid}
          autocomplete="off"
        />
      ) : null}
      <TextField t={t} field={fields.name} label={labels.name} value={values.name ?? ''} error={errors.name} autocomplete="off" />
      <TextField
        t={t}
        field={fields.email}
        type="email"
        label={labels.email}
        hint={t('users.field.emailHint')}
        value={values.email ?? ''}
        error={errors.email}
        autocomplete="off"
      />
      <SelectField t={t} field={fields.profile} label={labels.profile} error={errors.profile}>
        {props.grantable.map((profile) => (
          <option value={profile} selected={values.profile === profile}>
            {t(`profile.${profile}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        t={t}
        field={fields.scopeOwnOnly}
        label={labels.scopeOwnOnly}
        hint={t('users.field.scopeHint')}
        checked={isTicked(values.scopeOwnOnly)}
        error={errors.scopeOwnOnly}
      />
      {props.mode === 'create' ? (
        <CheckboxField
          t={t}
          field={created.isApiUser}
          label={labels.isApiUser}
          hint={t('users.field.apiHint')}
          checked={isTicked(values.isApiUser)}
        />
      ) : (
        <p>
          {t('users.field.api')}: <strong>{props.isApiUser ? t('users.yes') : t('users.no')}</strong>{' '}
          <span class="hint">{t('users.field.apiFixed')}</span>
        </p>
      )}
      <SelectField
        t={t}
        field={fields.timeZone}
        label={labels.timeZone}
        hint={t('users.field.timeZoneHint')}
        error={errors.timeZone}
      >
        {zones.map((group) => (
          <optgroup label={group.region}>
            {group.zones.map((zone) => (
              <option value={zone} selected={values.timeZone === zone}>
                {zone}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField t={t} field={fields.language} label={labels.language} error={errors.language}>
        {LANGUAGES.map((lang) => (
          <option value={lang} selected={values.language === lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </SelectField>
      <div class="form-actions">
        <button type="submit">{props.mode === 'create' ? t('users.create') : t('users.save')}</button>
        <a href={props.cancelHref}>{t('users.cancel')}</a>
      </div>
    </form>
  );
}
