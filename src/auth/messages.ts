import { defineMessages } from '../i18n/define.ts';

export const authMessages = defineMessages({
  en: {
    'login.title.test': 'TEST login',
    'login.title.prod': 'Production login',
    'login.intro': 'Log in to your payment account.',
    'login.prodIntro':
      'PRODUCTION accounts are opened from a TEST account. A new installation has only the demo TEST account DEMO: log in to TEST first.',
    'login.pspidForm': 'Log in with your PSPID',
    'login.pspidFormHint': "For the account's default administrator, whose USERID is the PSPID.",
    'login.userForm': 'Log in as a user',
    'login.userFormHint': 'For a named user of an account that has several users.',
    'login.pspid': 'PSPID',
    'login.userid': 'USERID',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.failed': 'The login details are not correct, or this user cannot log in at the moment. Check them and try again.',
    'login.pspidRequired': 'Enter your PSPID.',
    'login.useridRequired': 'Enter your USERID.',
    'login.passwordRequired': 'Enter your password.',
    'login.switch.toProd': 'Go to the Production login',
    'login.switch.toTest': 'Go to the TEST login',
    'login.sessionEnded': 'Your session has ended. Log in again to continue where you were.',
    'login.loggedOut': 'You have logged out.',
    'login.languageLegend': 'Language of the back office',
    'login.tooManyFromAddress': {
      one: 'Too many failed login attempts from your network. Wait {count} minute and try again.',
      other: 'Too many failed login attempts from your network. Wait {count} minutes and try again.',
    },
    'login.tooManyEverywhere': {
      one: 'Too many failed login attempts on Guichet right now. Wait {count} minute and try again. A browser you have already logged in with is not held back.',
      other:
        'Too many failed login attempts on Guichet right now. Wait {count} minutes and try again. A browser you have already logged in with is not held back.',
    },
  },
  fr: {
    'login.title.test': 'Identification TEST',
    'login.title.prod': 'Identification Production',
    'login.intro': 'Connectez-vous à votre compte de paiement.',
    'login.prodIntro':
      'Les comptes PRODUCTION s’ouvrent depuis un compte TEST. Une nouvelle installation n’a que le compte TEST de démonstration DEMO : connectez-vous d’abord en TEST.',
    'login.pspidForm': 'Connexion avec votre PSPID',
    'login.pspidFormHint': 'Pour l’administrateur par défaut du compte, dont le USERID est le PSPID.',
    'login.userForm': 'Connexion en tant qu’utilisateur',
    'login.userFormHint': 'Pour un utilisateur nommé d’un compte qui en compte plusieurs.',
    'login.pspid': 'PSPID',
    'login.userid': 'USERID',
    'login.password': 'Mot de passe',
    'login.submit': 'Se connecter',
    'login.failed':
      'Les données de connexion sont incorrectes, ou cet utilisateur ne peut pas se connecter pour l’instant. Vérifiez-les et réessayez.',
    'login.pspidRequired': 'Saisissez votre PSPID.',
    'login.useridRequired': 'Saisissez votre USERID.',
    'login.passwordRequired': 'Saisissez votre mot de passe.',
    'login.switch.toProd': 'Aller à la connexion Production',
    'login.switch.toTest': 'Aller à la connexion TEST',
    'login.sessionEnded': 'Votre session est terminée. Reconnectez-vous pour reprendre là où vous étiez.',
    'login.loggedOut': 'Vous êtes déconnecté.',
    'login.languageLegend': 'Langue du back-office',
    'login.tooManyFromAddress': {
      one: 'Trop de tentatives de connexion échouées depuis votre réseau. Attendez {count} minute et réessayez.',
      other: 'Trop de tentatives de connexion échouées depuis votre réseau. Attendez {count} minutes et réessayez.',
    },
    'login.tooManyEverywhere': {
      one: 'Trop de tentatives de connexion échouées sur Guichet en ce moment. Attendez {count} minute et réessayez. Un navigateur avec lequel vous vous êtes déjà connecté n’est pas retenu.',
      other:
        'Trop de tentatives de connexion échouées sur Guichet en ce moment. Attendez {count} minutes et réessayez. Un navigateur avec lequel vous vous êtes déjà connecté n’est pas retenu.',
    },
  },
});
