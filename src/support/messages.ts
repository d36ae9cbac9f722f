import { defineMessages } from '../i18n/define.ts';

export const supportMessages = defineMessages({
  en: { 'support.title': 'Support' },
  fr: { 'support.title': 'Support' },
});
