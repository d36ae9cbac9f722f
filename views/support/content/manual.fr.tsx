import { RETENTION_LIMITS } from '../../../src/account/forms.ts';
import { paths } from '../../../src/paths.ts';
import { TestCardsTable } from '../../technical/test-cards-table.tsx';
import { menuPath } from './menu-path.ts';
import type { ContentProps, Manual } from './types.ts';

/**
 * The user manual in French: the same sections, with the same ids, as manual.en.tsx. French prose
 * uses the typographic apostrophe (’) throughout and « » quotes (checked by src/support/content.test.ts).
 */
export function manualFr({ t, env, facts, testCards }: ContentProps): Manual {
  const passwordMenu = menuPath(t, 'menu.configuration', 'menu.password');
  const admin = t('profile.admin');
  const adminNoUserManager = t('profile.admin_no_user_manager');
  return {
    intro: <p>Ce manuel explique chaque partie du back-office disponible aujourd’hui.</p>,
    sections: [
      {
        id: 'login',
        title: 'Se connecter',
        body: (
          <>
            <p>
              La page d’identification comporte deux formulaires. Utilisez celui qui correspond aux données de connexion qui vous
              ont été remises.
            </p>
            <ul>
              <li>
                « {t('login.pspidForm')} » : saisissez votre PSPID et votre mot de passe. Vous êtes connecté en tant
                qu’administrateur par défaut du compte, dont le USERID est identique au PSPID.
              </li>
              <li>
                « {t('login.userForm')} » : saisissez votre USERID, le PSPID du compte et votre mot de passe. Vous êtes connecté
                en tant que cet utilisateur nommé du compte.
              </li>
            </ul>
            <p>
              En cas d’erreur, un message unique indique que la connexion a échoué, sans préciser quelle donnée était incorrecte.
              Après {facts.maxFailedLogins} échecs de connexion consécutifs, votre utilisateur est bloqué pendant{' '}
              {facts.lockoutMinutes} minutes.
            </p>
            <p>
              Si vous avez ouvert une page du back-office sans être connecté, vous y revenez une fois connecté ; sinon, vous
              arrivez sur la page d’accueil.
            </p>
            <p>
              <a href={paths.support.faq(env, 'faq-group-access')}>
                Questions sur les erreurs de connexion et les utilisateurs bloqués
              </a>
            </p>
          </>
        ),
      },
      {
        id: 'environments',
        title: 'TEST et PRODUCTION',
        body: (
          <>
            <p>
              Guichet comporte deux environnements : TEST, pour faire des essais, et PRODUCTION, pour les paiements réels. Chacun
              a ses propres comptes, utilisateurs et données ; ce que vous faites dans l’un ne modifie rien dans l’autre.
            </p>
            <p>
              Les adresses qui commencent par /test appartiennent à TEST, celles qui commencent par /prod à PRODUCTION. Le badge
              en haut de chaque page indique l’environnement dans lequel vous êtes.
            </p>
            <p>
              Chaque environnement a sa propre page d’identification, dont le titre indique de quel environnement il s’agit, avec
              un lien vers la page d’identification de l’autre. Vous vous connectez à chaque environnement séparément.
            </p>
          </>
        ),
      },
      {
        id: 'sessions',
        title: 'Sessions et délais',
        body: (
          <>
            <p>Une fois connecté, vous le restez pendant que vous travaillez, dans deux limites :</p>
            <ul>
              <li>après {facts.idleMinutes} minutes sans activité, votre session se termine ;</li>
              <li>
                après {facts.absoluteHours} heures, votre session se termine même si vous êtes encore en train de travailler.
              </li>
            </ul>
            <p>
              Lorsque JavaScript est activé, une fenêtre vous avertit {facts.warningMinutes} minutes avant la fin de la période
              d’inactivité. Choisissez « {t('idle.stay')} » pour continuer : vous restez sur la même page et conservez ce que vous
              avez saisi. Si la session est déjà terminée, la fenêtre l’indique et propose un lien pour vous reconnecter.
            </p>
            <p>
              Sans JavaScript, il n’y a pas d’avertissement. Si votre session est terminée, la page suivante que vous ouvrez vous
              demande de vous reconnecter, puis vous ramène à cette page. Un formulaire envoyé après la fin de la session n’est
              pas enregistré : reconnectez-vous, puis envoyez-le à nouveau.
            </p>
          </>
        ),
      },
      {
        id: 'logout',
        title: 'Se déconnecter',
        body: (
          <>
            <p>
              Choisissez « {t('shell.logout')} » en haut de n’importe quelle page. Votre session se termine immédiatement et la
              page d’identification confirme que vous êtes déconnecté.
            </p>
            <p>Sur un ordinateur partagé, déconnectez-vous toujours lorsque vous avez terminé.</p>
          </>
        ),
      },
      {
        id: 'language',
        title: 'Langue',
        body: (
          <>
            <p>
              Le back-office est disponible en anglais et en français. Sélectionnez une langue dans la liste «{' '}
              {t('shell.language')} » en haut de la page, puis choisissez « {t('shell.languageSubmit')} » : la même page s’affiche
              à nouveau dans cette langue.
            </p>
            <p>
              Lorsque vous êtes connecté, votre choix est enregistré avec votre utilisateur et s’applique à chaque connexion,
              depuis n’importe quel ordinateur. Avant la connexion, ce navigateur mémorise votre choix.
            </p>
          </>
        ),
      },
      {
        id: 'home',
        title: 'La page d’accueil',
        body: (
          <>
            <p>
              L’accueil est la première page après la connexion. Elle indique ce qui demande votre attention et résume votre
              compte (PSPID, raison sociale, nom commercial, environnement et fuseau horaire) ainsi que votre utilisateur (USERID,
              profil, fuseau horaire et heure de votre connexion précédente, dans votre fuseau horaire).
            </p>
            <p>
              Sous « {t('home.attention')} », chaque point a son titre, quelques lignes et un lien vers la page où le traiter. Un
              point n’apparaît que s’il y a quelque chose à faire, et seulement si votre profil (et les options de votre compte)
              vous y donnent accès. Ce sont aujourd’hui :
            </p>
            <ul>
              <li>
                <strong>{t('home.failedLogins.title')}</strong> : combien de fois quelqu’un a échoué à se connecter avec votre
                utilisateur entre votre connexion précédente et celle-ci, avec l’heure de cette connexion précédente. Si ce
                n’était pas vous, changez votre mot de passe et prévenez un administrateur de votre compte.
              </li>
              <li>
                <strong>{t('home.passwordExpiry.title')}</strong> : à partir de {facts.passwordNoticeDays} jours avant
                l’expiration de votre mot de passe, sa date, avec un lien pour le changer.
              </li>
              <li>
                <strong>{t('home.otpOff.title')}</strong> : un lien pour la configurer, et si votre compte l’exige.
              </li>
            </ul>
            <p>
              Quand rien ne demande votre attention, l’accueil indique que tout est en ordre. Si une partie de la page n’a pas pu
              être vérifiée (un incident passager), l’accueil le dit à la place : rechargez la page un peu plus tard.
            </p>
          </>
        ),
      },
      {
        id: 'password',
        title: 'Mot de passe',
        body: (
          <>
            <p>
              Pour changer votre mot de passe, allez dans {passwordMenu}, remplissez « {t('password.current')} », «{' '}
              {t('password.new')} » et « {t('password.confirm')} », puis choisissez « {t('password.submit')} ». Vos autres
              sessions, dans d’autres navigateurs ou sur d’autres ordinateurs, se terminent aussitôt ; vous restez connecté là où
              vous avez fait le changement.
            </p>
            <p>Un nouveau mot de passe doit respecter ces règles :</p>
            <ul>
              <li>
                de {facts.passwordMinLength} à {facts.passwordMaxLength} caractères ; les espaces et tous les caractères sont
                acceptés, et la casse compte ;
              </li>
              <li>au moins une lettre et un chiffre ;</li>
              <li>
                difficile à deviner : ni un mot de passe, un mot, un nom ou un motif courant, ni votre USERID, votre PSPID, le nom
                de votre société ou votre adresse e-mail (s’il est refusé, le message à côté du champ dit pourquoi et quoi
                changer) ;
              </li>
              <li>
                ni l’un de vos {facts.passwordHistory} derniers mots de passe, ni un mot de passe utilisé ces{' '}
                {facts.passwordHistoryMonths} derniers mois.
              </li>
            </ul>
            <p>
              Un mot de passe que vous avez choisi vous-même est valable {facts.passwordMaxAgeDays} jours. À partir de{' '}
              {facts.passwordNoticeDays} jours avant son expiration, la page d’accueil en indique la date, avec un lien pour le
              changer. Une fois qu’il a expiré, votre connexion suivante mène directement au choix d’un nouveau mot de passe.
            </p>
            <p>
              Un mot de passe transmis par le système (votre mot de passe initial, celui envoyé par un administrateur ou un mot de
              passe à usage unique obtenu via « {t('forgotten.link')} ») ne fonctionne que pour une connexion. Cette connexion
              mène directement au choix de votre propre mot de passe, sans demander le mot de passe actuel, et vous ne pouvez rien
              ouvrir d’autre avant de l’avoir fait.
            </p>
            <p>
              Si vous avez oublié votre mot de passe, choisissez « {t('forgotten.link')} » sur la page d’identification. Saisissez
              votre PSPID, et votre USERID si vous êtes un utilisateur nommé, puis choisissez « {t('forgotten.submit')} ». S’ils
              correspondent à un utilisateur actif ayant une adresse e-mail, un mot de passe à usage unique, valable{' '}
              {facts.resetHours} heures, est envoyé à cette adresse.
            </p>
            <p>
              Votre mot de passe actuel reste valable en attendant : vous connecter avec lui annule le mot de passe à usage
              unique. La page donne la même réponse quoi que vous ayez saisi, de sorte qu’elle ne révèle jamais si un utilisateur
              existe.
            </p>
            <p>
              Lorsque le compte a des utilisateurs API, les administrateurs trouvent aussi sur cette page «{' '}
              {t('password.apiTitle')} » : choisissez l’utilisateur API, saisissez deux fois son nouveau mot de passe et
              choisissez « {t('password.apiSubmit')} ». Les mêmes règles s’appliquent ; les utilisateurs API ne se connectent
              jamais au back-office, et leur mot de passe n’expire pas.
            </p>
            <p>
              <a href={paths.password.change(env)}>{t('password.change')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'two-factor',
        title: 'Authentification à deux facteurs',
        body: (
          <>
            <p>
              Avec l’authentification à deux facteurs, chaque connexion demande, après votre mot de passe, un code d’une
              application d’authentification sur votre téléphone (Google Authenticator, Microsoft Authenticator ou toute
              application de codes temporels). Elle se configure dans{' '}
              {menuPath(t, 'menu.configuration', 'menu.password', 'otp.title')}.
            </p>
            <p>
              Choisissez « {t('otp.setupStart')} » : un code QR s’affiche, utilisable pendant {facts.qrMinutes} minutes.
              Scannez-le avec l’application, ou saisissez la clé affichée en dessous, puis saisissez un code de l’application et
              votre mot de passe, et choisissez « {t('otp.activate')} ». Seul le code QR le plus récent fonctionne : «{' '}
              {t('otp.setupAgain')} » le remplace, par exemple une fois expiré.
            </p>
            <p>
              Une fois l’authentification activée, {facts.recoveryCodes} codes de secours s’affichent, cette seule fois.
              Conservez-les en lieu sûr, loin de votre téléphone ; « {t('otp.codesDownload')} » les enregistre dans un fichier.
              Chaque code remplace une fois un code de l’application, par exemple si vous perdez votre téléphone.
            </p>
            <p>
              Pour créer de nouveaux codes de secours (« {t('otp.recoveryRegenerate')} », ce qui annule les anciens) ou pour
              désactiver l’authentification à deux facteurs (« {t('otp.deactivate')} »), saisissez un code actuel de
              l’application, ou l’un de vos codes de secours si vous avez perdu votre téléphone, et votre mot de passe.
            </p>
            <p>
              À la connexion, une fois votre mot de passe accepté, une deuxième page demande le code ; vous pouvez y saisir un
              code de secours à la place. Chaque code ne fonctionne qu’une fois. Après {facts.maxWrongCodes} codes erronés
              consécutifs, la tentative de connexion prend fin et vous recommencez avec votre mot de passe ; les codes erronés
              comptent aussi pour le blocage après {facts.maxFailedLogins} échecs de connexion.
            </p>
            <p>
              Un compte peut exiger l’authentification à deux facteurs pour chaque utilisateur : les profils {admin} et{' '}
              {adminNoUserManager} règlent ce paramètre sur la même page, sous « {t('otp.requiredSetting')} », une fois leur
              propre authentification à deux facteurs activée. Les utilisateurs qui ne l’ont pas encore sont alors conduits sur la
              page de configuration à leur prochaine connexion, ou à leur prochaine page s’ils sont connectés, et ne peuvent rien
              ouvrir d’autre avant de l’avoir activée ; tant qu’elle est exigée, elle ne peut pas être désactivée.
            </p>
            <p>
              <a href={paths.otp.page(env)}>{t('password.otpLink')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'account',
        title: t('account.title'),
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.configuration', 'menu.account')} réunit les paramètres de votre compte, par sections. Les
              profils {admin} et {adminNoUserManager} les modifient ; le profil {t('profile.viewer')} (le comptable) les voit sans
              pouvoir les modifier ; les autres profils ne voient pas la page.
            </p>
            <p>
              Chaque section a son propre bouton et s’enregistre séparément : enregistrer une section ne modifie jamais une autre.
              Si un autre administrateur a enregistré la même section pendant que vous la modifiiez, rien n’est écrasé : la page
              montre la section telle qu’elle est enregistrée, garde ce que vous avez saisi dans le formulaire en dessous, et vous
              enregistrez à nouveau après vérification. Chaque modification est inscrite au journal d’audit avec les valeurs avant
              et après.
            </p>
            <ul>
              <li>
                « {t('account.section.administrative')} » : la raison sociale de la société, l’appellation commerciale que voient
                vos clients, un numéro de téléphone au format international (+ et l’indicatif du pays, par exemple +32 2 123 45
                67) et une adresse e-mail.
              </li>
              <li>
                « {t('account.section.billing')} » : l’adresse de facturation, le numéro de TVA (le code du pays en deux lettres,
                puis le numéro : les espaces, points et traits d’union sont retirés), le contact pour la facturation et le mode de
                facturation ({t('account.billingMode.invoice')} ou {t('account.billingMode.direct_debit')}).
              </li>
              <li>
                « {t('account.section.subscription')} » : le type d’abonnement, qui fixe le nombre d’utilisateurs du compte.
                Chaque utilisateur compte, y compris les utilisateurs désactivés et les utilisateurs API : un type qui en permet
                moins que le compte n’en a est refusé.
              </li>
              <li>
                « {t('account.section.options')} » : les options actives, puis les options recommandées et les autres, chacune
                avec ce qu’elle fait. Désactiver une option masque ses pages et refuse ses actions ; rien n’est supprimé, et ses
                données réapparaissent quand elle est réactivée. En PRODUCTION, une page indique d’abord ce que la modification
                affiche et masque, et la modification n’est faite que lorsque vous la confirmez.
              </li>
              <li>
                « {t('account.section.languages')} » : les langues dans lesquelles votre page de paiement peut s’afficher, au
                moins une.
              </li>
              <li>
                « {t('account.section.terms')} », avec l’option {t('account.option.ecommerce_level3')} uniquement : l’adresse de
                vos conditions générales, qui doit commencer par https://.
              </li>
              <li>
                « {t('account.section.currencies')} », avec l’option {t('account.option.multi_currency')} uniquement : les devises
                dans lesquelles vos clients peuvent payer, au moins une. Chacune indique son nombre de décimales (ISO 4217 : 0
                pour le yen, 2 pour l’euro, 3 pour le dinar koweïtien) et si votre acquéreur l’accepte.
              </li>
              <li>« {t('account.section.timeZone')} » : le fuseau horaire du compte ; les nouveaux utilisateurs le reçoivent.</li>
              <li>
                « {t('account.section.retention')} » : le nombre de jours de conservation des données de paiement, un nombre
                entier de {RETENTION_LIMITS.min} à {RETENTION_LIMITS.max} ({RETENTION_LIMITS.default} si vous ne le changez pas).
                Les données de paiement plus anciennes sont supprimées définitivement chaque jour ; la section indique ce que le
                prochain passage supprimera. Le journal d’audit est conservé au moins 12 mois, quel que soit ce réglage.
              </li>
            </ul>
          </>
        ),
      },
      {
        id: 'technical-information',
        title: t('technical.title'),
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.configuration', 'menu.technical')} indique comment vos paiements sont traités, signés et
              vérifiés, et où leurs résultats sont envoyés. Les profils {admin} et {adminNoUserManager} la modifient ; le profil{' '}
              {t('profile.viewer')} la voit sans pouvoir la modifier ; les autres profils ne la voient pas. Ses onglets sont des
              sections de la page : les liens en haut mènent à chacune. Chaque réglage a un bouton « i » à côté : ouvrez-le
              (Entrée ou Espace) pour lire ce que fait le réglage.
            </p>
            <p>
              Chaque section s’enregistre séparément, comme sur la page du compte : une modification faite entre-temps par un
              autre administrateur n’est jamais écrasée, et chaque modification est inscrite dans le journal d’audit avec les
              valeurs avant et après. Ce que vous enregistrez s’applique dès la requête suivante : DirectLink vérifie aussitôt une
              nouvelle phrase secrète, un nouvel algorithme ou une nouvelle liste d’adresses ; modifiez vos serveurs en même
              temps.
            </p>
            <ul>
              <li>
                « {t('technical.tab.transaction')} » : l’opération par défaut (autorisation ou vente), la capture des données par
                défaut (par vous, en fin de journée : une fois passé le minuit GMT+1 (23:00 UTC toute l’année, sans heure d’été)
                qui suit la commande, ou après un nombre de jours), le mode de traitement, le nombre maximal de tentatives de
                paiement et l’ECI par défaut.
              </li>
              <li>
                « {t('technical.tab.security')} » : l’algorithme de hachage de toutes les signatures SHA (SHA-1, SHA-256 ou
                SHA-512) et l’encodage des caractères.
              </li>
              <li>
                « {t('technical.tab.verification')} » : pour l’e-Commerce et l’Alias Gateway, les adresses des pages autorisées à
                envoyer des payeurs, et la phrase secrète SHA-IN ; pour DirectLink et Batch, les adresses IP de vos serveurs (IPv4
                ou IPv6, une par ligne ou séparées par des virgules ; vide : toute adresse) et la phrase secrète SHA-IN.
              </li>
              <li>
                « {t('technical.tab.feedback')} » : la phrase secrète SHA-OUT, les adresses post-vente et le moment où elles sont
                appelées, l’adresse appelée quand un statut change en différé, et les paramètres envoyés. Les adresses commencent
                par http:// ou https://, avec un nom d’hôte, sur le port 80 ou 443.
              </li>
              <li>
                « {t('technical.tab.emails')} » : vos adresses e-mail (séparées par des points-virgules) et les e-mails envoyés.
              </li>
              <li>« {t('technical.tab.testInfo')} » : les cartes de test et les résultats qu’elles donnent en TEST.</li>
            </ul>
            <p>
              Une phrase secrète compte de 8 à 64 caractères (lettres sans accent, chiffres et symboles, sans espace). Une fois
              définie, elle n’est plus jamais affichée : la page dit seulement si elle est définie. Le bouton «{' '}
              {t('technical.generate.sha-in-directlink')} » et les autres boutons « générer » laissent Guichet en choisir une au
              hasard, qui n’est affichée que sur la page qui suit : copiez-la à ce moment. Quand une phrase est déjà définie, une
              page de confirmation vient d’abord : les demandes signées avec la phrase actuelle sont refusées dès que vous
              confirmez, et Annuler ne change rien. Les phrases de TEST et de PRODUCTION doivent être différentes : une phrase
              déjà utilisée par le compte jumeau de l’autre environnement est refusée. Le journal d’audit indique qu’une phrase a
              changé, jamais laquelle.
            </p>
          </>
        ),
      },
      {
        id: 'users',
        title: 'Utilisateurs',
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.configuration', 'menu.users')} est réservée au profil {admin}. Elle liste les
              utilisateurs du compte avec leur profil, leur authentification à deux facteurs, leur statut et leur dernière
              connexion. Filtrez la liste avec « {t('users.filterText')} » et « {t('users.filterStatus')} », puis choisissez «{' '}
              {t('users.filterSubmit')} ».
            </p>
            <p>
              La page indique aussi le nombre d’utilisateurs du compte et le nombre permis par son abonnement. Chaque utilisateur
              compte, y compris les utilisateurs désactivés et les utilisateurs API ; une fois la limite atteinte, aucun
              utilisateur ne peut être ajouté.
            </p>
            <p>Pour ajouter un utilisateur, choisissez « {t('users.new')} » et renseignez :</p>
            <ul>
              <li>
                le USERID : de 3 à 20 lettres, chiffres, points, tirets ou traits de soulignement, pas encore utilisé dans le
                compte ; il ne peut plus être changé ensuite ;
              </li>
              <li>le nom et, s’il en a une, l’adresse e-mail à laquelle les mots de passe sont envoyés ;</li>
              <li>le profil : vous ne pouvez attribuer que des profils dont vous détenez vous-même les droits ;</li>
              <li>
                « {t('users.field.scope')} », pour les utilisateurs {t('profile.super_encoder')}, {t('profile.encoder')} et{' '}
                {t('profile.viewer')} : ils ne voient alors que les paiements qu’ils ont effectués ;
              </li>
              <li>
                « {t('users.field.api')} », pour DirectLink et l’envoi automatique de fichiers : ce choix n’est possible qu’à la
                création de l’utilisateur, et un utilisateur API ne se connecte jamais au back-office ;
              </li>
              <li>le fuseau horaire, qui est d’abord celui du compte, et la langue.</li>
            </ul>
            <p>
              Choisissez ensuite « {t('users.create')} ». Le mot de passe initial est envoyé à l’utilisateur par e-mail ; s’il n’a
              pas d’adresse e-mail (ou si le message ne peut pas être envoyé), il vous est affiché une seule fois, pour que vous
              le lui transmettiez. Il fonctionne pour une connexion, après laquelle l’utilisateur choisit le sien. Un utilisateur
              API reçoit plutôt son mot de passe dans {passwordMenu}.
            </p>
            <p>
              Sur la page d’un utilisateur, « {t('users.edit')} » permet de mettre à jour ses données, et « {t('users.save')} »
              enregistre les modifications ; le USERID et « {t('users.field.api')} » ne peuvent pas être changés. Un nouveau
              profil s’applique dès la page suivante de l’utilisateur. Si un autre administrateur enregistre une modification du
              même utilisateur pendant que vous le modifiez, rien n’est écrasé ni perdu : la page affiche les données enregistrées
              et conserve vos modifications dans le formulaire, pour que vous les vérifiiez et les enregistriez à nouveau.
            </p>
            <p>La page de l’utilisateur propose aussi ces actions :</p>
            <ul>
              <li>
                « {t('users.action.sendPassword')} » : un nouveau mot de passe remplace aussitôt le mot de passe actuel ; il est
                envoyé à l’utilisateur (ou vous est affiché une seule fois) et fonctionne pour une connexion ; les sessions de
                l’utilisateur se terminent ;
              </li>
              <li>
                « {t('users.action.deactivate')} » et « {t('users.action.reactivate')} » : un utilisateur désactivé ne peut plus
                se connecter, et ses sessions se terminent aussitôt ;
              </li>
              <li>
                « {t('users.action.unlock')} », proposé lorsqu’un utilisateur est bloqué après des échecs de connexion :
                l’utilisateur peut aussitôt se reconnecter ;
              </li>
              <li>
                « {t('users.action.otpOff')} » : l’authentification à deux facteurs de l’utilisateur est désactivée, par exemple
                après la perte de son téléphone ; ses sessions se terminent, et il se connecte avec son seul mot de passe jusqu’à
                ce qu’il la configure à nouveau.
              </li>
            </ul>
            <p>Les actions qui mettent fin aux sessions de l’utilisateur vous demandent d’abord de confirmer.</p>
            <p>
              Un utilisateur qui ne s’est pas connecté depuis {facts.inactivityDays} jours (comptés depuis sa création s’il ne
              s’est jamais connecté, ou depuis sa réactivation) est désactivé automatiquement pendant la nuit, et ses sessions
              prennent fin (PCI DSS 8.2.6). Les utilisateurs API ne le sont pas, ni le dernier {admin} actif du compte. La liste
              des utilisateurs et la page de l’utilisateur indiquent pourquoi un utilisateur est inactif : «{' '}
              {t('users.deactivated.administrator')} » ou « {t('users.deactivated.inactivity', { days: facts.inactivityDays })} »
              ; le journal d’audit l’enregistre. Un administrateur peut réactiver l’utilisateur, qui a alors{' '}
              {facts.inactivityDays} jours pour se connecter.
            </p>
            <p>
              Certaines règles s’appliquent toujours : personne ne peut attribuer un profil ayant des droits qu’il ne détient pas
              lui-même, le compte garde toujours au moins un {admin} actif, et personne ne peut changer son propre profil, ni
              désactiver son propre utilisateur, lui envoyer un nouveau mot de passe ou désactiver son authentification à deux
              facteurs.
            </p>
            <p>
              <a href={paths.support.profiles(env)}>{t('support.profiles.title')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'audit',
        title: 'Journal d’audit',
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.configuration', 'menu.audit')}, réservée aux profils {admin} et {adminNoUserManager},
              liste les événements audités du compte : connexions et leurs échecs, blocages, changements de mot de passe et
              d’authentification à deux facteurs, modifications des utilisateurs et des paramètres du compte, et consultations du
              journal lui-même. Chaque entrée indique son heure, le USERID, l’événement, son résultat, l’adresse IP d’origine,
              l’utilisateur ou le compte concerné, et des détails.
            </p>
            <p>
              Pour affiner la liste, saisissez des dates dans « {t('audit.from')} » et « {t('audit.to')} » au format AAAA-MM-JJ :
              des journées entières dans votre propre fuseau horaire, date de fin incluse. Vous pouvez aussi filtrer par «{' '}
              {t('audit.user')} » (l’utilisateur qui a agi), « {t('audit.event')} » et « {t('audit.result')} » (réussites, échecs
              ou les deux), puis choisir « {t('audit.submit')} ».
            </p>
            <p>
              Les dates et heures sont affichées dans votre fuseau horaire, les plus récentes en premier ; « {t('audit.older')} »
              affiche les entrées qui précèdent celles de la page.
            </p>
            <p>
              « {t('audit.download')} » fournit un fichier CSV de toutes les entrées qui correspondent aux filtres, pas seulement
              de la page affichée. Ses heures sont dans votre fuseau horaire, que son en-tête indique.
            </p>
            <p>
              Personne ne peut modifier ni supprimer une entrée. Les entrées sont conservées {facts.auditKeepMonths} mois, quelle
              que soit la durée de conservation des données du compte, puis effacées par la purge de nuit. Les consultations et
              les téléchargements du journal y sont eux-mêmes enregistrés, avec les filtres utilisés.
            </p>
          </>
        ),
      },
      {
        id: 'error-logs',
        title: t('errorLog.title'),
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.configuration', 'menu.errorLogs')}, pour les profils {admin}, {adminNoUserManager} et{' '}
              {t('profile.viewer')}, liste les demandes de transaction du compte refusées au cours des {facts.errorLogDays}{' '}
              derniers jours : les demandes DirectLink et les paiements e-Terminal aujourd’hui, les plus récentes en premier.
              Chaque erreur indique son heure dans votre fuseau horaire, sa source, le USERID qui l’a envoyée, l’ORDERID, le code
              d’erreur de la plate-forme (NCERROR) et la raison détaillée.
            </p>
            <p>
              Le serveur du commerçant et le payeur ne reçoivent que le code d’erreur et un court texte ; c’est ici que vous
              trouvez le détail lorsqu’une intégration est refusée. Beaucoup de raisons parlent d’elles-mêmes ; pour les autres,
              reportez-vous aux guides d’intégration ou contactez le support en indiquant le NCERROR.
            </p>
            <p>
              Pour ne voir que les erreurs d’une source, choisissez-la dans « {t('errorLog.source')} », puis «{' '}
              {t('errorLog.submit')} ». « {t('errorLog.older')} » et « {t('errorLog.newer')} » passent d’une page de 50 erreurs à
              l’autre. Les erreurs de plus de {facts.errorLogDays} jours ne sont plus affichées et sont supprimées toutes les
              heures.
            </p>
          </>
        ),
      },
      {
        id: 'data-retention',
        title: 'Conservation des données',
        body: (
          <>
            <p>
              Chaque nuit, Guichet efface les données de paiement de votre compte (commandes et leurs opérations, entrées du
              journal des erreurs, fichiers de paiement déposés) plus anciennes que la durée de conservation du compte, de{' '}
              {facts.retentionMinDays} à {facts.retentionMaxDays} jours ({facts.retentionDefaultDays} sauf si un administrateur la
              change sur la page du compte, qui indique aussi combien le prochain passage effacera). Les entrées du journal
              d’audit ne sont pas des données de paiement : elles sont conservées {facts.auditKeepMonths} mois quelle que soit la
              durée choisie, puis effacées. Chaque effacement de nuit est enregistré dans le journal d’audit avec le nombre de
              lignes effacées pour chaque sorte de données, même quand il n’y avait rien à effacer.
            </p>
          </>
        ),
      },
      {
        id: 'production',
        title: t('production.title'),
        body: (
          <>
            <p>
              {menuPath(t, 'menu.configuration', 'menu.production')}, en TEST seulement et pour les profils {admin} et{' '}
              {adminNoUserManager}, copie votre compte TEST en PRODUCTION sous la forme d’un nouveau compte, pour les paiements
              réels. Votre compte TEST reste tel quel et vous pouvez continuer à l’utiliser pour vos tests. La PRODUCTION n’a pas
              cette page : ses comptes s’ouvrent uniquement depuis TEST.
            </p>
            <ol>
              <li>
                Choisissez le PSPID du compte PRODUCTION : le même qu’en TEST, sauf si vous en saisissez un autre, de 2 à 30
                lettres, chiffres, points, tirets ou traits de soulignement, qu’aucun autre compte PRODUCTION n’utilise (quelle
                que soit la casse).
              </li>
              <li>
                Vérifiez la page de contrôle : elle liste ce qui sera copié et ce qui ne le sera pas. Rien n’est créé avant que
                vous choisissiez « {t('production.confirm', { pspid: 'PSPID' })} ».
              </li>
              <li>La page de synthèse liste ensuite ce qui a été copié et ce qu’il faut configurer à nouveau en PRODUCTION.</li>
            </ol>
            <p>Copié :</p>
            <ul>
              <li>
                {t('production.part.administrative')} : {t('production.part.administrativeDetails')}
              </li>
              <li>
                {t('production.part.settings')} : {t('production.part.settingsDetails')}
              </li>
            </ul>
            <p>
              Non copié, à configurer à nouveau : l’abonnement, les options (et les devises, qui viennent avec l’option
              multidevise), le numéro de TVA, le mode de facturation, les modes de paiement, les informations 3-D Secure et les
              utilisateurs.
            </p>
            <p>
              Le compte PRODUCTION a un seul utilisateur, son administrateur par défaut : son USERID est le PSPID et son profil{' '}
              {admin}. Son mot de passe initial est envoyé par e-mail à l’adresse e-mail du compte TEST ou, si le compte n’en a
              pas, à la vôtre ; sans l’une ni l’autre, la page vous demande d’abord d’en renseigner une. Connectez-vous en
              PRODUCTION avec le PSPID et ce mot de passe : il ne sert qu’une fois, puis vous choisissez le vôtre.
            </p>
            <p>
              La copie se fait d’un seul tenant : si quoi que ce soit échoue, rien n’est créé. Un compte TEST a un seul compte
              PRODUCTION ; une fois celui-ci créé, la page indique sa date de création, avec un lien vers la synthèse. La création
              est enregistrée dans le journal d’audit des deux comptes.
            </p>
          </>
        ),
      },
      {
        id: 'e-terminal',
        title: t('eterminal.title'),
        body: (
          <>
            <p>
              La page {menuPath(t, 'menu.operations', 'menu.newTransaction')} (l’e-Terminal) enregistre un paiement par carte que
              votre client vous a transmis par courrier ou par téléphone. Elle existe quand le compte a l’option e-Terminal (
              {menuPath(t, 'menu.configuration', 'menu.account')}), pour le profil {t('profile.encoder')} et tous les profils
              au-dessus ; le profil {t('profile.viewer')} ne peut pas l’utiliser.
            </p>
            <p>
              Saisissez la référence de commande (jusqu’à 40 caractères ; une référence n’est payée qu’une fois dans le compte),
              le montant avec les décimales de la devise (15,00 pour des euros, 1500 pour des yens, 1.500 pour des dinars
              koweïtiens), la devise, et s’il s’agit d’une autorisation (le montant est réservé, à capturer plus tard) ou d’une
              vente (le paiement est demandé tout de suite) : l’opération par défaut du compte est choisie d’abord. Puis la carte
              : son numéro et sa date d’expiration (MM/AA) sont obligatoires, le nom du titulaire et le «{' '}
              {t('eterminal.field.cvc')} » ne le sont pas. Choisissez « {t('eterminal.pay')} ».
            </p>
            <p>
              La carte est vérifiée aussitôt (son numéro, sa date d’expiration, la longueur de son CVC) et envoyée à l’acquéreur.
              La page suivante montre le résultat : le PAYID, le statut en chiffres et en mots, le code d’autorisation,
              l’opération, le montant et la carte masquée. Une carte refusée reçoit aussi un PAYID, et la page dit pourquoi elle a
              été refusée.
            </p>
            <p>
              En cas d’erreur, chaque problème est montré à côté de son champ et ce que vous avez saisi est gardé, sauf le numéro
              de carte et le CVC : Guichet ne les garde jamais, saisissez-les à nouveau. Guichet ne conserve que les 6 premiers et
              les 4 derniers chiffres de la carte, jamais le CVC. Les paiements refusés figurent dans les journaux d’erreur.
            </p>
            <p>
              En TEST, ces cartes donnent des résultats fixes (le même tableau est sur{' '}
              {menuPath(t, 'menu.configuration', 'menu.technical')}, « {t('technical.tab.testInfo')} ») ; tout autre numéro de
              carte valide est autorisé :
            </p>
            <TestCardsTable t={t} cards={testCards} id="manual-test-cards" />
          </>
        ),
      },
      {
        id: 'cookies',
        title: 'Paramètres des cookies',
        body: (
          <>
            <p>
              Le lien « {t('shell.cookies')} » en bas de chaque page, y compris avant la connexion, présente chaque cookie déposé
              par Guichet et vous permet de choisir un niveau de cookies. Quel que soit le niveau, Guichet ne dépose que les
              cookies nécessaires à son fonctionnement.
            </p>
            <p>
              <a href={paths.cookies(env)}>{t('shell.cookies')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'support',
        title: 'Support',
        body: (
          <>
            <p>
              La rubrique Support du menu regroupe ce manuel, la foire aux questions, la version de la plate-forme et les
              coordonnées de l’équipe support.
            </p>
            <ul>
              <li>
                <a href={paths.support.faq(env)}>{t('support.faq.title')}</a>
              </li>
              <li>
                <a href={paths.support.version(env)}>{t('support.version.title')}</a>
              </li>
              <li>
                <a href={paths.support.contact(env)}>{t('support.contact.title')}</a>
              </li>
            </ul>
          </>
        ),
      },
    ],
  };
}
