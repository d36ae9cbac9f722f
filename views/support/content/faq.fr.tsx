import { paths } from '../../../src/paths.ts';
import { PasswordRules } from '../../password/password-rules.tsx';
import { menuPath } from './menu-path.ts';
import type { ContentProps, Faq } from './types.ts';

/**
 * The frequently asked questions in French: the same groups and questions, with the same ids, as
 * faq.en.tsx. French prose uses the typographic apostrophe (’) throughout and « » quotes.
 */
export function faqFr({ t, env, facts }: ContentProps): Faq {
  return {
    intro: <p>Des réponses courtes aux questions fréquentes. Sélectionnez une question pour afficher sa réponse.</p>,
    groups: [
      {
        id: 'access',
        title: 'Environnements et connexion',
        questions: [
          {
            id: 'environments',
            question: 'Quelle est la différence entre TEST et PRODUCTION ?',
            answer: (
              <>
                <p>
                  TEST sert aux essais, PRODUCTION aux paiements réels. Les deux sont séparés : chacun a ses propres comptes,
                  utilisateurs et données, et ce qui est fait dans l’un ne modifie rien dans l’autre.
                </p>
                <p>
                  Les adresses qui commencent par /test sont dans TEST, celles qui commencent par /prod dans PRODUCTION, et le
                  badge en haut de chaque page indique l’environnement. Chaque page d’identification propose un lien vers l’autre,
                  et vous vous connectez à chaque environnement séparément.
                </p>
              </>
            ),
          },
          {
            id: 'login-error',
            question: 'Pourquoi le message d’erreur de connexion ne dit-il pas ce qui était faux ?',
            answer: (
              <>
                <p>
                  Indiquer si c’est le PSPID, le USERID ou le mot de passe qui était faux aiderait quelqu’un qui tente de deviner
                  des données de connexion. Chaque connexion échouée reçoit donc le même message, quelle qu’en soit la raison :
                  données incorrectes, utilisateur bloqué ou désactivé, ou utilisateur API. La vérification d’un utilisateur
                  inconnu prend d’ailleurs autant de temps que celle d’un utilisateur existant.
                </p>
                <p>
                  Vérifiez chaque champ et réessayez, en vous assurant d’utiliser le bon formulaire et le bon environnement. Si la
                  connexion échoue encore, adressez-vous à un administrateur de votre compte.
                </p>
              </>
            ),
          },
          {
            id: 'lockout',
            question: 'Que se passe-t-il après plusieurs échecs de connexion ?',
            answer: (
              <>
                <p>
                  Après {facts.maxFailedLogins} échecs de connexion consécutifs, l’utilisateur est bloqué pendant{' '}
                  {facts.lockoutMinutes} minutes. Les échecs sont comptés par utilisateur, quels que soient l’ordinateur ou le
                  réseau d’où ils proviennent, à une exception près : un navigateur avec lequel vous vous êtes déjà connecté est
                  reconnu. Ses propres échecs ne comptent que pour lui (après {facts.maxFailedLogins}, il est bloqué pendant{' '}
                  {facts.lockoutMinutes} minutes), et il peut encore se connecter quand l’utilisateur est bloqué par des échecs
                  venus d’ailleurs : personne d’autre ne peut vous bloquer dans votre propre navigateur.
                </p>
                <p>
                  Tant que l’utilisateur est bloqué, même le bon mot de passe est refusé, avec le message d’erreur habituel. Une
                  fois les {facts.lockoutMinutes} minutes écoulées, vous pouvez vous reconnecter. Une connexion réussie remet le
                  compteur à zéro, et la page d’accueil indique alors combien de tentatives ont échoué depuis votre connexion
                  précédente.
                </p>
                <p>
                  Quand il y a trop d’échecs de connexion depuis votre réseau, ou sur l’ensemble du service, la page de connexion
                  vous demande d’attendre quelques minutes et indique combien.
                </p>
              </>
            ),
          },
          {
            id: 'api-users',
            question: 'Un utilisateur API peut-il se connecter au back-office ?',
            answer: (
              <p>
                Non. Les utilisateurs API servent aux requêtes envoyées par vos serveurs. Une connexion au back-office avec un
                utilisateur API est toujours refusée, avec le message d’erreur habituel, même avec le bon mot de passe.
              </p>
            ),
          },
        ],
      },
      {
        id: 'passwords',
        title: 'Mots de passe et authentification à deux facteurs',
        questions: [
          {
            id: 'password-rules',
            question: 'Quelles sont les règles pour un mot de passe ?',
            answer: (
              <>
                <PasswordRules t={t} id="faq-password-rules" />
                <p>
                  <a href={paths.password.change(env)}>{t('password.change')}</a>
                </p>
              </>
            ),
          },
          {
            id: 'issued-password',
            question: 'Pourquoi dois-je changer un mot de passe qu’on vient de me donner ?',
            answer: (
              <p>
                Un mot de passe transmis par le système (le mot de passe initial, celui envoyé par un administrateur ou un mot de
                passe à usage unique obtenu via « {t('forgotten.link')} ») ne fonctionne que pour une connexion, qui mène
                directement au choix de votre propre mot de passe. Un mot de passe choisi vous-même dure{' '}
                {facts.passwordMaxAgeDays} jours ; à partir de {facts.passwordNoticeDays} jours avant, l’accueil indique sa date
                d’expiration.
              </p>
            ),
          },
          {
            id: 'two-factor',
            question: 'Comment fonctionne l’authentification à deux facteurs ?',
            answer: (
              <>
                <p>
                  Après votre mot de passe, la connexion demande un code à {facts.codeDigits} chiffres d’une application
                  d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator ou toute application de
                  codes temporels). Le code change toutes les {facts.codePeriodSeconds} secondes et chaque code ne fonctionne
                  qu’une fois.
                </p>
                <p>
                  Pour l’activer, allez dans {menuPath(t, 'menu.configuration', 'menu.password', 'otp.title')}, choisissez «{' '}
                  {t('otp.setupStart')} », scannez le code QR (ou saisissez la clé affichée en dessous), puis saisissez un code et
                  votre mot de passe. La désactivation demande aussi un code (ou un code de secours) et votre mot de passe. Votre
                  compte peut l’exiger pour chaque utilisateur.
                </p>
                <p>
                  <a href={paths.otp.page(env)}>{t('password.otpLink')}</a>
                </p>
              </>
            ),
          },
          {
            id: 'lost-phone',
            question: 'J’ai perdu mon téléphone : comment me connecter ?',
            answer: (
              <p>
                Utilisez l’un des codes de secours conservés lors de l’activation : chacun remplace une fois le code de
                l’application, à la connexion et pour désactiver l’authentification à deux facteurs (configurez-la ensuite sur
                votre nouveau téléphone). Sans eux, contactez un administrateur de votre compte.
              </p>
            ),
          },
        ],
      },
      {
        id: 'sessions',
        title: 'Sessions',
        questions: [
          {
            id: 'timeout',
            question: 'Pourquoi ai-je été déconnecté ?',
            answer: (
              <>
                <p>
                  Votre session se termine après {facts.idleMinutes} minutes sans activité, et dans tous les cas{' '}
                  {facts.absoluteHours} heures après votre connexion. Elle se termine aussi lorsque vous choisissez «{' '}
                  {t('shell.logout')} ».
                </p>
                <p>
                  Lorsque JavaScript est activé, une fenêtre vous avertit {facts.warningMinutes} minutes avant la limite
                  d’inactivité : choisissez « {t('idle.stay')} » pour continuer sans perdre ce que vous avez saisi. Sans
                  JavaScript, la page suivante que vous ouvrez vous demande de vous reconnecter, puis vous ramène à cette page.
                </p>
              </>
            ),
          },
        ],
      },
      {
        id: 'cookies',
        title: 'Cookies',
        questions: [
          {
            id: 'cookies',
            question: 'Quels cookies Guichet dépose-t-il ?',
            answer: (
              <>
                <p>
                  Uniquement des cookies fonctionnels, nécessaires au fonctionnement du site : le cookie de session de chaque
                  environnement, un cookie qui protège les formulaires avant la connexion, un pour la langue choisie, un qui
                  transmet un message de confirmation à la page suivante et un qui mémorise votre niveau de cookies. Il n’y a
                  aucun cookie d’analyse, de publicité ou de réseaux sociaux.
                </p>
                <p>
                  <a href={paths.cookies(env)}>Chaque cookie, avec sa finalité et sa durée</a>
                </p>
              </>
            ),
          },
        ],
      },
    ],
  };
}
