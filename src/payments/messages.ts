import { defineMessages } from '../i18n/define.ts';

/** Texts of the payment engine's data, as other pages name it (the account page's retention preview). */
export const paymentMessages = defineMessages({
  en: {
    'payments.retention.orders': 'Orders and their operations',
    'payments.retention.notifications': 'Status change requests to your server',
  },
  fr: {
    'payments.retention.orders': 'Commandes et leurs opérations',
    'payments.retention.notifications': 'Requêtes de changement de statut vers votre serveur',
  },
});
