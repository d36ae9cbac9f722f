import { defineMessages } from '../i18n/define.ts';

export const homeMessages = defineMessages({
  en: {
    'home.title': 'Home',
    'home.welcome': 'Welcome, {name}',
    'home.attention': 'Needs your attention',
    'home.failedSinceOne':
      'There was 1 failed login attempt on your user since your previous login. If it was not yours, change your password and tell your administrator.',
    'home.failedSince':
      'There were {count} failed login attempts on your user since your previous login. If they were not yours, change your password and tell your administrator.',
    'home.nothing': 'Nothing needs your attention at the moment.',
    'home.otpOff':
      'Two-factor authentication is not set up for your user: a code from your phone would protect your account even if your password leaked.',
    'home.otpSetUp': 'Set up two-factor authentication',
    'home.account': 'Your account',
    'home.pspid': 'PSPID',
    'home.company': 'Company name',
    'home.tradeName': 'Trade name',
    'home.environment': 'Environment',
    'home.timeZone': 'Time zone',
    'home.you': 'Your user',
    'home.userid': 'USERID',
    'home.profile': 'Profile',
    'home.previousLogin': 'Previous login',
    'home.firstLogin': 'This is your first login.',
    'home.help': 'Need help? The Support pages explain each part of the back office.',
    'profile.admin': 'Admin',
    'profile.admin_no_user_manager': 'Admin without user manager',
    'profile.super_encoder': 'Super-encoder',
    'profile.encoder': 'Encoder',
    'profile.viewer': 'Viewer',
  },
  fr: {
    'home.title': 'Accueil',
    'home.welcome': 'Bienvenue, {name}',
    'home.attention': 'À traiter',
    'home.failedSinceOne':
      'Il y a eu 1 tentative de connexion échouée sur votre utilisateur depuis votre connexion précédente. Si ce n’était pas vous, changez votre mot de passe et prévenez votre administrateur.',
    'home.failedSince':
      'Il y a eu {count} tentatives de connexion échouées sur votre utilisateur depuis votre connexion précédente. Si ce n’était pas vous, changez votre mot de passe et prévenez votre administrateur.',
    'home.nothing': 'Rien ne demande votre attention pour l’instant.',
    'home.otpOff':
      'L’authentification à deux facteurs n’est pas configurée pour votre utilisateur : un code de votre téléphone protégerait votre compte même si votre mot de passe était divulgué.',
    'home.otpSetUp': 'Configurer l’authentification à deux facteurs',
    'home.account': 'Votre compte',
    'home.pspid': 'PSPID',
    'home.company': 'Raison sociale',
    'home.tradeName': 'Nom commercial',
    'home.environment': 'Environnement',
    'home.timeZone': 'Fuseau horaire',
    'home.you': 'Votre utilisateur',
    'home.userid': 'USERID',
    'home.profile': 'Profil',
    'home.previousLogin': 'Connexion précédente',
    'home.firstLogin': 'C’est votre première connexion.',
    'home.help': 'Besoin d’aide ? Les pages Support expliquent chaque partie du back-office.',
    'profile.admin': 'Admin',
    'profile.admin_no_user_manager': 'Admin sans gestion des utilisateurs',
    'profile.super_encoder': 'Super-encodeur',
    'profile.encoder': 'Encodeur',
    'profile.viewer': 'Lecteur',
  },
});
