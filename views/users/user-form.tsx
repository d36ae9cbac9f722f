import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors } from '../../src/http/forms.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { timeZonesByRegion } from '../../src/lib/time.ts';
import type { UserFormValues } from '../../src/users/forms.ts';
import { USER_FIELD_IDS } from '../../src/users/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type UserFormProps = {
  ctx: ViewContext;
  action: string;
  /** Creation asks for the USERID; editing shows it read-only. */
  mode: 'create' | 'edit';
  values: UserFormValues;
  errors: FieldErrors;
  grantable: Profile[];
  version?: number;
  /** For htmx editing: the element the form replaces. */
  htmxTarget?: string;
  cancelHref: string;
};

const ORDER = Object.values(USER_FIELD_IDS);

/** D1: the user form, for creating and for editing. */
export function UserForm(props: UserFormProps) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const zones = timeZonesByRegion();
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      class="user-form"
      {...(props.htmxTarget ? { 'hx-post': props.action, 'hx-target': props.htmxTarget, 'hx-swap': 'outerHTML' } : {})}
    >
      <ErrorSummary t={t} errors={errors} order={ORDER} />
      <CsrfField token={ctx.csrfToken} />
      {props.version !== undefined ? <input type="hidden" name="version" value={String(props.version)} /> : null}
      {props.mode === 'create' ? (
        <TextField
          t={t}
          id={USER_FIELD_IDS.userid}
          name="userid"
          label={t('users.field.userid')}
          hint={t('users.field.useridHint')}
          value={String(values.userid ?? '')}
          error={errors[USER_FIELD_IDS.userid]}
          autocomplete="off"
          maxLength={20}
        />
      ) : null}
      <TextField
        t={t}
        id={USER_FIELD_IDS.name}
        name="name"
        label={t('users.field.name')}
        value={String(values.name ?? '')}
        error={errors[USER_FIELD_IDS.name]}
        autocomplete="off"
        maxLength={100}
      />
      <TextField
        t={t}
        id={USER_FIELD_IDS.email}
        name="email"
        type="email"
        label={t('users.field.email')}
        hint={t('users.field.emailHint')}
        value={String(values.email ?? '')}
        error={errors[USER_FIELD_IDS.email]}
        autocomplete="off"
        maxLength={254}
      />
      <SelectField
        t={t}
        id={USER_FIELD_IDS.profile}
        name="profile"
        label={t('users.field.profile')}
        error={errors[USER_FIELD_IDS.profile]}
      >
        {props.grantable.map((profile) => (
          <option value={profile} selected={values.profile === profile}>
            {t(`profile.${profile}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        t={t}
        id={USER_FIELD_IDS.scopeOwnOnly}
        name="scopeOwnOnly"
        label={t('users.field.scope')}
        hint={t('users.field.scopeHint')}
        checked={values.scopeOwnOnly === true}
        error={errors[USER_FIELD_IDS.scopeOwnOnly]}
      />
      {props.mode === 'create' ? (
        <CheckboxField
          t={t}
          id="user-api"
          name="isApiUser"
          label={t('users.field.api')}
          hint={t('users.field.apiHint')}
          checked={values.isApiUser === true}
        />
      ) : (
        <p>
          {t('users.field.api')}: <strong>{values.isApiUser ? t('users.yes') : t('users.no')}</strong>{' '}
          <span class="hint">{t('users.field.apiFixed')}</span>
        </p>
      )}
      <SelectField
        t={t}
        id={USER_FIELD_IDS.timeZone}
        name="timeZone"
        label={t('users.field.timeZone')}
        hint={t('users.field.timeZoneHint')}
        error={errors[USER_FIELD_IDS.timeZone]}
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
      <SelectField
        t={t}
        id={USER_FIELD_IDS.language}
        name="language"
        label={t('users.field.language')}
        error={errors[USER_FIELD_IDS.language]}
      >
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
