import { defineMessages } from '../i18n/define.ts';

/**
 * R1 Support's short UI texts: titles, navigation, the version, contact and profiles pages. The
 * user manual's and the FAQ's prose live in views/support/content/ (one file per language).
 */
export const supportMessages = defineMessages({
  en: {
    'support.title': 'Support',
    'support.intro': 'Help with the back office: how each part works, answers to common questions, and how to reach us.',
    'support.breadcrumb': 'Breadcrumb',
    'support.manuals.title': 'User manual',
    'support.manuals.toc': 'Contents',
    'support.manuals.description':
      'How to log in, the TEST and PRODUCTION environments, sessions, language, the Home page, your password, two-factor authentication, users, the audit log, the error logs and cookie settings.',
    'support.faq.title': 'Frequently asked questions',
    'support.faq.description':
      'Short answers about environments, login errors, locked users, passwords, two-factor authentication, sessions and cookies.',
    'support.version.title': 'Platform version',
    'support.version.description': 'The versions of Guichet and of the software it runs on, to quote when you report a problem.',
    'support.contact.title': 'Contact',
    'support.contact.description': 'How to reach the support team, and what to put in your request.',

    'support.profiles.title': 'Profiles and rights',
    'support.profiles.description': 'What each user profile may see and do.',
    'support.profiles.intro':
      'Every user has one profile. The table shows, for each profile, the rights it gives; they are checked on every page and every action, not only in the menu.',
    'support.profiles.own': 'Your profile: {profile}.',
    'support.profiles.caption': 'Rights of each profile',
    'support.profiles.right': 'Right',
    'support.profiles.yes': 'Yes',
    'support.profiles.no': 'No',
    'support.profiles.rules':
      'An administrator can give only profiles whose rights they hold themselves, and an account always keeps at least one active Admin. API users never log in to the back office, whatever their profile.',
    'permission.home:view': 'See the home page',
    'permission.support:view': 'Read the support pages',
    'permission.password:change': 'Change one’s own password',
    'permission.otp:manage': 'Set up one’s own two-factor authentication',
    'permission.users:view': 'See the account’s users',
    'permission.users:manage': 'Create, edit, deactivate and unlock users (User Manager)',
    'permission.api_users:set_password': 'Set the password of API users',
    'permission.account:security': 'Change the account’s security settings',
    'permission.account:view': 'See the account’s configuration (Account)',
    'permission.account:manage': 'Change the account’s configuration (Account)',
    'permission.account:create_production': 'Create the PRODUCTION account from the TEST account',
    'permission.audit:view': 'Read and download the audit log',
    'permission.error_logs:view': 'Read the error log (Configuration > Error logs)',
    'permission.payments:create': 'Enter new payments (Operations > New transaction, with the e-Terminal option)',
    'permission.payments:view':
      'View the account’s payments: search the transactions and read their details, and the financial history (Operations > View transactions, Financial history; only their own with “scope limited to own transactions”)',

    'support.version.intro': 'Quote these details when you report a problem to support.',
    'support.version.guichet': 'Guichet version',
    'support.version.build': 'Build',
    'support.version.htmx': 'htmx version',
    'support.version.node': 'Node.js version',
    'support.version.environment': 'Environment',

    'support.contact.intro': 'For help with the back office or with your account, contact the support team.',
    'support.contact.email': 'E-mail',
    'support.contact.phone': 'Phone',
    'support.contact.include.title': 'What to include in your request',
    'support.contact.include.ids': 'Your PSPID ({pspid}) and your USERID ({userid})',
    'support.contact.include.environment': 'The environment: {env}',
    'support.contact.include.time': 'The date and time of the problem, with your time zone ({zone})',
    'support.contact.include.steps': 'What you did, what you expected, and what happened instead',
    'support.contact.include.reference': 'The reference shown on the error page, if you saw one',
    'support.contact.never.title': 'What never to send',
    'support.contact.never.intro':
      'Never send the following, by e-mail, by phone or in any other way. Support will never ask you for them.',
    'support.contact.never.password': 'Passwords',
    'support.contact.never.card': 'Full card numbers',
    'support.contact.never.cvc': 'Card verification codes (CVC)',
    'support.contact.never.otp': 'One-time codes',
  },
  fr: {
    'support.title': 'Support',
    'support.intro':
      'De l’aide sur le back-office : le fonctionnement de chaque partie, les réponses aux questions fréquentes et la manière de nous joindre.',
    'support.breadcrumb': 'Fil d’Ariane',
    'support.manuals.title': 'Manuel d’utilisation',
    'support.manuals.toc': 'Sommaire',
    'support.manuals.description':
      'La connexion, les environnements TEST et PRODUCTION, les sessions, la langue, la page d’accueil, votre mot de passe, l’authentification à deux facteurs, les utilisateurs, le journal d’audit, les journaux d’erreur et les paramètres des cookies.',
    'support.faq.title': 'Foire aux questions (FAQ)',
    'support.faq.description':
      'Des réponses courtes sur les environnements, les erreurs de connexion, les utilisateurs bloqués, les mots de passe, l’authentification à deux facteurs, les sessions et les cookies.',
    'support.version.title': 'Version de la plate-forme',
    'support.version.description':
      'Les versions de Guichet et des logiciels sur lesquels il repose, à indiquer lorsque vous signalez un problème.',
    'support.contact.title': 'Contact',
    'support.contact.description': 'Comment joindre l’équipe support, et ce qu’il faut indiquer dans votre demande.',

    'support.profiles.title': 'Profils et droits',
    'support.profiles.description': 'Ce que chaque profil utilisateur peut voir et faire.',
    'support.profiles.intro':
      'Chaque utilisateur a un profil. Le tableau montre, pour chaque profil, les droits qu’il donne ; ils sont vérifiés sur chaque page et chaque action, pas seulement dans le menu.',
    'support.profiles.own': 'Votre profil : {profile}.',
    'support.profiles.caption': 'Droits de chaque profil',
    'support.profiles.right': 'Droit',
    'support.profiles.yes': 'Oui',
    'support.profiles.no': 'Non',
    'support.profiles.rules':
      'Un administrateur ne peut attribuer que des profils dont il détient lui-même les droits, et un compte garde toujours au moins un Admin actif. Les utilisateurs API ne se connectent jamais au back-office, quel que soit leur profil.',
    'permission.home:view': 'Voir la page d’accueil',
    'permission.support:view': 'Lire les pages de support',
    'permission.password:change': 'Changer son propre mot de passe',
    'permission.otp:manage': 'Configurer sa propre authentification à deux facteurs',
    'permission.users:view': 'Voir les utilisateurs du compte',
    'permission.users:manage': 'Créer, modifier, désactiver et débloquer des utilisateurs (gestion des utilisateurs)',
    'permission.api_users:set_password': 'Définir le mot de passe des utilisateurs API',
    'permission.account:security': 'Modifier les réglages de sécurité du compte',
    'permission.account:view': 'Voir la configuration du compte (Compte)',
    'permission.account:manage': 'Modifier la configuration du compte (Compte)',
    'permission.account:create_production': 'Créer le compte PRODUCTION à partir du compte TEST',
    'permission.audit:view': 'Lire et télécharger le journal d’audit',
    'permission.error_logs:view': 'Lire les journaux d’erreur (Configuration > Journaux d’erreur)',
    'permission.payments:create': 'Saisir de nouveaux paiements (Opérations > Nouvelle transaction, avec l’option e-Terminal)',
    'permission.payments:view':
      'Consulter les paiements du compte : rechercher les transactions et en lire le détail, et l’historique financier (Opérations > Voir les transactions, Historique financier ; seulement les siens avec « portée limitée à ses propres transactions »)',

    'support.version.intro': 'Indiquez ces informations lorsque vous signalez un problème au support.',
    'support.version.guichet': 'Version de Guichet',
    'support.version.build': 'Build',
    'support.version.htmx': 'Version d’htmx',
    'support.version.node': 'Version de Node.js',
    'support.version.environment': 'Environnement',

    'support.contact.intro': 'Pour toute aide sur le back-office ou sur votre compte, contactez l’équipe support.',
    'support.contact.email': 'E-mail',
    'support.contact.phone': 'Téléphone',
    'support.contact.include.title': 'Ce que votre demande doit contenir',
    'support.contact.include.ids': 'Votre PSPID ({pspid}) et votre USERID ({userid})',
    'support.contact.include.environment': 'L’environnement : {env}',
    'support.contact.include.time': 'La date et l’heure du problème, avec votre fuseau horaire ({zone})',
    'support.contact.include.steps': 'Ce que vous avez fait, ce que vous attendiez et ce qui s’est passé',
    'support.contact.include.reference': 'La référence affichée sur la page d’erreur, si vous en avez vu une',
    'support.contact.never.title': 'Ce qu’il ne faut jamais envoyer',
    'support.contact.never.intro':
      'N’envoyez jamais les éléments suivants, ni par e-mail, ni par téléphone, ni d’aucune autre manière. Le support ne vous les demandera jamais.',
    'support.contact.never.password': 'Les mots de passe',
    'support.contact.never.card': 'Les numéros de carte complets',
    'support.contact.never.cvc': 'Les cryptogrammes visuels (CVC)',
    'support.contact.never.otp': 'Les codes à usage unique',
  },
});
