import { defineMessages } from '../i18n/define.ts';

/**
 * Texts of Configuration > Error logs (PRODUCT.md J1; guide 3.2.10 "Journaux d'erreur"). The
 * sources are named `errorLog.source.<source>` (src/db/schema/payments.ts ORDER_SOURCES); the
 * reasons themselves are the platform's NCERRORPLUS texts, in the reader's language from
 * src/payments/ncerror-texts.ts when they are their code's standard text, else as the reply gave
 * them with the code's meaning (`errorLog.reasonMeaning`).
 */
export const errorLogMessages = defineMessages({
  en: {
    'menu.errorLogs': 'Error logs',
    'errorLog.title': 'Error logs',
    'errorLog.intro':
      'The transaction requests of the account that were refused in the last three days, newest first, with the platform’s error code (NCERROR) and the detailed reason. The payer and the merchant’s server only get the error code and a short text; the details are here. Errors older than three days are deleted.',
    'errorLog.zone': 'Times are in your time zone, {zone}.',
    'errorLog.filters': 'Filter the errors',
    'errorLog.source': 'Source',
    'errorLog.allSources': 'All sources',
    'errorLog.submit': 'Show errors',
    'errorLog.clear': 'Show all sources',
    'errorLog.sourceInvalid': 'Choose a source from the list.',
    'errorLog.results': 'Errors',
    'errorLog.caption': 'Transaction errors of the last three days, newest first',
    'errorLog.col.time': 'Time',
    'errorLog.col.source': 'Source',
    'errorLog.col.userid': 'USERID',
    'errorLog.col.orderId': 'ORDERID',
    'errorLog.col.ncError': 'NCERROR',
    'errorLog.col.reason': 'Detailed reason',
    'errorLog.reasonMeaning': 'Meaning of the code: {meaning}',
    'errorLog.none': 'There were no transaction errors in the last three days.',
    'errorLog.noneFromSource': 'There were no transaction errors from {source} in the last three days.',
    'errorLog.nonePage': 'No errors are left on this page: errors older than three days are deleted.',
    'errorLog.pages': 'Pages of errors',
    'errorLog.newer': 'Newer errors',
    'errorLog.older': 'Older errors',
    'errorLog.source.directlink': 'DirectLink',
    'errorLog.source.eterminal': 'e-Terminal',
    'errorLog.source.ecommerce': 'e-Commerce',
    'errorLog.source.batch': 'Batch (file upload)',
    'errorLog.source.subscription': 'Subscription Manager',
  },
  fr: {
    'menu.errorLogs': 'Journaux d’erreur',
    'errorLog.title': 'Journaux d’erreur',
    'errorLog.intro':
      'Les demandes de transaction du compte refusées au cours des trois derniers jours, de la plus récente à la plus ancienne, avec le code d’erreur de la plate-forme (NCERROR) et la raison détaillée. Le payeur et le serveur du commerçant ne reçoivent que le code d’erreur et un court texte ; le détail est ici. Les erreurs de plus de trois jours sont supprimées.',
    'errorLog.zone': 'Les heures sont dans votre fuseau horaire, {zone}.',
    'errorLog.filters': 'Filtrer les erreurs',
    'errorLog.source': 'Source',
    'errorLog.allSources': 'Toutes les sources',
    'errorLog.submit': 'Afficher les erreurs',
    'errorLog.clear': 'Afficher toutes les sources',
    'errorLog.sourceInvalid': 'Choisissez une source dans la liste.',
    'errorLog.results': 'Erreurs',
    'errorLog.caption': 'Erreurs de transaction des trois derniers jours, de la plus récente à la plus ancienne',
    'errorLog.col.time': 'Heure',
    'errorLog.col.source': 'Source',
    'errorLog.col.userid': 'USERID',
    'errorLog.col.orderId': 'ORDERID',
    'errorLog.col.ncError': 'NCERROR',
    'errorLog.col.reason': 'Raison détaillée',
    'errorLog.reasonMeaning': 'Signification du code : {meaning}',
    'errorLog.none': 'Il n’y a eu aucune erreur de transaction au cours des trois derniers jours.',
    'errorLog.noneFromSource': 'Il n’y a eu aucune erreur de transaction venant de {source} au cours des trois derniers jours.',
    'errorLog.nonePage': 'Il ne reste aucune erreur sur cette page : les erreurs de plus de trois jours sont supprimées.',
    'errorLog.pages': 'Pages d’erreurs',
    'errorLog.newer': 'Erreurs plus récentes',
    'errorLog.older': 'Erreurs plus anciennes',
    'errorLog.source.directlink': 'DirectLink',
    'errorLog.source.eterminal': 'e-Terminal',
    'errorLog.source.ecommerce': 'e-Commerce',
    'errorLog.source.batch': 'Batch (envoi de fichiers)',
    'errorLog.source.subscription': 'Subscription Manager',
  },
});
