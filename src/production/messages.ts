import { defineMessages } from '../i18n/define.ts';

/** Texts of Configuration > Create production account (I1, guide 3.2.9), and of the mail that carries the initial password. */
export const productionMessages = defineMessages({
  en: {
    'menu.production': 'Create production account',
    'production.title': 'Create production account',
    'production.intro':
      'This copies your TEST account into the PRODUCTION environment, as a new account for real payments. Your TEST account stays as it is: you can go on using it for tests.',
    'production.pspidLabel': 'PSPID in PRODUCTION',
    'production.pspidHint':
      'The same as in TEST unless you choose another: 2 to 30 letters, digits, dots, hyphens or underscores, not used by another PRODUCTION account. It is also the USERID of the account’s administrator.',
    'production.continue': 'Review what will be copied',
    'production.recipient': 'The initial password of the PRODUCTION administrator will be sent to {email}.',
    'production.error.pspidRequired': 'Enter the PSPID for PRODUCTION.',
    'production.error.pspid':
      'Enter a PSPID of 2 to 30 letters, digits, dots, hyphens or underscores, starting with a letter or a digit.',
    'production.error.pspidTaken': 'This PSPID is already used in PRODUCTION. Choose another one.',
    'production.error.noEmail':
      'There is no e-mail address to send the PRODUCTION administrator’s initial password to. Fill in the account’s e-mail address (or your own user’s) first.',
    'production.error.alreadyCreated': 'The PRODUCTION account {pspid} was already created from this account on {date}.',
    'production.existing': 'The PRODUCTION account {pspid} was created from this account on {date}.',
    'production.existingOnlyOne': 'A TEST account has one PRODUCTION account: it cannot be created again.',
    'production.summaryLink': 'What was copied, and what to set up again',
    'production.twin.title': 'PRODUCTION account',
    'production.prodLogin': 'Go to the PRODUCTION login',
    'production.review.title': 'Review the PRODUCTION account',
    'production.review.intro': 'Nothing is created until you confirm. Check the PSPID and what will be copied.',
    'production.review.account': 'The new account',
    'production.review.administrator':
      'Its only user is its default administrator: USERID {pspid}, profile Admin, with an initial password sent by e-mail to {email}. It works once: the administrator then chooses their own.',
    'production.copied.title': 'Copied into PRODUCTION',
    'production.notCopied.title': 'Not copied: to set up again in PRODUCTION',
    'production.notCopied.intro': 'Check each part of the PRODUCTION account and set up again what was not copied:',
    'production.confirm': 'Create the PRODUCTION account {pspid}',
    'production.changePspid': 'Choose another PSPID',
    'production.cancel': 'Cancel',
    'production.created': 'The PRODUCTION account was created.',
    'production.summary.title': 'PRODUCTION account {pspid}',
    'production.summary.createdOn': 'Created on',
    'production.summary.pspid': 'PSPID',
    'production.summary.administrator': 'Administrator',
    'production.summary.administratorValue': 'USERID {pspid}, profile Admin',
    'production.summary.mailedTo': 'Initial password sent to',
    'production.summary.next':
      'Log in to PRODUCTION with the PSPID and the initial password from the e-mail: you will then choose your own password.',
    'production.summary.mailFailed':
      'The e-mail with the initial password could not be sent. Give the administrator this password yourself; it works once and is not shown again:',
    'production.summary.shownOnce': 'Made anew for PRODUCTION, shown this once:',
    'production.part.administrative': 'Administrative data',
    'production.part.administrativeDetails':
      'Legal company name, trade name, phone, e-mail address, billing address and billing contact.',
    'production.part.settings': 'Account settings',
    'production.part.settingsDetails':
      'Time zone, payment-page languages, terms-and-conditions address, how long payment data is kept, and whether two-factor authentication is required.',
    'production.notCopied.subscription': 'The subscription (and the user limit it brings).',
    'production.notCopied.options':
      'The options, and the currencies accepted, which come with the multi-currency option. In PRODUCTION the account starts with no option and accepts EUR.',
    'production.notCopied.vatNumber': 'The VAT number.',
    'production.notCopied.billingMode': 'The billing mode.',
    'production.notCopied.paymentMethods': 'The payment methods.',
    'production.notCopied.threeDSecure': 'The 3-D Secure data.',
    'production.notCopied.users': 'The users: the PRODUCTION account has only its default administrator.',
    'production.administratorName': 'Administrator',
    'production.mail.subject': 'Your Guichet PRODUCTION account {pspid}',
    'production.mail.body':
      'Hello,\n\nThe PRODUCTION account {pspid} was created from the TEST account {testPspid}.\n\nPSPID: {pspid}\nUSERID: {pspid}\nInitial password: {password}\n\nLog in at {url} with the PSPID form. The password works once: you will then choose your own.\n\nSome settings are not copied from TEST (subscription, options, VAT number, billing mode, payment methods, 3-D Secure data, users): set them up again in PRODUCTION.\n\nGuichet',
  },
  fr: {
    'menu.production': 'Créer le compte de production',
    'production.title': 'Créer le compte de production',
    'production.intro':
      'Cette page copie votre compte TEST dans l’environnement PRODUCTION, en un nouveau compte pour les paiements réels. Votre compte TEST reste tel quel : vous pouvez continuer à l’utiliser pour vos tests.',
    'production.pspidLabel': 'PSPID en PRODUCTION',
    'production.pspidHint':
      'Le même qu’en TEST, sauf si vous en choisissez un autre : 2 à 30 lettres, chiffres, points, tirets ou traits de soulignement, non utilisé par un autre compte PRODUCTION. C’est aussi le USERID de l’administrateur du compte.',
    'production.continue': 'Vérifier ce qui sera copié',
    'production.recipient': 'Le mot de passe initial de l’administrateur PRODUCTION sera envoyé à {email}.',
    'production.error.pspidRequired': 'Saisissez le PSPID pour la PRODUCTION.',
    'production.error.pspid':
      'Saisissez un PSPID de 2 à 30 lettres, chiffres, points, tirets ou traits de soulignement, commençant par une lettre ou un chiffre.',
    'production.error.pspidTaken': 'Ce PSPID est déjà utilisé en PRODUCTION. Choisissez-en un autre.',
    'production.error.noEmail':
      'Il n’y a aucune adresse e-mail à laquelle envoyer le mot de passe initial de l’administrateur PRODUCTION. Renseignez d’abord l’adresse e-mail du compte (ou celle de votre utilisateur).',
    'production.error.alreadyCreated': 'Le compte PRODUCTION {pspid} a déjà été créé depuis ce compte le {date}.',
    'production.existing': 'Le compte PRODUCTION {pspid} a été créé depuis ce compte le {date}.',
    'production.existingOnlyOne': 'Un compte TEST a un seul compte PRODUCTION : il ne peut pas être créé une seconde fois.',
    'production.summaryLink': 'Ce qui a été copié, et ce qu’il faut configurer à nouveau',
    'production.twin.title': 'Compte PRODUCTION',
    'production.prodLogin': 'Aller à la connexion PRODUCTION',
    'production.review.title': 'Vérifier le compte PRODUCTION',
    'production.review.intro': 'Rien n’est créé avant votre confirmation. Vérifiez le PSPID et ce qui sera copié.',
    'production.review.account': 'Le nouveau compte',
    'production.review.administrator':
      'Son seul utilisateur est son administrateur par défaut : USERID {pspid}, profil Admin, avec un mot de passe initial envoyé par e-mail à {email}. Il ne sert qu’une fois : l’administrateur choisit ensuite le sien.',
    'production.copied.title': 'Copié en PRODUCTION',
    'production.notCopied.title': 'Non copié : à configurer à nouveau en PRODUCTION',
    'production.notCopied.intro':
      'Vérifiez chaque élément du compte PRODUCTION et configurez à nouveau ce qui n’a pas été copié :',
    'production.confirm': 'Créer le compte PRODUCTION {pspid}',
    'production.changePspid': 'Choisir un autre PSPID',
    'production.cancel': 'Annuler',
    'production.created': 'Le compte PRODUCTION a été créé.',
    'production.summary.title': 'Compte PRODUCTION {pspid}',
    'production.summary.createdOn': 'Créé le',
    'production.summary.pspid': 'PSPID',
    'production.summary.administrator': 'Administrateur',
    'production.summary.administratorValue': 'USERID {pspid}, profil Admin',
    'production.summary.mailedTo': 'Mot de passe initial envoyé à',
    'production.summary.next':
      'Connectez-vous en PRODUCTION avec le PSPID et le mot de passe initial reçu par e-mail : vous choisirez ensuite votre propre mot de passe.',
    'production.summary.mailFailed':
      'L’e-mail contenant le mot de passe initial n’a pas pu être envoyé. Remettez vous-même ce mot de passe à l’administrateur ; il ne sert qu’une fois et n’est plus affiché ensuite :',
    'production.summary.shownOnce': 'Créé à nouveau pour la PRODUCTION, affiché cette seule fois :',
    'production.part.administrative': 'Données administratives',
    'production.part.administrativeDetails':
      'Raison sociale, nom commercial, téléphone, adresse e-mail, adresse de facturation et contact de facturation.',
    'production.part.settings': 'Paramètres du compte',
    'production.part.settingsDetails':
      'Fuseau horaire, langues de la page de paiement, adresse des conditions générales, durée de conservation des données de paiement, et authentification à deux facteurs obligatoire ou non.',
    'production.notCopied.subscription': 'L’abonnement (et le nombre d’utilisateurs qu’il permet).',
    'production.notCopied.options':
      'Les options, et les devises acceptées, qui viennent avec l’option multidevise. En PRODUCTION, le compte commence sans option et accepte l’EUR.',
    'production.notCopied.vatNumber': 'Le numéro de TVA.',
    'production.notCopied.billingMode': 'Le mode de facturation.',
    'production.notCopied.paymentMethods': 'Les modes de paiement.',
    'production.notCopied.threeDSecure': 'Les informations 3-D Secure.',
    'production.notCopied.users': 'Les utilisateurs : le compte PRODUCTION n’a que son administrateur par défaut.',
    'production.administratorName': 'Administrateur',
    'production.mail.subject': 'Votre compte PRODUCTION Guichet {pspid}',
    'production.mail.body':
      'Bonjour,\n\nLe compte PRODUCTION {pspid} a été créé depuis le compte TEST {testPspid}.\n\nPSPID : {pspid}\nUSERID : {pspid}\nMot de passe initial : {password}\n\nConnectez-vous à {url} avec le formulaire PSPID. Le mot de passe ne sert qu’une fois : vous choisirez ensuite le vôtre.\n\nCertains réglages ne sont pas copiés depuis TEST (abonnement, options, numéro de TVA, mode de facturation, modes de paiement, informations 3-D Secure, utilisateurs) : configurez-les à nouveau en PRODUCTION.\n\nGuichet',
  },
});
