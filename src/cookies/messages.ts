import { defineMessages } from '../i18n/define.ts';

export const cookieMessages = defineMessages({
  en: { 'cookies.title': 'Cookie settings' },
  fr: { 'cookies.title': 'Paramètres des cookies' },
});
