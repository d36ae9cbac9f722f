import { defineMessages } from '../i18n/define.ts';

export const otpMessages = defineMessages({
  en: {
    'otp.title': 'One-time password configuration',
    'otp.intro': 'Two-factor authentication asks for a code from an app on your phone after your password, each time you log in.',
    'otp.statusOn': 'Two-factor authentication is on for your user since {date}.',
    'otp.statusOff': 'Two-factor authentication is off for your user.',
    'otp.requiredNotice': 'Your account requires two-factor authentication for every user. Set it up to continue.',
    'otp.setupTitle': 'Set up two-factor authentication',
    'otp.setupIntro':
      'You need an authenticator app on your phone. The button makes a QR code for it, which can be used for {minutes} minutes.',
    'otp.setupStart': 'Set up two-factor authentication',
    'otp.setupAgain': 'Make a new QR code',
    'otp.step1':
      'Open an authenticator app (Google Authenticator, Microsoft Authenticator or any app for time-based codes) and scan this QR code.',
    'otp.qrAlt': 'QR code for your authenticator app. If you cannot scan it, type the key shown below it.',
    'otp.secretLabel': 'Or type this key in the app',
    'otp.uriLabel': 'Setup link (otpauth URI) for apps and password managers',
    'otp.step2': 'Enter the 6-digit code the app shows, and your password, to confirm.',
    'otp.newestOnly':
      'Only the newest QR code works, for {minutes} minutes after it was made. If you lost it, make a new one (the old one stops working).',
    'otp.code': 'Code from the app',
    'otp.codeHint': '6 digits. Spaces are allowed.',
    'otp.password': 'Your password',
    'otp.activate': 'Switch on two-factor authentication',
    'otp.deactivateTitle': 'Switch off two-factor authentication',
    'otp.deactivateIntro':
      'Enter a current code from your app, or one of your recovery codes if you lost your phone, and your password.',
    'otp.deactivate': 'Switch off two-factor authentication',
    'otp.codeOrRecoveryLabel': 'Code from the app, or a recovery code',
    'otp.codeOrRecoveryHint': '6 digits from your app, or one of your recovery codes (xxxx-xxxx-xxxx-xxxx).',
    'otp.recoveryTitle': 'Recovery codes',
    'otp.recoveryIntro':
      'If you lose your phone, a recovery code replaces the app’s code at login, once. Making new codes cancels the old ones.',
    'otp.recoveryRemaining': 'Unused recovery codes: {count}.',
    'otp.recoveryRegenerate': 'Make new recovery codes',
    'otp.codesTitle': 'Your recovery codes',
    'otp.codesIntro':
      'Keep these codes somewhere safe, away from your phone. Each works once, instead of a code from the app. They are shown only now.',
    'otp.codesDownload': 'Download the codes as a text file',
    'otp.codesFileHeader': 'Guichet recovery codes for {userid} on {pspid}. Each code works once.',
    'otp.codesDone': 'I have kept my codes: back to the one-time password page',
    'otp.activated': 'Two-factor authentication is on.',
    'otp.deactivated': 'Two-factor authentication is off.',
    'otp.alreadyActive': 'Two-factor authentication is already on.',
    'otp.notActive': 'Two-factor authentication is off: there are no recovery codes.',
    'otp.pendingExpired': 'This QR code expired after {minutes} minutes. Make a new one with the button below, then scan it.',
    'otp.codeRequired': 'Enter the 6-digit code from your app.',
    'otp.codeMalformed': 'Enter the 6 digits shown in your app, without letters.',
    'otp.codeOrRecoveryCode': 'Enter the 6-digit code from your app or one of your recovery codes.',
    'otp.codeWrong': 'This code is not correct or was already used. Wait for the next code in your app and enter it.',
    'otp.recoveryCodeWrong': 'This recovery code is not correct or was already used. Check it, or try another one.',
    'otp.passwordRequired': 'Enter your password.',
    'otp.codeOrPasswordWrong':
      'The code or the password is not correct, or your user is locked after too many attempts. Wait for the next code in your app and try again.',
    'otp.recoveryCodeOrPasswordWrong':
      'The recovery code or the password is not correct, the code was already used, or your user is locked after too many attempts.',
    'otp.requiredByAccount': 'Your account requires two-factor authentication: it cannot be turned off.',
    'otp.tooManyFailures': 'Too many wrong codes. Log in again with your password.',
    'otp.login.title': 'Enter your code',
    'otp.login.intro': 'Your password is correct. Enter the code from your authenticator app to finish logging in.',
    'otp.login.submit': 'Log in',
    'otp.login.cancel': 'Cancel and log out',
    'otp.requiredSetting': 'Two-factor authentication for the whole account',
    'otp.requiredSettingHint':
      'When it is required, every user without two-factor authentication is taken to the setup page at their next login, or at their next page if already logged in, and can do nothing else until it is on. Users can then no longer switch it off.',
    'otp.requiredUsersWithout': {
      one: '{count} other active user of {pspid} has not set it up yet.',
      other: '{count} other active users of {pspid} have not set it up yet.',
    },
    'otp.requiredUsersAllSet': 'Every other active user of {pspid} has set it up already.',
    'otp.requiredOwnFirstHint':
      'Set up your own two-factor authentication above first: the account cannot require it before you have it.',
    'otp.requiredOwnFirst':
      'Set up your own two-factor authentication first: once it is required, you could reach nothing but its setup.',
    'otp.requiredCheckbox': 'Require two-factor authentication for every user of {pspid}',
    'otp.requiredSave': 'Save the account setting',
    'otp.requiredOn': 'Two-factor authentication is now required for every user.',
    'otp.requiredOff': 'Two-factor authentication is no longer required.',
  },
  fr: {
    'otp.title': 'Configuration d’un mot de passe unique',
    'otp.intro':
      'L’authentification à deux facteurs demande, à chaque connexion, un code d’une application de votre téléphone en plus de votre mot de passe.',
    'otp.statusOn': 'L’authentification à deux facteurs est active pour votre utilisateur depuis le {date}.',
    'otp.statusOff': 'L’authentification à deux facteurs n’est pas active pour votre utilisateur.',
    'otp.requiredNotice':
      'Votre compte exige l’authentification à deux facteurs pour chaque utilisateur. Activez-la pour continuer.',
    'otp.setupTitle': 'Configurer l’authentification à deux facteurs',
    'otp.setupIntro':
      'Il vous faut une application d’authentification sur votre téléphone. Le bouton crée pour elle un code QR, utilisable pendant {minutes} minutes.',
    'otp.setupStart': 'Configurer l’authentification à deux facteurs',
    'otp.setupAgain': 'Créer un nouveau code QR',
    'otp.step1':
      'Ouvrez une application d’authentification (Google Authenticator, Microsoft Authenticator ou toute application de codes temporels) et scannez ce code QR.',
    'otp.qrAlt':
      'Code QR pour votre application d’authentification. Si vous ne pouvez pas le scanner, saisissez la clé affichée en dessous.',
    'otp.secretLabel': 'Ou saisissez cette clé dans l’application',
    'otp.uriLabel': 'Lien de configuration (URI otpauth) pour les applications et gestionnaires de mots de passe',
    'otp.step2': 'Saisissez le code à 6 chiffres affiché par l’application, ainsi que votre mot de passe, pour confirmer.',
    'otp.newestOnly':
      'Seul le code QR le plus récent fonctionne, pendant {minutes} minutes après sa création. Si vous l’avez perdu, créez-en un nouveau (l’ancien cesse de fonctionner).',
    'otp.code': 'Code de l’application',
    'otp.codeHint': '6 chiffres. Les espaces sont acceptés.',
    'otp.password': 'Votre mot de passe',
    'otp.activate': 'Activer l’authentification à deux facteurs',
    'otp.deactivateTitle': 'Désactiver l’authentification à deux facteurs',
    'otp.deactivateIntro':
      'Saisissez un code actuel de votre application, ou l’un de vos codes de secours si vous avez perdu votre téléphone, et votre mot de passe.',
    'otp.deactivate': 'Désactiver l’authentification à deux facteurs',
    'otp.codeOrRecoveryLabel': 'Code de l’application, ou code de secours',
    'otp.codeOrRecoveryHint': '6 chiffres de votre application, ou l’un de vos codes de secours (xxxx-xxxx-xxxx-xxxx).',
    'otp.recoveryTitle': 'Codes de secours',
    'otp.recoveryIntro':
      'Si vous perdez votre téléphone, un code de secours remplace une fois le code de l’application à la connexion. En créer de nouveaux annule les anciens.',
    'otp.recoveryRemaining': 'Codes de secours inutilisés : {count}.',
    'otp.recoveryRegenerate': 'Créer de nouveaux codes de secours',
    'otp.codesTitle': 'Vos codes de secours',
    'otp.codesIntro':
      'Conservez ces codes en lieu sûr, loin de votre téléphone. Chacun fonctionne une fois, à la place d’un code de l’application. Ils ne sont affichés que maintenant.',
    'otp.codesDownload': 'Télécharger les codes dans un fichier texte',
    'otp.codesFileHeader': 'Codes de secours Guichet pour {userid} sur {pspid}. Chaque code fonctionne une fois.',
    'otp.codesDone': 'J’ai conservé mes codes : retour à la page du mot de passe unique',
    'otp.activated': 'L’authentification à deux facteurs est active.',
    'otp.deactivated': 'L’authentification à deux facteurs est désactivée.',
    'otp.alreadyActive': 'L’authentification à deux facteurs est déjà active.',
    'otp.notActive': 'L’authentification à deux facteurs n’est pas active : il n’y a pas de codes de secours.',
    'otp.pendingExpired':
      'Ce code QR a expiré après {minutes} minutes. Créez-en un nouveau avec le bouton ci-dessous, puis scannez-le.',
    'otp.codeRequired': 'Saisissez le code à 6 chiffres de votre application.',
    'otp.codeMalformed': 'Saisissez les 6 chiffres affichés dans votre application, sans lettres.',
    'otp.codeOrRecoveryCode': 'Saisissez le code à 6 chiffres de votre application ou l’un de vos codes de secours.',
    'otp.codeWrong':
      'Ce code n’est pas correct ou a déjà été utilisé. Attendez le code suivant dans votre application et saisissez-le.',
    'otp.recoveryCodeWrong': 'Ce code de secours n’est pas correct ou a déjà été utilisé. Vérifiez-le, ou essayez-en un autre.',
    'otp.passwordRequired': 'Saisissez votre mot de passe.',
    'otp.codeOrPasswordWrong':
      'Le code ou le mot de passe n’est pas correct, ou votre utilisateur est bloqué après trop d’essais. Attendez le code suivant dans votre application et réessayez.',
    'otp.recoveryCodeOrPasswordWrong':
      'Le code de secours ou le mot de passe n’est pas correct, le code a déjà été utilisé, ou votre utilisateur est bloqué après trop d’essais.',
    'otp.requiredByAccount': 'Votre compte exige l’authentification à deux facteurs : elle ne peut pas être désactivée.',
    'otp.tooManyFailures': 'Trop de codes erronés. Reconnectez-vous avec votre mot de passe.',
    'otp.login.title': 'Saisissez votre code',
    'otp.login.intro':
      'Votre mot de passe est correct. Saisissez le code de votre application d’authentification pour terminer la connexion.',
    'otp.login.submit': 'Se connecter',
    'otp.login.cancel': 'Annuler et se déconnecter',
    'otp.requiredSetting': 'Authentification à deux facteurs pour tout le compte',
    'otp.requiredSettingHint':
      'Lorsqu’elle est exigée, chaque utilisateur qui ne l’a pas est conduit sur la page de configuration à sa prochaine connexion, ou à sa prochaine page s’il est déjà connecté, et ne peut rien faire d’autre avant de l’avoir activée. Les utilisateurs ne peuvent alors plus la désactiver.',
    'otp.requiredUsersWithout': {
      one: '{count} autre utilisateur actif de {pspid} ne l’a pas encore configurée.',
      other: '{count} autres utilisateurs actifs de {pspid} ne l’ont pas encore configurée.',
    },
    'otp.requiredUsersAllSet': 'Tous les autres utilisateurs actifs de {pspid} l’ont déjà configurée.',
    'otp.requiredOwnFirstHint':
      'Configurez d’abord votre propre authentification à deux facteurs ci-dessus : le compte ne peut pas l’exiger avant que vous l’ayez.',
    'otp.requiredOwnFirst':
      'Configurez d’abord votre propre authentification à deux facteurs : une fois exigée, vous ne pourriez plus rien faire d’autre que la configurer.',
    'otp.requiredCheckbox': 'Exiger l’authentification à deux facteurs pour chaque utilisateur de {pspid}',
    'otp.requiredSave': 'Enregistrer le réglage du compte',
    'otp.requiredOn': 'L’authentification à deux facteurs est désormais exigée pour chaque utilisateur.',
    'otp.requiredOff': 'L’authentification à deux facteurs n’est plus exigée.',
  },
});
