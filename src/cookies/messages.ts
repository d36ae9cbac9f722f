import { defineMessages } from '../i18n/define.ts';

/** T1 Cookie settings. */
export const cookieMessages = defineMessages({
  en: {
    'cookies.title': 'Cookie settings',
    'cookies.intro':
      'Cookies are small files that a website stores in your browser. This page explains the cookie levels, lets you choose yours and lists every cookie Guichet sets.',
    'cookies.honest.title': 'What your choice changes',
    'cookies.honest.body':
      'Guichet sets only functional cookies, whatever level you choose. It has no analytics cookies and no social media or personalisation cookies, so choosing a level changes no cookie today. Your choice is still remembered in this browser for one year.',
    'cookies.form.title': 'Your cookie level',
    'cookies.form.legend': 'Cookies you accept',
    'cookies.level.functional': 'Functional',
    'cookies.level.functional.hint':
      'Only the cookies the site needs to work, for example to keep you signed in. Functional cookies are always on, at every level, and cannot be switched off.',
    'cookies.level.optimised': 'Optimised',
    'cookies.level.optimised.hint':
      'Functional cookies, plus cookies that analyse how the site is used in order to improve it. This is the default level.',
    'cookies.level.personalised': 'Personalised',
    'cookies.level.personalised.hint':
      'Functional and optimisation cookies, plus cookies for social media and advanced personalisation.',
    'cookies.current.saved': 'Your saved level: {level}.',
    'cookies.current.default': 'You have not chosen a level yet, so the default level applies: {level}.',
    'cookies.submit': 'Save my choice',
    'cookies.saved': 'Your cookie settings have been saved.',
    'cookies.levelInvalid': 'Choose Functional, Optimised or Personalised.',
    'cookies.list.title': 'Cookies Guichet sets',
    'cookies.list.intro': 'Every cookie below is functional. They are sent only to this site and cannot be read by scripts.',
    'cookies.list.caption': 'Cookies set by Guichet, with their purpose and lifetime',
    'cookies.list.name': 'Cookie',
    'cookies.list.purpose': 'Purpose',
    'cookies.list.lifetime': 'Lifetime',
    'cookies.purpose.sessionTest': 'Keeps you signed in to the TEST environment. Deleted when you log out.',
    'cookies.purpose.sessionProd': 'Keeps you signed in to the PRODUCTION environment. Deleted when you log out.',
    'cookies.purpose.csrf':
      'Protects the forms you send before you log in, such as the login form, against being sent from another site.',
    'cookies.purpose.language':
      'Remembers the language you chose with the language switch, for the pages you see before you log in.',
    'cookies.purpose.flash': 'Carries a confirmation message, such as “You have logged out.”, to the next page.',
    'cookies.purpose.form':
      'Keeps the problems of a form that was refused, and what you typed in it (never a password), encrypted, so that the page shows them again after a reload or Back.',
    'cookies.purpose.consent': 'Remembers the cookie level you choose on this page.',
    'cookies.purpose.device':
      'Recognises this browser as one you have logged in with, so that failed logins from elsewhere cannot lock you out of it. Holds a signed code, not your name or password.',
    'cookies.lifetime.browser': 'Until you close the browser',
    'cookies.lifetime.year': '1 year',
    'cookies.lifetime.minute': '60 seconds',
    'cookies.lifetime.tenMinutes': '10 minutes',
  },
  fr: {
    'cookies.title': 'Paramètres des cookies',
    'cookies.intro':
      'Les cookies sont de petits fichiers qu’un site web enregistre dans votre navigateur. Cette page explique les niveaux de cookies, vous permet de choisir le vôtre et présente chaque cookie déposé par Guichet.',
    'cookies.honest.title': 'Ce que change votre choix',
    'cookies.honest.body':
      'Guichet ne dépose que des cookies fonctionnels, quel que soit le niveau choisi. Il n’a aucun cookie d’analyse, ni aucun cookie de réseaux sociaux ou de personnalisation : choisir un niveau ne change donc aucun cookie aujourd’hui. Votre choix est néanmoins mémorisé dans ce navigateur pendant un an.',
    'cookies.form.title': 'Votre niveau de cookies',
    'cookies.form.legend': 'Cookies que vous acceptez',
    'cookies.level.functional': 'Fonctionnels',
    'cookies.level.functional.hint':
      'Uniquement les cookies nécessaires au fonctionnement du site, par exemple pour vous garder connecté. Les cookies fonctionnels sont toujours actifs, à tous les niveaux, et ne peuvent pas être désactivés.',
    'cookies.level.optimised': 'Optimisés',
    'cookies.level.optimised.hint':
      'Les cookies fonctionnels, ainsi que des cookies qui analysent l’utilisation du site afin de l’améliorer. C’est le niveau par défaut.',
    'cookies.level.personalised': 'Personnalisés',
    'cookies.level.personalised.hint':
      'Les cookies fonctionnels et d’optimisation, ainsi que des cookies utilisés pour les médias sociaux et la personnalisation avancée.',
    'cookies.current.saved': 'Votre niveau enregistré : {level}.',
    'cookies.current.default': 'Vous n’avez pas encore choisi de niveau : le niveau par défaut s’applique ({level}).',
    'cookies.submit': 'Enregistrer mon choix',
    'cookies.saved': 'Vos paramètres de cookies ont été enregistrés.',
    'cookies.levelInvalid': 'Choisissez Fonctionnels, Optimisés ou Personnalisés.',
    'cookies.list.title': 'Cookies déposés par Guichet',
    'cookies.list.intro':
      'Tous les cookies ci-dessous sont fonctionnels. Ils ne sont envoyés qu’à ce site et ne peuvent pas être lus par des scripts.',
    'cookies.list.caption': 'Cookies déposés par Guichet, avec leur finalité et leur durée de vie',
    'cookies.list.name': 'Cookie',
    'cookies.list.purpose': 'Finalité',
    'cookies.list.lifetime': 'Durée de vie',
    'cookies.purpose.sessionTest': 'Vous garde connecté à l’environnement TEST. Supprimé lorsque vous vous déconnectez.',
    'cookies.purpose.sessionProd': 'Vous garde connecté à l’environnement PRODUCTION. Supprimé lorsque vous vous déconnectez.',
    'cookies.purpose.csrf':
      'Protège les formulaires que vous envoyez avant la connexion, comme le formulaire d’identification, contre un envoi depuis un autre site.',
    'cookies.purpose.language':
      'Mémorise la langue choisie avec le sélecteur de langue, pour les pages affichées avant la connexion.',
    'cookies.purpose.flash': 'Transmet un message de confirmation, comme « Vous êtes déconnecté. », à la page suivante.',
    'cookies.purpose.form':
      'Conserve, chiffrés, les problèmes d’un formulaire refusé et ce que vous y avez saisi (jamais un mot de passe), pour que la page les montre encore après un rechargement ou un retour arrière.',
    'cookies.purpose.consent': 'Mémorise le niveau de cookies que vous choisissez sur cette page.',
    'cookies.purpose.device':
      'Reconnaît ce navigateur comme un de ceux avec lesquels vous vous êtes connecté, pour que des échecs de connexion venus d’ailleurs ne puissent pas vous y bloquer. Contient un code signé, ni votre nom ni votre mot de passe.',
    'cookies.lifetime.browser': 'Jusqu’à la fermeture du navigateur',
    'cookies.lifetime.year': '1 an',
    'cookies.lifetime.minute': '60 secondes',
    'cookies.lifetime.tenMinutes': '10 minutes',
  },
});
