"""Untuned probe (issue 11, ninth round, branch review9): ordinary modern mail in the eight languages whose wording
families round 9 extended (phrases.toml: scam_lure, scam_ask, urgency's deadlines, the callback family).

Six topics per language (it, nl, fr, es, pt, de, ja, en): a shop's order/refund/return mail, a bank's notice, a
city's benefit announcement, a delivery notice, a prize-draw newsletter and an IT department's notice. Each is
analysed as a mail from its own domain with aligned authentication and as pasted body text (as
bench/probe_ordinary_round8.py builds them). Written by the reviewer before reading any result, and never edited
afterwards to make a case pass. Everything is made up (reserved names only). "flagged" is any verdict but
``no_signs``.

    python bench/probe_review9.py            # counts, and each false alarm
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.probe_ordinary_round8 import flag_ordinary

# (language, topic, sender domain, display name, subject, body)
ORDINARY: list[tuple[str, str, str, str, str, str]] = [
    # --- it
    ("it", "return refund", "shop.example.com", "Negozio Esempio", "Il tuo reso è stato ricevuto",
     "Ciao Marco, abbiamo ricevuto il pacco del tuo reso per l'ordine n. 40211. Il rimborso di 39,90 € verrà "
     "accreditato sul metodo di pagamento originale entro 5-7 giorni lavorativi. Per ricevere il rimborso non devi "
     "fare nulla. Puoi seguire lo stato del reso nella tua area clienti: https://shop.example.com/ordini"),
    ("it", "bank notice", "bank.example.com", "Banca Esempio", "Aggiornamento delle condizioni contrattuali",
     "Gentile cliente, dal 1° febbraio 2027 cambieranno alcune condizioni del suo conto corrente. Trova il documento "
     "completo nella sezione Documenti dell'app. Non è richiesta alcuna azione da parte sua. Ricordiamo che la "
     "banca non le chiederà mai codici o password via e-mail."),
    ("it", "city benefit", "comune.example.com", "Comune di Esempio", "Bonus affitto 2027: domande aperte",
     "Dal 10 gennaio è possibile presentare la domanda per il contributo affitto 2027. Possono richiederlo i nuclei "
     "con ISEE fino a 15.000 euro. La domanda si presenta online sul portale del Comune entro il 28 febbraio. "
     "Informazioni allo sportello o al numero 055 123 4567."),
    ("it", "delivery", "corriere.example.com", "Corriere Esempio", "La tua spedizione è in consegna oggi",
     "La spedizione 1Z999 sarà consegnata oggi tra le 14:00 e le 18:00. Se non sei a casa, puoi scegliere un punto "
     "di ritiro dall'app. Traccia il pacco: https://corriere.example.com/track/1Z999"),
    ("it", "prize newsletter", "shop.example.com", "Negozio Esempio", "Concorso di Natale: partecipa e vinci",
     "Fino al 24 dicembre ogni acquisto ti dà una possibilità di vincere uno dei 10 buoni regalo da 100 €. "
     "L'estrazione si terrà il 10 gennaio e i vincitori saranno avvisati via e-mail. Regolamento completo sul sito."),
    ("it", "IT notice", "example.com", "Servizi IT", "Manutenzione programmata della posta",
     "Sabato 12 dicembre dalle 22:00 alle 02:00 la posta elettronica non sarà disponibile per manutenzione. "
     "Non è necessaria alcuna azione. Per problemi apri un ticket sul portale interno o chiama l'interno 4400."),
    # --- nl
    ("nl", "order refund", "winkel.example.com", "Voorbeeldwinkel", "Je terugbetaling is verwerkt",
     "Hoi Sanne, we hebben je retour van bestelling 88213 ontvangen. Het bedrag van € 24,95 wordt binnen 3 "
     "werkdagen teruggestort op je rekening. Bekijk je bestellingen in Mijn account."),
    ("nl", "bank notice", "bank.example.com", "Voorbeeldbank", "Nieuwe pas onderweg",
     "Beste klant, je betaalpas verloopt eind deze maand. Je nieuwe pas is onderweg en komt binnen 5 werkdagen "
     "per post. Activeer de pas bij je eerste betaling met je pincode. Wij vragen nooit om je pincode per e-mail."),
    ("nl", "city benefit", "gemeente.example.com", "Gemeente Voorbeeld", "Energietoeslag 2027 aanvragen",
     "Heeft u een laag inkomen? Dan kunt u de energietoeslag van € 800 aanvragen. Vraag de toeslag aan via "
     "MijnGemeente tot en met 31 maart 2027. Hulp nodig bij het aanvragen? Bel 14 020."),
    ("nl", "delivery", "bezorg.example.com", "Bezorgdienst", "Je pakket wordt morgen bezorgd",
     "Goed nieuws! Je pakket van Voorbeeldwinkel wordt morgen tussen 09:00 en 13:00 bezorgd. Niet thuis? "
     "Wijzig de bezorging in de app."),
    ("nl", "prize newsletter", "winkel.example.com", "Voorbeeldwinkel", "Win een weekendje weg",
     "Doe mee met onze winteractie en maak kans op een weekendje weg voor twee. Meedoen kan tot 31 januari; de "
     "winnaar wordt op 7 februari bekendgemaakt. Actievoorwaarden op onze website."),
    ("nl", "IT notice", "example.com", "ICT-servicedesk", "Wachtwoord wijzigen vóór 1 januari",
     "Beste collega, vanaf 1 januari geldt een nieuw wachtwoordbeleid. Wijzig je wachtwoord vóór die datum via "
     "het selfserviceportaal op het intranet. Vragen? Neem contact op met de servicedesk."),
    # --- fr
    ("fr", "return refund", "boutique.example.com", "Boutique Exemple", "Votre remboursement est en cours",
     "Bonjour Claire, nous avons bien reçu votre retour (commande n° 55120). Votre remboursement de 59,00 € sera "
     "effectué sous 14 jours sur votre moyen de paiement. Pour recevoir votre remboursement plus vite, déposez vos "
     "prochains retours en point relais. Suivez vos commandes depuis votre espace client."),
    ("fr", "bank notice", "banque.example.com", "Banque Exemple", "Vos relevés de compte passent au numérique",
     "Madame, Monsieur, à compter du 1er mars, vos relevés de compte seront disponibles uniquement dans votre espace "
     "en ligne. Vous pouvez demander à continuer de les recevoir par courrier auprès de votre conseiller."),
    ("fr", "city benefit", "mairie.example.com", "Mairie d'Exemple", "Chèque énergie : la demande est ouverte",
     "La ville verse une aide exceptionnelle de 150 € aux foyers modestes. Déposez votre demande avant le 31 janvier "
     "sur le site de la mairie ou à l'accueil, avec un justificatif de domicile. Renseignements au 01 23 45 67 89."),
    ("fr", "delivery", "livraison.example.com", "Livraison Exemple", "Votre colis arrive demain",
     "Votre colis n° 8J0012 sera livré demain entre 8h et 13h. En cas d'absence, il sera déposé dans le point "
     "relais le plus proche. Suivre mon colis : https://livraison.example.com/suivi"),
    ("fr", "prize newsletter", "boutique.example.com", "Boutique Exemple", "Grand jeu de Noël",
     "Participez à notre grand jeu de Noël et tentez de gagner une carte cadeau de 200 €. Le tirage au sort aura "
     "lieu le 5 janvier ; les gagnants seront prévenus par e-mail. Règlement disponible sur notre site."),
    ("fr", "IT notice", "example.com", "Support informatique", "Mise à jour de sécurité des postes",
     "Bonjour à tous, une mise à jour de sécurité sera installée automatiquement ce jeudi. Merci de redémarrer votre "
     "ordinateur avant de partir. Aucune action supplémentaire n'est nécessaire."),
    # --- es
    ("es", "order refund", "tienda.example.com", "Tienda Ejemplo", "Hemos procesado tu reembolso",
     "Hola Lucía, hemos recibido tu devolución del pedido 70341. Te reembolsaremos 45,00 € en un plazo de 5 a 10 "
     "días en la tarjeta que usaste. Puedes consultar el estado en Mi cuenta."),
    ("es", "bank notice", "banco.example.com", "Banco Ejemplo", "Cambios en las comisiones de tu cuenta",
     "Estimado cliente: a partir del 1 de marzo se actualizan las comisiones de mantenimiento de tu cuenta. "
     "Consulta el detalle en la app. Si no estás de acuerdo, puedes cancelar la cuenta sin coste. Te recordamos que "
     "nunca te pediremos tus claves por correo."),
    ("es", "city benefit", "ayuntamiento.example.com", "Ayuntamiento de Ejemplo", "Ayudas al alquiler joven 2027",
     "El Ayuntamiento abre el plazo para solicitar la ayuda al alquiler para menores de 35 años, de hasta 250 € al "
     "mes. Presenta tu solicitud en la sede electrónica antes del 15 de febrero. Más información en el 010."),
    ("es", "delivery", "envios.example.com", "Envíos Ejemplo", "Tu paquete está en reparto",
     "Tu paquete 4455-ES llegará hoy. Si no vas a estar, puedes cambiar la fecha de entrega en nuestra web. "
     "Seguimiento: https://envios.example.com/seguimiento"),
    ("es", "prize newsletter", "tienda.example.com", "Tienda Ejemplo", "Sorteo de aniversario",
     "Celebramos 10 años y lo hacemos con un sorteo: por cada compra antes del 31 de diciembre participas en el "
     "sorteo de 5 tarjetas regalo de 100 €. Publicaremos los ganadores en nuestras redes el 8 de enero."),
    ("es", "IT notice", "example.com", "Soporte TI", "Migración del correo el fin de semana",
     "Este fin de semana migraremos el correo a la nueva plataforma. El lunes deberás iniciar sesión con tu usuario "
     "y contraseña habituales. Si tienes problemas, llama a la extensión 2200."),
    # --- pt
    ("pt", "return refund", "loja.example.com", "Loja Exemplo", "Recebemos a sua devolução",
     "Olá Ana, recebemos o produto devolvido do pedido 99120. O reembolso de R$ 129,90 será feito em até 10 dias "
     "úteis no mesmo meio de pagamento. Acompanhe em Minha conta."),
    ("pt", "bank notice", "banco.example.com", "Banco Exemplo", "Seu novo cartão foi enviado",
     "Prezado cliente, seu novo cartão foi enviado para o endereço cadastrado e deve chegar em até 7 dias úteis. "
     "Desbloqueie-o pelo aplicativo. O banco nunca solicita senhas por e-mail ou telefone."),
    ("pt", "city benefit", "prefeitura.example.com", "Prefeitura de Exemplo", "Auxílio transporte: inscrições abertas",
     "Estudantes da rede municipal podem solicitar o auxílio transporte de R$ 150 por mês. As inscrições vão até 20 "
     "de fevereiro no portal da prefeitura. Dúvidas: ligue 156."),
    ("pt", "delivery", "entregas.example.com", "Entregas Exemplo", "Seu pedido saiu para entrega",
     "Seu pedido saiu para entrega e chega hoje até as 20h. Acompanhe a entrega pelo app. Código de rastreio: "
     "BR123456789."),
    ("pt", "prize newsletter", "loja.example.com", "Loja Exemplo", "Promoção de Natal: concorra a prêmios",
     "Nas compras acima de R$ 100 até 24 de dezembro, você ganha um número da sorte e concorre a 3 vales-compra de "
     "R$ 1.000. O sorteio será em 10 de janeiro. Regulamento no site."),
    ("pt", "IT notice", "example.com", "Suporte de TI", "Autenticação em dois fatores obrigatória",
     "A partir de segunda-feira, a autenticação em dois fatores será obrigatória para o e-mail corporativo. "
     "Configure pelo portal interno até sexta. Em caso de dúvidas, abra um chamado no service desk."),
    # --- de
    ("de", "order refund", "shop.example.com", "Beispielshop", "Ihre Rückerstattung",
     "Hallo Herr Müller, wir haben Ihre Rücksendung zur Bestellung 301122 erhalten. Die Erstattung über 79,99 € "
     "erfolgt innerhalb von 5 Werktagen auf Ihr ursprüngliches Zahlungsmittel. Ihre Bestellungen finden Sie in "
     "Ihrem Kundenkonto."),
    ("de", "bank notice", "bank.example.com", "Beispielbank", "Änderung Ihrer Kontoführungsgebühren",
     "Sehr geehrte Kundin, sehr geehrter Kunde, zum 1. April ändern sich die Entgelte für Ihr Girokonto. Wenn Sie "
     "nicht einverstanden sind, können Sie bis dahin kostenfrei kündigen. Die Details finden Sie im Postfach Ihres "
     "Online-Bankings."),
    ("de", "city benefit", "stadt.example.com", "Stadt Beispiel", "Heizkostenzuschuss jetzt beantragen",
     "Haushalte mit Wohngeld können bis zum 31. März einen Heizkostenzuschuss von 200 € beantragen. Den Antrag "
     "finden Sie im Serviceportal der Stadt. Telefonische Beratung unter 0123 456789."),
    ("de", "delivery", "paket.example.com", "Paketdienst Beispiel", "Ihr Paket kommt heute",
     "Ihre Sendung 00340434 wird heute zwischen 10:00 und 14:00 Uhr zugestellt. Nicht zu Hause? Wählen Sie in der "
     "App einen Ablageort oder eine Packstation."),
    ("de", "prize newsletter", "shop.example.com", "Beispielshop", "Adventsgewinnspiel",
     "Jeden Tag ein Türchen: Beim Adventsgewinnspiel verlosen wir Gutscheine im Wert von 50 €. Teilnahme bis 24. "
     "Dezember, die Gewinner werden per E-Mail benachrichtigt. Teilnahmebedingungen auf unserer Website."),
    ("de", "IT notice", "example.com", "IT-Service", "Neues VPN ab Montag",
     "Liebe Kolleginnen und Kollegen, ab Montag nutzen wir einen neuen VPN-Client. Er wird automatisch installiert. "
     "Melden Sie sich wie gewohnt mit Ihrem Benutzernamen an. Bei Problemen: Durchwahl 1234."),
    # --- ja
    ("ja", "return refund", "shop.example.jp", "サンプル通販", "返品受付のご連絡",
     "ご注文番号 5521 の返品を受け付けました。商品が当社に到着後、5営業日以内にご返金いたします。"
     "返金はご注文時のお支払い方法で行います。マイページから状況をご確認いただけます。"),
    ("ja", "bank notice", "bank.example.jp", "サンプル銀行", "キャッシュカードの有効期限について",
     "いつもご利用ありがとうございます。お客さまのキャッシュカードの有効期限が近づいております。新しいカードは"
     "ご登録の住所へ簡易書留でお送りします。当行からメールで暗証番号をお尋ねすることはございません。"),
    ("ja", "city benefit", "city.example.jp", "サンプル市 福祉課", "子育て応援給付金の申請受付",
     "子育て世帯を対象に、子ども1人あたり5万円の給付金を支給します。申請期限は2月28日です。"
     "申請書は市役所窓口またはホームページから入手できます。お問い合わせは福祉課 0120-000-000 まで。"),
    ("ja", "delivery", "delivery.example.jp", "サンプル運輸", "お荷物お届けのお知らせ",
     "お荷物を本日14時〜16時にお届けする予定です。ご不在の場合は不在票をご確認のうえ、再配達をお申し込みください。"),
    ("ja", "prize newsletter", "shop.example.jp", "サンプル通販", "年末大感謝祭 抽選で100名様にプレゼント",
     "期間中に3,000円以上お買い上げの方の中から、抽選で100名様にギフト券1,000円分をプレゼント。"
     "当選者の発表は賞品の発送をもってかえさせていただきます。"),
    ("ja", "IT notice", "example.jp", "情報システム部", "パスワード変更のお願い（社内）",
     "情報セキュリティ規程に基づき、全社員のパスワードを12月末までに変更してください。"
     "変更は社内ポータルの「設定」から行えます。不明点はヘルプデスク（内線 3300）までお問い合わせください。"),
    # --- en
    ("en", "order refund", "shop.example.com", "Example Shop", "Your refund has been issued",
     "Hi Sam, we've received your return for order #10455. A refund of $34.50 has been issued to your original "
     "payment method and should appear within 5-10 business days. To receive your refund faster next time, choose "
     "store credit. View your orders in your account."),
    ("en", "bank notice", "bank.example.com", "Example Bank", "Important changes to your account terms",
     "Dear customer, from 1 March 2027 the overdraft rate on your account will change. You do not need to do "
     "anything. If you do not agree, you can close your account without charge by calling us on 0800 123 4567. "
     "We will never ask for your PIN or passcode by email."),
    ("en", "city benefit", "city.example.com", "Example City Council", "Winter fuel support: apply by 31 January",
     "Households on a low income can apply for a one-off payment of £150 towards heating costs. Apply online on the "
     "council website by 31 January. If you need help applying, call 0300 123 4567. Payments are made within 4 "
     "weeks of approval."),
    ("en", "delivery", "parcels.example.com", "Example Parcels", "Your parcel is out for delivery",
     "Your parcel from Example Shop is out for delivery today between 11:00 and 15:00. Not home? You can choose a "
     "safe place or a neighbour in the app. Track it: https://parcels.example.com/t/7788"),
    ("en", "prize newsletter", "shop.example.com", "Example Shop", "Enter our holiday giveaway",
     "This December, every order enters you into our holiday giveaway: 20 winners will receive a $100 gift card. "
     "The draw takes place on 5 January and winners will be notified by email. Terms apply."),
    ("en", "IT notice", "example.com", "IT Service Desk", "Action required: enrol in multi-factor authentication",
     "Hi all, from Monday 14 December multi-factor authentication will be required for email. Please enrol before "
     "then from the self-service portal on the intranet. Accounts that are not enrolled will be prompted at next "
     "sign-in. Questions: ext. 5500."),
]


def main() -> int:
    flagged = flag_ordinary(ORDINARY)
    n = len(ORDINARY)
    print(f"\nordinary mail flagged {flagged['mail'] + flagged['paste']}/{2 * n} "
          f"(aligned mail {flagged['mail']}/{n}, pasted {flagged['paste']}/{n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
