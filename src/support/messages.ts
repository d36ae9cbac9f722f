import { defineMessages } from '../i18n/define.ts';

/** R1 Support: index, user manual, FAQ, platform version, contact. */
export const supportMessages = defineMessages({
  en: {
    'support.title': 'Support',
    'support.intro': 'Help with the back office: how each part works, answers to common questions, and how to reach us.',
    'support.breadcrumb': 'Breadcrumb',
    'support.manuals.title': 'User manual',
    'support.manuals.description':
      'How to log in, the TEST and PRODUCTION environments, sessions, language, the Home page, your password, two-factor authentication, users, the audit log and cookie settings.',
    'support.faq.title': 'Frequently asked questions',
    'support.faq.description':
      'Short answers about environments, login errors, locked users, passwords, two-factor authentication, sessions and cookies.',
    'support.version.title': 'Platform version',
    'support.version.description': 'The versions of Guichet and of the software it runs on, to quote when you report a problem.',
    'support.contact.title': 'Contact',
    'support.contact.description': 'How to reach the support team, and what to put in your request.',

    'support.manuals.intro': 'This manual explains each part of the back office that exists today.',
    'support.manuals.toc': 'Contents',
    'support.manuals.login.title': 'Logging in',
    'support.manuals.login.intro': 'The login page has two forms. Use the one that matches the login details you were given.',
    'support.manuals.login.pspid':
      '“{form}”: enter your PSPID and your password. You are logged in as the default administrator of the account, whose USERID is the same as the PSPID.',
    'support.manuals.login.user':
      '“{form}”: enter your USERID, the PSPID of the account and your password. You are logged in as that named user of the account.',
    'support.manuals.login.error':
      'If something is wrong, one message says that the login failed, without saying which part was wrong. After {max} failed logins in a row, your user is locked for {minutes} minutes.',
    'support.manuals.login.next':
      'If you opened a page of the back office while you were signed out, you are taken back to it once you have logged in; otherwise you arrive on the Home page.',
    'support.manuals.login.faqLink': 'Questions about login errors and locked users',
    'support.manuals.environments.title': 'TEST and PRODUCTION',
    'support.manuals.environments.separate':
      'Guichet has two environments: TEST, to try things out, and PRODUCTION, for real payments. Each has its own accounts, users and data; nothing you do in one changes the other.',
    'support.manuals.environments.paths':
      'Addresses that start with /test belong to TEST, those that start with /prod to PRODUCTION. The badge at the top of every page shows the environment you are in.',
    'support.manuals.environments.login':
      'Each environment has its own login page, whose title says which one it is, with a link to the login page of the other. You log in to each environment separately.',
    'support.manuals.sessions.title': 'Sessions and time limits',
    'support.manuals.sessions.intro': 'Once you have logged in, you stay signed in while you work, within two limits:',
    'support.manuals.sessions.idle': 'after {minutes} minutes without activity, your session ends;',
    'support.manuals.sessions.absolute': 'after {hours} hours, your session ends even if you are still working.',
    'support.manuals.sessions.js':
      'With JavaScript on, a window warns you {minutes} minutes before the end of the idle period. Choose “{button}” to continue: you stay on the same page and keep what you have typed. If the session has already ended, the window says so and offers a link to log in again.',
    'support.manuals.sessions.nojs':
      'Without JavaScript there is no warning. If your session has ended, the next page you open asks you to log in again, then brings you back to that page. A form sent after the session has ended is not saved: log in again, then send it again.',
    'support.manuals.logout.title': 'Logging out',
    'support.manuals.logout.body':
      'Choose “{button}” at the top of any page. Your session ends at once, and the login page confirms that you have logged out.',
    'support.manuals.logout.shared': 'On a shared computer, always log out when you have finished.',
    'support.manuals.language.title': 'Language',
    'support.manuals.language.body':
      'The back office is available in English and in French. Pick a language in the “{label}” list at the top of the page and choose “{button}”: the same page is shown again in that language.',
    'support.manuals.language.remembered':
      'When you are logged in, your choice is saved with your user and applies every time you log in, from any computer. Before you log in, this browser remembers the choice.',
    'support.manuals.home.title': 'The Home page',
    'support.manuals.home.body':
      'Home is the first page after you log in. It shows what needs your attention, a summary of your account (PSPID, company name, trade name, environment and time zone) and of your user (USERID, profile and time zone).',
    'support.manuals.home.security':
      'It also shows the time of your previous login, in your time zone, and the number of failed login attempts on your user since that previous login, if there were any. If a login or failed attempts were not yours, tell an administrator of your account.',
    'support.manuals.password.title': 'Password',
    'support.manuals.password.change':
      'To change your password, go to {menu}, fill in “{current}”, “{next}” and “{confirm}”, then choose “{button}”. Your other sessions, in other browsers or on other computers, end at once; you stay logged in where you made the change.',
    'support.manuals.password.rules': 'A new password must follow these rules:',
    'support.manuals.password.length': '{min} to {max} characters; spaces and any characters are allowed, and case matters;',
    'support.manuals.password.letterDigit': 'at least one letter and one digit;',
    'support.manuals.password.notCommon': 'not one of the 10,000 most common passwords, and not your USERID or PSPID;',
    'support.manuals.password.history': 'not one of your last {count} passwords.',
    'support.manuals.password.expiry':
      'A password you chose yourself lasts {days} days. From {notice} days before it expires, Home shows the date, with a link to change it. Once it has expired, your next login leads straight to choosing a new one.',
    'support.manuals.password.issued':
      'A password issued by the system (your initial password, one sent by an administrator, or a one-time password from “{forgotten}”) works for one login only. That login leads straight to choosing your own password, without asking for the current one, and you can open nothing else until you have done so.',
    'support.manuals.password.forgotten':
      'If you have forgotten your password, choose “{link}” on the login page. Enter your PSPID, and your USERID if you are a named user, then choose “{button}”. If they match an active user with an e-mail address, a one-time password valid for {hours} hours is mailed to that address.',
    'support.manuals.password.forgottenCurrent':
      'Your current password keeps working in the meantime: logging in with it cancels the one-time password. The page gives the same answer whatever you entered, so it never reveals whether a user exists.',
    'support.manuals.password.api':
      'When the account has API users, administrators also find “{title}” on this page: choose the API user, enter its new password twice and choose “{button}”. The same rules apply; API users never log in to the back office, and their passwords do not expire.',
    'support.manuals.twoFactor.title': 'Two-factor authentication',
    'support.manuals.twoFactor.intro':
      'With two-factor authentication, each login asks, after your password, for a code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or any app for time-based codes). You set it up in {path}.',
    'support.manuals.twoFactor.setup':
      'Scan the QR code with the app, or type the key shown under it, then enter a code from the app and your password, and choose “{button}”. Only the newest QR code works: each time the page is loaded, it makes a new one, which can be used for {minutes} minutes.',
    'support.manuals.twoFactor.recovery':
      'Once it is on, {count} recovery codes are shown, this one time only. Keep them somewhere safe, away from your phone; “{download}” saves them in a file. Each code replaces a code from the app once, for example if you lose your phone.',
    'support.manuals.twoFactor.change':
      'To make new recovery codes (“{regenerate}”, which cancels the old ones) or to turn two-factor authentication off (“{off}”), enter a current code from the app and your password.',
    'support.manuals.twoFactor.login':
      'At login, once your password is accepted, a second page asks for the code; you can enter a recovery code there instead. Each code works once. After {codes} wrong codes in a row, the login attempt ends and you start again with your password; wrong codes also count toward the lock after {max} failed logins.',
    'support.manuals.twoFactor.required':
      'An account can require two-factor authentication for every user: the {admin} and {adminNoUserManager} profiles set this on the same page, under “{setting}”. Users who do not have it yet are then taken to the setup page right after login and can open nothing else until it is on; while it is required, it cannot be turned off.',
    'support.manuals.users.title': 'Users',
    'support.manuals.users.intro':
      'The {menu} page is for the {admin} profile only. It lists the users of the account with their profile, two-factor authentication, status and last login. Filter the list with “{text}” and “{status}”, then choose “{show}”.',
    'support.manuals.users.limit':
      'The page also shows how many users the account has, out of the number its subscription allows. Every user counts, deactivated users and API users too; once the limit is reached, no user can be added.',
    'support.manuals.users.create': 'To add a user, choose “{button}” and fill in:',
    'support.manuals.users.userid':
      'the USERID: 3 to 20 letters, digits, dots, hyphens or underscores, not already used in the account; it cannot be changed later;',
    'support.manuals.users.contact': 'the name and, if the user has one, the e-mail address to which passwords are sent;',
    'support.manuals.users.profile': 'the profile: you can give only profiles whose rights you hold yourself;',
    'support.manuals.users.scope':
      '“{label}”, for {superEncoder}, {encoder} and {viewer} users: they then see only the payments they made;',
    'support.manuals.users.api':
      '“{label}”, for DirectLink and automatic file upload: it can be set only when the user is created, and an API user never logs in to the back office;',
    'support.manuals.users.zone': 'the time zone, which starts as the account’s, and the language.',
    'support.manuals.users.password':
      'Then choose “{button}”. The initial password is mailed to the user; if they have no e-mail address (or the mail cannot be sent), it is shown to you once, for you to give them. It works for one login, after which the user chooses their own. An API user gets its password in {menu} instead.',
    'support.manuals.users.edit':
      'On a user’s page, “{edit}” lets you change their details, and “{save}” keeps the changes; the USERID and “{api}” cannot be changed. A new profile applies from the user’s next page. If another administrator saves a change to the same user while you are editing, nothing is overwritten and nothing is lost: the page shows the saved details and keeps your changes in the form, for you to check and save again.',
    'support.manuals.users.actions': 'The user’s page also offers these actions:',
    'support.manuals.users.sendPassword':
      '“{action}”: a new password replaces the current one at once, is mailed to the user (or shown to you once) and works for one login; the user’s sessions end;',
    'support.manuals.users.deactivate':
      '“{deactivate}” and “{reactivate}”: a deactivated user can no longer log in, and their sessions end at once;',
    'support.manuals.users.unlock':
      '“{action}”, offered while a user is locked after failed logins: the user can log in again at once;',
    'support.manuals.users.otpOff':
      '{action}: switches off the user’s two-factor authentication, for example after a lost phone; their sessions end, and they log in with their password alone until they set it up again.',
    'support.manuals.users.confirm': 'The actions that end the user’s sessions ask you to confirm first.',
    'support.manuals.users.rules':
      'Some rules always apply: nobody can give a profile with rights they do not hold themselves, the account always keeps at least one active {admin}, and nobody can change their own profile, nor deactivate their own user, send it a new password or switch off its two-factor authentication.',
    'support.manuals.audit.title': 'Audit log',
    'support.manuals.audit.intro':
      'The {menu} page, for the {admin} and {adminNoUserManager} profiles, lists the audited events of the account: logins and their failures, lockouts, password and two-factor changes, changes to users and account settings, and the reading of the log itself. Each entry shows its time, the USERID, the event, its result, the origin IP address, the user or account concerned, and details.',
    'support.manuals.audit.filters':
      'To narrow the list down, enter dates in “{from}” and “{to}” as YYYY-MM-DD: whole days in your own time zone, the end date included. You can also filter by “{user}” (the user who acted), “{event}” and “{result}” (successes, failures or both), then choose “{submit}”.',
    'support.manuals.audit.order':
      'Dates and times are shown in your time zone, newest first; “{older}” shows the entries that come before those on the page.',
    'support.manuals.audit.download':
      '“{download}” gives a CSV file of every entry that matches the filters, not only the page shown. Its times are in your time zone, which its header names.',
    'support.manuals.audit.integrity':
      'Nobody can change or delete an entry. Reading the log and downloading it are themselves recorded in it, with the filters used.',
    'support.manuals.cookies.title': 'Cookie settings',
    'support.manuals.cookies.body':
      'The “{link}” link at the bottom of every page, also before you log in, lists every cookie Guichet sets and lets you choose a cookie level. At every level, Guichet sets only the cookies it needs to work.',
    'support.manuals.support.title': 'Support',
    'support.manuals.support.body':
      'Support, in the menu, holds this manual, the frequently asked questions, the platform version and how to contact the support team.',

    'support.faq.intro': 'Short answers to common questions. Select a question to show its answer.',
    'support.faq.group.access': 'Environments and logging in',
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
    'permission.audit:view': 'Read and download the audit log',
    'support.faq.group.passwords': 'Passwords and two-factor authentication',
    'support.faq.passwordRules.q': 'What are the rules for a password?',
    'support.faq.issued.q': 'Why must I change a password I was just given?',
    'support.faq.issued.a':
      'A password issued by the system (the initial one, one sent by an administrator, or a one-time password from "Password forgotten?") works for one login only, and that login leads straight to choosing your own. A self-chosen password lasts 90 days; from 14 days before, Home shows when it expires.',
    'support.faq.twoFactor.q': 'How does two-factor authentication work?',
    'support.faq.twoFactor.a1':
      'After your password, the login asks for a 6-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or any app for time-based codes). The code changes every 30 seconds and each code works once.',
    'support.faq.twoFactor.a2':
      'To turn it on, go to Configuration > Password > One-time password configuration, scan the QR code (or type the key shown under it), then enter a code and your password. Turning it off also asks for a code and your password. Your account may require it for every user.',
    'support.faq.lostPhone.q': 'I lost my phone: how do I log in?',
    'support.faq.lostPhone.a':
      'Use one of the recovery codes you kept when you turned two-factor authentication on: each replaces the app’s code once. Without them, contact an administrator of your account.',
    'support.faq.group.sessions': 'Sessions',
    'support.faq.group.cookies': 'Cookies',
    'support.faq.environments.q': 'What is the difference between TEST and PRODUCTION?',
    'support.faq.environments.a1':
      'TEST is for trying things out, PRODUCTION is for real payments. They are separate: each has its own accounts, users and data, and nothing done in one changes the other.',
    'support.faq.environments.a2':
      'Addresses that start with /test are in TEST, those that start with /prod are in PRODUCTION, and the badge at the top of every page names the environment. Each login page links to the other one, and you log in to each environment separately.',
    'support.faq.loginError.q': 'Why does the login error not say what was wrong?',
    'support.faq.loginError.a1':
      'Saying whether the PSPID, the USERID or the password was wrong would help someone who is trying to guess login details. So every failed login gets the same message, whatever the reason: wrong details, a locked or deactivated user, or an API user. Checking an unknown user also takes as long as checking a known one.',
    'support.faq.loginError.a2':
      'Check each field and try again, and make sure you use the right form and the right environment. If it still fails, ask an administrator of your account.',
    'support.faq.lockout.q': 'What happens after several failed logins?',
    'support.faq.lockout.a1':
      'After {max} failed logins in a row, the user is locked for {minutes} minutes. Failures are counted per user, whatever the browser, computer or network they come from.',
    'support.faq.lockout.a2':
      'While the user is locked, even the right password is refused, with the usual login error. Once the {minutes} minutes are over, you can log in again. A successful login sets the count back to zero, and Home then shows how many failed attempts there were since your previous login.',
    'support.faq.apiUser.q': 'Can an API user log in to the back office?',
    'support.faq.apiUser.a':
      'No. API users are meant for requests sent by your servers. A back-office login with an API user is always refused, with the usual login error, even with the right password.',
    'support.faq.timeout.q': 'Why was I signed out?',
    'support.faq.timeout.a1':
      'Your session ends after {idle} minutes without activity, and in any case {hours} hours after you logged in. It also ends when you choose “{logout}”.',
    'support.faq.timeout.a2':
      'With JavaScript on, a window warns you {warning} minutes before the idle limit: choose “{stay}” to continue without losing what you have typed. Without JavaScript, the next page you open asks you to log in again, then brings you back to that page.',
    'support.faq.cookies.q': 'Which cookies does Guichet set?',
    'support.faq.cookies.a':
      'Only functional cookies, which the site needs to work: the session cookie of each environment, a cookie that protects forms before you log in, one for the language you chose, one that carries a confirmation message to the next page, and one that remembers your cookie level. There are no analytics, advertising or social media cookies.',
    'support.faq.cookies.link': 'Every cookie, with its purpose and lifetime',

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
    'support.manuals.description':
      'La connexion, les environnements TEST et PRODUCTION, les sessions, la langue, la page d’accueil, votre mot de passe, l’authentification à deux facteurs, les utilisateurs, le journal d’audit et les paramètres des cookies.',
    'support.faq.title': 'Foire aux questions (FAQ)',
    'support.faq.description':
      'Des réponses courtes sur les environnements, les erreurs de connexion, les utilisateurs bloqués, les mots de passe, l’authentification à deux facteurs, les sessions et les cookies.',
    'support.version.title': 'Version de la plate-forme',
    'support.version.description':
      'Les versions de Guichet et des logiciels sur lesquels il repose, à indiquer lorsque vous signalez un problème.',
    'support.contact.title': 'Contact',
    'support.contact.description': 'Comment joindre l’équipe support, et ce qu’il faut indiquer dans votre demande.',

    'support.manuals.intro': 'Ce manuel explique chaque partie du back-office disponible aujourd’hui.',
    'support.manuals.toc': 'Sommaire',
    'support.manuals.login.title': 'Se connecter',
    'support.manuals.login.intro':
      'La page d’identification comporte deux formulaires. Utilisez celui qui correspond aux données de connexion qui vous ont été remises.',
    'support.manuals.login.pspid':
      '« {form} » : saisissez votre PSPID et votre mot de passe. Vous êtes connecté en tant qu’administrateur par défaut du compte, dont le USERID est identique au PSPID.',
    'support.manuals.login.user':
      '« {form} » : saisissez votre USERID, le PSPID du compte et votre mot de passe. Vous êtes connecté en tant que cet utilisateur nommé du compte.',
    'support.manuals.login.error':
      'En cas d’erreur, un message unique indique que la connexion a échoué, sans préciser quelle donnée était incorrecte. Après {max} échecs de connexion consécutifs, votre utilisateur est bloqué pendant {minutes} minutes.',
    'support.manuals.login.next':
      'Si vous avez ouvert une page du back-office sans être connecté, vous y revenez une fois connecté ; sinon, vous arrivez sur la page d’accueil.',
    'support.manuals.login.faqLink': 'Questions sur les erreurs de connexion et les utilisateurs bloqués',
    'support.manuals.environments.title': 'TEST et PRODUCTION',
    'support.manuals.environments.separate':
      'Guichet comporte deux environnements : TEST, pour faire des essais, et PRODUCTION, pour les paiements réels. Chacun a ses propres comptes, utilisateurs et données ; ce que vous faites dans l’un ne modifie rien dans l’autre.',
    'support.manuals.environments.paths':
      'Les adresses qui commencent par /test appartiennent à TEST, celles qui commencent par /prod à PRODUCTION. Le badge en haut de chaque page indique l’environnement dans lequel vous êtes.',
    'support.manuals.environments.login':
      'Chaque environnement a sa propre page d’identification, dont le titre indique de quel environnement il s’agit, avec un lien vers la page d’identification de l’autre. Vous vous connectez à chaque environnement séparément.',
    'support.manuals.sessions.title': 'Sessions et délais',
    'support.manuals.sessions.intro': 'Une fois connecté, vous le restez pendant que vous travaillez, dans deux limites :',
    'support.manuals.sessions.idle': 'après {minutes} minutes sans activité, votre session se termine ;',
    'support.manuals.sessions.absolute':
      'après {hours} heures, votre session se termine même si vous êtes encore en train de travailler.',
    'support.manuals.sessions.js':
      'Lorsque JavaScript est activé, une fenêtre vous avertit {minutes} minutes avant la fin de la période d’inactivité. Choisissez « {button} » pour continuer : vous restez sur la même page et conservez ce que vous avez saisi. Si la session est déjà terminée, la fenêtre l’indique et propose un lien pour vous reconnecter.',
    'support.manuals.sessions.nojs':
      'Sans JavaScript, il n’y a pas d’avertissement. Si votre session est terminée, la page suivante que vous ouvrez vous demande de vous reconnecter, puis vous ramène à cette page. Un formulaire envoyé après la fin de la session n’est pas enregistré : reconnectez-vous, puis envoyez-le à nouveau.',
    'support.manuals.logout.title': 'Se déconnecter',
    'support.manuals.logout.body':
      'Choisissez « {button} » en haut de n’importe quelle page. Votre session se termine immédiatement et la page d’identification confirme que vous êtes déconnecté.',
    'support.manuals.logout.shared': 'Sur un ordinateur partagé, déconnectez-vous toujours lorsque vous avez terminé.',
    'support.manuals.language.title': 'Langue',
    'support.manuals.language.body':
      'Le back-office est disponible en anglais et en français. Sélectionnez une langue dans la liste « {label} » en haut de la page, puis choisissez « {button} » : la même page s’affiche à nouveau dans cette langue.',
    'support.manuals.language.remembered':
      'Lorsque vous êtes connecté, votre choix est enregistré avec votre utilisateur et s’applique à chaque connexion, depuis n’importe quel ordinateur. Avant la connexion, ce navigateur mémorise votre choix.',
    'support.manuals.home.title': 'La page d’accueil',
    'support.manuals.home.body':
      'L’accueil est la première page après la connexion. Elle indique ce qui demande votre attention et résume votre compte (PSPID, raison sociale, nom commercial, environnement et fuseau horaire) ainsi que votre utilisateur (USERID, profil et fuseau horaire).',
    'support.manuals.home.security':
      'Elle indique aussi l’heure de votre connexion précédente, dans votre fuseau horaire, et le nombre de tentatives de connexion échouées sur votre utilisateur depuis cette connexion précédente, s’il y en a eu. Si une connexion ou des tentatives ne venaient pas de vous, prévenez un administrateur de votre compte.',
    'support.manuals.password.title': 'Mot de passe',
    'support.manuals.password.change':
      'Pour changer votre mot de passe, allez dans {menu}, remplissez « {current} », « {next} » et « {confirm} », puis choisissez « {button} ». Vos autres sessions, dans d’autres navigateurs ou sur d’autres ordinateurs, se terminent aussitôt ; vous restez connecté là où vous avez fait le changement.',
    'support.manuals.password.rules': 'Un nouveau mot de passe doit respecter ces règles :',
    'support.manuals.password.length':
      'de {min} à {max} caractères ; les espaces et tous les caractères sont acceptés, et la casse compte ;',
    'support.manuals.password.letterDigit': 'au moins une lettre et un chiffre ;',
    'support.manuals.password.notCommon': 'ni l’un des 10 000 mots de passe les plus courants, ni votre USERID ou votre PSPID ;',
    'support.manuals.password.history': 'pas l’un de vos {count} derniers mots de passe.',
    'support.manuals.password.expiry':
      'Un mot de passe que vous avez choisi vous-même est valable {days} jours. À partir de {notice} jours avant son expiration, la page d’accueil en indique la date, avec un lien pour le changer. Une fois qu’il a expiré, votre connexion suivante mène directement au choix d’un nouveau mot de passe.',
    'support.manuals.password.issued':
      'Un mot de passe transmis par le système (votre mot de passe initial, celui envoyé par un administrateur ou un mot de passe à usage unique obtenu via « {forgotten} ») ne fonctionne que pour une connexion. Cette connexion mène directement au choix de votre propre mot de passe, sans demander le mot de passe actuel, et vous ne pouvez rien ouvrir d’autre avant de l’avoir fait.',
    'support.manuals.password.forgotten':
      'Si vous avez oublié votre mot de passe, choisissez « {link} » sur la page d’identification. Saisissez votre PSPID, et votre USERID si vous êtes un utilisateur nommé, puis choisissez « {button} ». S’ils correspondent à un utilisateur actif ayant une adresse e-mail, un mot de passe à usage unique, valable {hours} heures, est envoyé à cette adresse.',
    'support.manuals.password.forgottenCurrent':
      'Votre mot de passe actuel reste valable en attendant : vous connecter avec lui annule le mot de passe à usage unique. La page donne la même réponse quoi que vous ayez saisi, de sorte qu’elle ne révèle jamais si un utilisateur existe.',
    'support.manuals.password.api':
      'Lorsque le compte a des utilisateurs API, les administrateurs trouvent aussi sur cette page « {title} » : choisissez l’utilisateur API, saisissez deux fois son nouveau mot de passe et choisissez « {button} ». Les mêmes règles s’appliquent ; les utilisateurs API ne se connectent jamais au back-office, et leur mot de passe n’expire pas.',
    'support.manuals.twoFactor.title': 'Authentification à deux facteurs',
    'support.manuals.twoFactor.intro':
      'Avec l’authentification à deux facteurs, chaque connexion demande, après votre mot de passe, un code d’une application d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator ou toute application de codes temporels). Elle se configure dans {path}.',
    'support.manuals.twoFactor.setup':
      'Scannez le code QR avec l’application, ou saisissez la clé affichée en dessous, puis saisissez un code de l’application et votre mot de passe, et choisissez « {button} ». Seul le code QR le plus récent fonctionne : chaque chargement de la page en crée un nouveau, utilisable pendant {minutes} minutes.',
    'support.manuals.twoFactor.recovery':
      'Une fois l’authentification activée, {count} codes de secours s’affichent, cette seule fois. Conservez-les en lieu sûr, loin de votre téléphone ; « {download} » les enregistre dans un fichier. Chaque code remplace une fois un code de l’application, par exemple si vous perdez votre téléphone.',
    'support.manuals.twoFactor.change':
      'Pour créer de nouveaux codes de secours (« {regenerate} », ce qui annule les anciens) ou pour désactiver l’authentification à deux facteurs (« {off} »), saisissez un code actuel de l’application et votre mot de passe.',
    'support.manuals.twoFactor.login':
      'À la connexion, une fois votre mot de passe accepté, une deuxième page demande le code ; vous pouvez y saisir un code de secours à la place. Chaque code ne fonctionne qu’une fois. Après {codes} codes erronés consécutifs, la tentative de connexion prend fin et vous recommencez avec votre mot de passe ; les codes erronés comptent aussi pour le blocage après {max} échecs de connexion.',
    'support.manuals.twoFactor.required':
      'Un compte peut exiger l’authentification à deux facteurs pour chaque utilisateur : les profils {admin} et {adminNoUserManager} règlent ce paramètre sur la même page, sous « {setting} ». Les utilisateurs qui ne l’ont pas encore sont alors conduits sur la page de configuration juste après la connexion et ne peuvent rien ouvrir d’autre avant de l’avoir activée ; tant qu’elle est exigée, elle ne peut pas être désactivée.',
    'support.manuals.users.title': 'Utilisateurs',
    'support.manuals.users.intro':
      'La page {menu} est réservée au profil {admin}. Elle liste les utilisateurs du compte avec leur profil, leur authentification à deux facteurs, leur statut et leur dernière connexion. Filtrez la liste avec « {text} » et « {status} », puis choisissez « {show} ».',
    'support.manuals.users.limit':
      'La page indique aussi le nombre d’utilisateurs du compte et le nombre permis par son abonnement. Chaque utilisateur compte, y compris les utilisateurs désactivés et les utilisateurs API ; une fois la limite atteinte, aucun utilisateur ne peut être ajouté.',
    'support.manuals.users.create': 'Pour ajouter un utilisateur, choisissez « {button} » et renseignez :',
    'support.manuals.users.userid':
      'le USERID : de 3 à 20 lettres, chiffres, points, tirets ou traits de soulignement, pas encore utilisé dans le compte ; il ne peut plus être changé ensuite ;',
    'support.manuals.users.contact': 'le nom et, s’il en a une, l’adresse e-mail à laquelle les mots de passe sont envoyés ;',
    'support.manuals.users.profile':
      'le profil : vous ne pouvez attribuer que des profils dont vous détenez vous-même les droits ;',
    'support.manuals.users.scope':
      '« {label} », pour les utilisateurs {superEncoder}, {encoder} et {viewer} : ils ne voient alors que les paiements qu’ils ont effectués ;',
    'support.manuals.users.api':
      '« {label} », pour DirectLink et l’envoi automatique de fichiers : ce choix n’est possible qu’à la création de l’utilisateur, et un utilisateur API ne se connecte jamais au back-office ;',
    'support.manuals.users.zone': 'le fuseau horaire, qui est d’abord celui du compte, et la langue.',
    'support.manuals.users.password':
      'Choisissez ensuite « {button} ». Le mot de passe initial est envoyé à l’utilisateur par e-mail ; s’il n’a pas d’adresse e-mail (ou si le message ne peut pas être envoyé), il vous est affiché une seule fois, pour que vous le lui transmettiez. Il fonctionne pour une connexion, après laquelle l’utilisateur choisit le sien. Un utilisateur API reçoit plutôt son mot de passe dans {menu}.',
    'support.manuals.users.edit':
      'Sur la page d’un utilisateur, « {edit} » permet de mettre à jour ses données, et « {save} » enregistre les modifications ; le USERID et « {api} » ne peuvent pas être changés. Un nouveau profil s’applique dès la page suivante de l’utilisateur. Si un autre administrateur enregistre une modification du même utilisateur pendant que vous le modifiez, rien n’est écrasé ni perdu : la page affiche les données enregistrées et conserve vos modifications dans le formulaire, pour que vous les vérifiiez et les enregistriez à nouveau.',
    'support.manuals.users.actions': 'La page de l’utilisateur propose aussi ces actions :',
    'support.manuals.users.sendPassword':
      '« {action} » : un nouveau mot de passe remplace aussitôt le mot de passe actuel ; il est envoyé à l’utilisateur (ou vous est affiché une seule fois) et fonctionne pour une connexion ; les sessions de l’utilisateur se terminent ;',
    'support.manuals.users.deactivate':
      '« {deactivate} » et « {reactivate} » : un utilisateur désactivé ne peut plus se connecter, et ses sessions se terminent aussitôt ;',
    'support.manuals.users.unlock':
      '« {action} », proposé lorsqu’un utilisateur est bloqué après des échecs de connexion : l’utilisateur peut aussitôt se reconnecter ;',
    'support.manuals.users.otpOff':
      '{action} : désactive l’authentification à deux facteurs de l’utilisateur, par exemple après la perte de son téléphone ; ses sessions se terminent, et il se connecte avec son seul mot de passe jusqu’à ce qu’il la configure à nouveau.',
    'support.manuals.users.confirm':
      'Les actions qui mettent fin aux sessions de l’utilisateur vous demandent d’abord de confirmer.',
    'support.manuals.users.rules':
      'Certaines règles s’appliquent toujours : personne ne peut attribuer un profil ayant des droits qu’il ne détient pas lui-même, le compte garde toujours au moins un {admin} actif, et personne ne peut changer son propre profil, ni désactiver son propre utilisateur, lui envoyer un nouveau mot de passe ou désactiver son authentification à deux facteurs.',
    'support.manuals.audit.title': 'Journal d’audit',
    'support.manuals.audit.intro':
      'La page {menu}, réservée aux profils {admin} et {adminNoUserManager}, liste les événements audités du compte : connexions et leurs échecs, blocages, changements de mot de passe et d’authentification à deux facteurs, modifications des utilisateurs et des paramètres du compte, et consultations du journal lui-même. Chaque entrée indique son heure, le USERID, l’événement, son résultat, l’adresse IP d’origine, l’utilisateur ou le compte concerné, et des détails.',
    'support.manuals.audit.filters':
      'Pour affiner la liste, saisissez des dates dans « {from} » et « {to} » au format AAAA-MM-JJ : des journées entières dans votre propre fuseau horaire, date de fin incluse. Vous pouvez aussi filtrer par « {user} » (l’utilisateur qui a agi), « {event} » et « {result} » (réussites, échecs ou les deux), puis choisir « {submit} ».',
    'support.manuals.audit.order':
      'Les dates et heures sont affichées dans votre fuseau horaire, les plus récentes en premier ; « {older} » affiche les entrées qui précèdent celles de la page.',
    'support.manuals.audit.download':
      '« {download} » fournit un fichier CSV de toutes les entrées qui correspondent aux filtres, pas seulement de la page affichée. Ses heures sont dans votre fuseau horaire, que son en-tête indique.',
    'support.manuals.audit.integrity':
      'Personne ne peut modifier ni supprimer une entrée. Les consultations et les téléchargements du journal y sont eux-mêmes enregistrés, avec les filtres utilisés.',
    'support.manuals.cookies.title': 'Paramètres des cookies',
    'support.manuals.cookies.body':
      'Le lien « {link} » en bas de chaque page, y compris avant la connexion, présente chaque cookie déposé par Guichet et vous permet de choisir un niveau de cookies. Quel que soit le niveau, Guichet ne dépose que les cookies nécessaires à son fonctionnement.',
    'support.manuals.support.title': 'Support',
    'support.manuals.support.body':
      'La rubrique Support du menu regroupe ce manuel, la foire aux questions, la version de la plate-forme et les coordonnées de l’équipe support.',

    'support.faq.intro': 'Des réponses courtes aux questions fréquentes. Sélectionnez une question pour afficher sa réponse.',
    'support.faq.group.access': 'Environnements et connexion',
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
    'permission.audit:view': 'Lire et télécharger le journal d’audit',
    'support.faq.group.passwords': 'Mots de passe et authentification à deux facteurs',
    'support.faq.passwordRules.q': 'Quelles sont les règles pour un mot de passe ?',
    'support.faq.issued.q': 'Pourquoi dois-je changer un mot de passe qu’on vient de me donner ?',
    'support.faq.issued.a':
      'Un mot de passe transmis par le système (le mot de passe initial, celui envoyé par un administrateur ou un mot de passe à usage unique obtenu via « Mot de passe introuvable ? ») ne fonctionne que pour une connexion, qui mène directement au choix de votre propre mot de passe. Un mot de passe choisi vous-même dure 90 jours ; à partir de 14 jours avant, l’accueil indique sa date d’expiration.',
    'support.faq.twoFactor.q': 'Comment fonctionne l’authentification à deux facteurs ?',
    'support.faq.twoFactor.a1':
      'Après votre mot de passe, la connexion demande un code à 6 chiffres d’une application d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator ou toute application de codes temporels). Le code change toutes les 30 secondes et chaque code ne fonctionne qu’une fois.',
    'support.faq.twoFactor.a2':
      'Pour l’activer, allez dans Configuration > Mot de passe > Configuration d’un mot de passe unique, scannez le code QR (ou saisissez la clé affichée en dessous), puis saisissez un code et votre mot de passe. La désactivation demande aussi un code et votre mot de passe. Votre compte peut l’exiger pour chaque utilisateur.',
    'support.faq.lostPhone.q': 'J’ai perdu mon téléphone : comment me connecter ?',
    'support.faq.lostPhone.a':
      'Utilisez l’un des codes de secours conservés lors de l’activation : chacun remplace une fois le code de l’application. Sans eux, contactez un administrateur de votre compte.',
    'support.faq.group.sessions': 'Sessions',
    'support.faq.group.cookies': 'Cookies',
    'support.faq.environments.q': 'Quelle est la différence entre TEST et PRODUCTION ?',
    'support.faq.environments.a1':
      'TEST sert aux essais, PRODUCTION aux paiements réels. Les deux sont séparés : chacun a ses propres comptes, utilisateurs et données, et ce qui est fait dans l’un ne modifie rien dans l’autre.',
    'support.faq.environments.a2':
      'Les adresses qui commencent par /test sont dans TEST, celles qui commencent par /prod dans PRODUCTION, et le badge en haut de chaque page indique l’environnement. Chaque page d’identification propose un lien vers l’autre, et vous vous connectez à chaque environnement séparément.',
    'support.faq.loginError.q': 'Pourquoi le message d’erreur de connexion ne dit-il pas ce qui était faux ?',
    'support.faq.loginError.a1':
      'Indiquer si c’est le PSPID, le USERID ou le mot de passe qui était faux aiderait quelqu’un qui tente de deviner des données de connexion. Chaque connexion échouée reçoit donc le même message, quelle qu’en soit la raison : données incorrectes, utilisateur bloqué ou désactivé, ou utilisateur API. La vérification d’un utilisateur inconnu prend d’ailleurs autant de temps que celle d’un utilisateur existant.',
    'support.faq.loginError.a2':
      'Vérifiez chaque champ et réessayez, en vous assurant d’utiliser le bon formulaire et le bon environnement. Si la connexion échoue encore, adressez-vous à un administrateur de votre compte.',
    'support.faq.lockout.q': 'Que se passe-t-il après plusieurs échecs de connexion ?',
    'support.faq.lockout.a1':
      'Après {max} échecs de connexion consécutifs, l’utilisateur est bloqué pendant {minutes} minutes. Les échecs sont comptés par utilisateur, quels que soient le navigateur, l’ordinateur ou le réseau d’où ils proviennent.',
    'support.faq.lockout.a2':
      'Tant que l’utilisateur est bloqué, même le bon mot de passe est refusé, avec le message d’erreur habituel. Une fois les {minutes} minutes écoulées, vous pouvez vous reconnecter. Une connexion réussie remet le compteur à zéro, et la page d’accueil indique alors combien de tentatives ont échoué depuis votre connexion précédente.',
    'support.faq.apiUser.q': 'Un utilisateur API peut-il se connecter au back-office ?',
    'support.faq.apiUser.a':
      'Non. Les utilisateurs API servent aux requêtes envoyées par vos serveurs. Une connexion au back-office avec un utilisateur API est toujours refusée, avec le message d’erreur habituel, même avec le bon mot de passe.',
    'support.faq.timeout.q': 'Pourquoi ai-je été déconnecté ?',
    'support.faq.timeout.a1':
      'Votre session se termine après {idle} minutes sans activité, et dans tous les cas {hours} heures après votre connexion. Elle se termine aussi lorsque vous choisissez « {logout} ».',
    'support.faq.timeout.a2':
      'Lorsque JavaScript est activé, une fenêtre vous avertit {warning} minutes avant la limite d’inactivité : choisissez « {stay} » pour continuer sans perdre ce que vous avez saisi. Sans JavaScript, la page suivante que vous ouvrez vous demande de vous reconnecter, puis vous ramène à cette page.',
    'support.faq.cookies.q': 'Quels cookies Guichet dépose-t-il ?',
    'support.faq.cookies.a':
      'Uniquement des cookies fonctionnels, nécessaires au fonctionnement du site : le cookie de session de chaque environnement, un cookie qui protège les formulaires avant la connexion, un pour la langue choisie, un qui transmet un message de confirmation à la page suivante et un qui mémorise votre niveau de cookies. Il n’y a aucun cookie d’analyse, de publicité ou de réseaux sociaux.',
    'support.faq.cookies.link': 'Chaque cookie, avec sa finalité et sa durée',

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
