"""Untuned probe (issue 11, eighth round, branch prec8): modern ordinary mail and lures of the same topics.

Issue 11's precision target says legitimate mail is flagged at most 1 % of the time and genuine brand mail
(order confirmations, shipping notices, sign-in alerts with aligned DKIM) never; our ham corpus is mostly from
2002. This probe holds modern ordinary mail in eight languages (ja, en, de, fr, es, pt, nl, it): refund and
return confirmations, order and shipping notices, invoices and receipts, payment-failed notices of a real
subscription (with the shop's own link), sign-in alerts, password-changed confirmations, newsletters that
mention prizes, campaigns and points, and public announcements (benefits, tax deadlines). Each is analysed as
a mail from its own domain with aligned authentication (dkim=pass and dmarc=pass for the From domain) and as
pasted body text. To keep the trade honest it also holds lures of the same topics (a refund to claim by
entering card data, a prize to collect by paying a fee, a benefit that needs an "application" on a link),
each analysed from an unaligned sender and pasted.

Written and committed before any rule of the round was changed; never edited afterwards to make a case pass
(a case the finished rules get wrong stays and is reported). Everything is made up (reserved names only).
"flagged" (ordinary) and "caught" (lures) are any verdict but ``no_signs``. Display names name no catalogued
authority (a tax office's or a city's real name from a reserved domain would be impersonation, rightly flagged);
"サンプルID" stays as written (it reads as the catalogued bank "bnp" on main: a finding of the probe, not a rule of
this round).

    python bench/probe_ordinary_round8.py            # counts, and each false alarm or miss
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"

# (language, topic, sender domain, display name, subject, body)
ORDINARY: list[tuple[str, str, str, str, str, str]] = [
    # --- ja
    ("ja", "refund", "shop.example.jp", "サンプルストア", "返金完了のお知らせ",
     "いつもサンプルストアをご利用いただきありがとうございます。ご注文番号 20261203-0042 の返品を確認し、"
     "返金処理を完了いたしました。返金額 3,980円は、ご利用のクレジットカード会社を通じて返金されます。"
     "反映までに数日かかる場合がございます。"),
    ("ja", "shipping", "shop.example.jp", "サンプルストア", "商品を発送しました",
     "ご注文の商品を本日発送いたしました。お問い合わせ伝票番号：1234-5678-9012。"
     "配送状況は https://shop.example.jp/orders/ からご確認いただけます。"),
    ("ja", "points newsletter", "shop.example.jp", "サンプルストア", "ポイント還元キャンペーン開催中",
     "12月1日から31日まで、対象商品のご購入で最大10%のポイント還元キャンペーンを実施中です。"
     "エントリーは不要です。詳しくは https://shop.example.jp/campaign/ をご覧ください。"),
    ("ja", "campaign winner", "shop.example.jp", "サンプルストア", "キャンペーン当選のお知らせ",
     "このたびは「冬のお楽しみキャンペーン」にご応募いただき、誠にありがとうございました。厳正なる抽選の結果、"
     "お客様がご当選されました。賞品はご登録のご住所へ12月中旬に発送いたします。お手続きは不要です。"),
    ("ja", "benefit", "city.example.jp", "サンプル市 広報", "物価高騰対応給付金の支給について",
     "物価高騰対応給付金（1世帯あたり3万円）は、対象の世帯へ12月20日に、ご登録の口座へ振り込みます。"
     "申請の手続きは必要ありません。市の職員が電話やメールで口座番号をお聞きすることはありません。"),
    ("ja", "tax deadline", "city.example.jp", "サンプル市 広報", "確定申告の受付期間のお知らせ",
     "令和8年分の確定申告の受付期間は2月16日から3月16日までです。還付申告は1月から提出できます。"
     "詳しくは市のホームページ https://city.example.jp/zeimu/ をご覧ください。"),
    ("ja", "sign-in alert", "account.example.jp", "サンプルID", "新しい端末からのログインがありました",
     "お客様のアカウントに新しい端末からログインがありました。日時：2026年12月3日 10:15、端末：Windows / Chrome。"
     "お心当たりがない場合は、アプリの「設定」からパスワードを変更してください。"),
    ("ja", "payment failed", "video.example.jp", "サンプル動画", "お支払いができませんでした",
     "12月分のご利用料金のお支払いが、ご登録のクレジットカードで完了できませんでした。引き続きご利用いただくには、"
     "https://video.example.jp/account/billing からお支払い方法をご確認ください。"),
    # --- en
    ("en", "refund", "shop.example.com", "Example Shop", "Your refund has been issued",
     "We've issued a refund of $24.99 for order #10442 to your Visa ending in 1234. It may take 5 to 10 "
     "business days to appear on your statement."),
    ("en", "payment failed", "app.example.com", "Example App", "Your payment didn't go through",
     "We couldn't process the payment for your Pro plan renewal. Update your payment method at "
     "https://app.example.com/billing to keep your plan active. If nothing changes, your plan will move to "
     "Free on December 10."),
    ("en", "sign-in alert", "accounts.example.com", "Example Accounts", "New sign-in to your account",
     "We noticed a new sign-in to your account from Chrome on Windows near Lisbon, Portugal. If this was you, "
     "you can ignore this email. If not, reset your password at https://accounts.example.com/security."),
    ("en", "prize newsletter", "shop.example.com", "Example Shop", "December news",
     "Congratulations to the winners of our November photo contest! This month members earn double points on "
     "every purchase, and our holiday giveaway of a weekend trip is open until December 20. Manage your email "
     "preferences at https://shop.example.com/preferences."),
    ("en", "receipt", "coffee.example.com", "Example Coffee", "Your receipt from Example Coffee",
     "Thanks for your purchase. Total paid: $8.40. Card: Mastercard ending in 5678. Questions about this "
     "receipt? Just reply to this email."),
    ("en", "tax deadline", "county.example.com", "Example County Treasurer", "Property tax reminder",
     "The second installment of 2026 property taxes is due on December 10. You can pay online at "
     "https://county.example.com/tax or by mail. If you pay through your mortgage escrow, no action is needed."),
    # --- de
    ("de", "refund", "shop.example.com", "Beispiel-Shop", "Erstattung für Ihre Rücksendung",
     "Wir haben Ihre Rücksendung erhalten und die Rückerstattung von 59,90 € auf Ihre Kreditkarte veranlasst. "
     "Die Gutschrift erscheint in den nächsten Tagen auf Ihrer Abrechnung."),
    ("de", "order", "shop.example.com", "Beispiel-Shop", "Bestellbestätigung 30021",
     "Vielen Dank für Ihre Bestellung. Wir haben Ihre Zahlung erhalten und versenden die Ware in 1 bis 2 "
     "Werktagen. Ihre Rechnung finden Sie in Ihrem Kundenkonto."),
    ("de", "password changed", "shop.example.com", "Beispiel-Shop", "Ihr Passwort wurde geändert",
     "Das Passwort für Ihr Kundenkonto wurde am 3. Dezember um 09:41 Uhr geändert. Wenn Sie das nicht waren, "
     "wenden Sie sich bitte an unseren Kundenservice."),
    ("de", "prize newsletter", "shop.example.com", "Beispiel-Shop", "Unser Adventskalender",
     "Hinter jedem Türchen unseres Adventskalenders wartet ein Gewinnspiel. Die Gewinner werden per E-Mail "
     "benachrichtigt. Mitmachen unter https://shop.example.com/advent; die Teilnahmebedingungen finden Sie dort."),
    ("de", "tax deadline", "stadt.example.com", "Stadtkasse Beispielstadt", "Grundsteuer: Fälligkeit 15. Februar",
     "Die nächste Rate der Grundsteuer ist am 15. Februar fällig. Wenn Sie uns ein SEPA-Lastschriftmandat "
     "erteilt haben, müssen Sie nichts tun."),
    ("de", "voucher", "shop.example.com", "Beispiel-Shop", "Danke für Ihre Treue",
     "Als Dankeschön für Ihre Treue schenken wir Ihnen einen Einkaufsgutschein über 10 €, der bei Ihrer "
     "nächsten Bestellung automatisch verrechnet wird."),
    # --- fr
    ("fr", "refund", "boutique.example.com", "Boutique Exemple", "Votre remboursement a été effectué",
     "Bonjour, nous vous confirmons le remboursement de 45,00 € pour la commande n° 88213. Le montant "
     "apparaîtra sur votre relevé bancaire sous 3 à 5 jours ouvrés."),
    ("fr", "shipping", "boutique.example.com", "Boutique Exemple", "Votre colis est en route",
     "Votre commande n° 88214 a été expédiée. Suivez votre colis sur https://boutique.example.com/suivi."),
    ("fr", "payment failed", "musique.example.com", "Musique Exemple", "Échec du paiement de votre abonnement",
     "Nous n'avons pas pu prélever le montant de votre abonnement mensuel (9,99 €). Vous pouvez mettre à jour "
     "votre moyen de paiement dans votre espace client : https://musique.example.com/compte. Sans paiement, "
     "votre abonnement sera suspendu le 15 décembre."),
    ("fr", "prize newsletter", "boutique.example.com", "Boutique Exemple", "Les gagnants de novembre",
     "Félicitations aux gagnants du jeu-concours de novembre ! Les lots ont été envoyés. Ce mois-ci, vos points "
     "fidélité comptent double sur toute la boutique."),
    ("fr", "tax deadline", "impots.example.com", "Impôts Exemple", "Taxe foncière",
     "Votre avis de taxe foncière est disponible dans votre espace particulier. La date limite de paiement est "
     "fixée au 15 octobre. Si vous avez opté pour le prélèvement mensuel, vous n'avez rien à faire."),
    ("fr", "sign-in alert", "compte.example.com", "Compte Exemple", "Nouvelle connexion à votre compte",
     "Une connexion à votre compte a été effectuée depuis un nouvel appareil (iPhone, Lyon) le 3 décembre à "
     "08:12. Si c'est bien vous, aucune action n'est nécessaire."),
    # --- es
    ("es", "refund", "tienda.example.com", "Tienda Ejemplo", "Reembolso procesado",
     "Hola, te confirmamos que hemos procesado el reembolso de 32,50 € de tu devolución del pedido 55120. "
     "Lo verás en tu cuenta en un plazo de 5 a 7 días hábiles."),
    ("es", "shipping", "tienda.example.com", "Tienda Ejemplo", "Tu pedido está en camino",
     "Tu pedido 55121 ha salido de nuestro almacén y llegará el jueves. Puedes seguir el envío en "
     "https://tienda.example.com/pedidos."),
    ("es", "invoice", "telefonia.example.com", "Telefonía Ejemplo", "Tu factura de noviembre",
     "Ya está disponible tu factura de noviembre por importe de 29,90 €. Se cargará en tu cuenta el día 5. "
     "Puedes consultarla en https://telefonia.example.com/facturas."),
    ("es", "prize newsletter", "tienda.example.com", "Tienda Ejemplo", "Ganadores del sorteo de Navidad",
     "¡Ya tenemos ganadores del sorteo de Navidad! Hemos contactado con ellos por teléfono. Gracias a todos por "
     "participar. Además, este mes acumulas el doble de puntos en tus compras."),
    ("es", "tax refund news", "agencia.example.com", "Impuestos Ejemplo", "Campaña de la Renta",
     "La campaña de la declaración de la Renta empieza el 2 de abril. Si tu declaración sale a devolver, "
     "recibirás la devolución en la cuenta que indiques en la propia declaración."),
    ("es", "password changed", "cuenta.example.com", "Cuenta Ejemplo", "Contraseña cambiada",
     "Tu contraseña se ha cambiado correctamente. Si no has sido tú, ponte en contacto con nosotros desde la app."),
    # --- pt
    ("pt", "refund", "loja.example.com", "Loja Exemplo", "Reembolso aprovado",
     "Olá! O reembolso do seu pedido 7731 foi aprovado e o valor de R$ 89,90 será estornado no seu cartão em "
     "até duas faturas."),
    ("pt", "delivery", "loja.example.com", "Loja Exemplo", "Seu pedido foi entregue",
     "Seu pedido 7732 foi entregue hoje às 14h20. Conte pra gente o que achou da compra no app."),
    ("pt", "payment failed", "streaming.example.com", "Streaming Exemplo", "Pagamento não aprovado",
     "Não conseguimos processar o pagamento da sua assinatura. Atualize a forma de pagamento em "
     "https://streaming.example.com/conta para continuar assistindo."),
    ("pt", "prize newsletter", "loja.example.com", "Loja Exemplo", "Parabéns aos ganhadores",
     "Parabéns aos ganhadores da nossa promoção de aniversário! A lista completa está no nosso site. E neste mês, "
     "compras acima de R$ 100 ganham pontos em dobro."),
    ("pt", "tax refund news", "receita.example.com", "Receita (exemplo)", "Restituição do Imposto de Renda",
     "O lote de restituição de dezembro será pago no dia 30. Consulte a situação da sua declaração no portal; "
     "não enviamos links de pagamento por e-mail."),
    ("pt", "sign-in alert", "banco.example.com", "Banco Exemplo", "Novo acesso à sua conta",
     "Identificamos um novo acesso à sua conta pelo navegador Firefox em Campinas. Se foi você, não é preciso "
     "fazer nada."),
    # --- nl
    ("nl", "refund", "winkel.example.com", "Winkel Voorbeeld", "Je terugbetaling",
     "We hebben je retour ontvangen. Het bedrag van € 34,95 wordt binnen 3 werkdagen teruggestort op je "
     "rekening."),
    ("nl", "shipping", "winkel.example.com", "Winkel Voorbeeld", "Je bestelling is verzonden",
     "Goed nieuws! Je bestelling 66120 is onderweg en wordt morgen tussen 10:00 en 14:00 bezorgd."),
    ("nl", "gift card", "winkel.example.com", "Winkel Voorbeeld", "Je cadeaubon",
     "Bedankt voor je aankoop van een cadeaubon van € 50. De cadeaubon is 2 jaar geldig en kan in al onze "
     "winkels worden ingewisseld."),
    ("nl", "prize newsletter", "winkel.example.com", "Winkel Voorbeeld", "Nieuwsbrief december",
     "Gefeliciteerd aan alle winnaars van onze herfstactie! Deze maand maak je kans op een fiets bij aankoop van "
     "een jaarabonnement."),
    ("nl", "tax notice", "gemeente.example.com", "Gemeente Voorbeeld", "Aanslag gemeentelijke belastingen",
     "De aanslag gemeentelijke belastingen 2027 staat vanaf 28 februari in uw Berichtenbox. Betaalt u via "
     "automatische incasso, dan hoeft u niets te doen."),
    ("nl", "sign-in alert", "account.example.com", "Account Voorbeeld", "Nieuwe aanmelding",
     "Er is op 3 december om 21:04 aangemeld op je account vanaf een nieuw apparaat (Android, Utrecht). Was jij "
     "dit? Dan hoef je niets te doen."),
    # --- it
    ("it", "refund", "negozio.example.com", "Negozio Esempio", "Rimborso effettuato",
     "Ti confermiamo che il rimborso di 27,00 € per il reso dell'ordine 4410 è stato effettuato. L'accredito "
     "sarà visibile sulla carta entro 5 giorni lavorativi."),
    ("it", "shipping", "negozio.example.com", "Negozio Esempio", "Il tuo ordine è stato spedito",
     "Il tuo ordine 4411 è stato affidato al corriere e arriverà entro venerdì."),
    ("it", "receipt", "negozio.example.com", "Negozio Esempio", "Ricevuta di pagamento",
     "Grazie per il tuo acquisto. Importo pagato: 12,90 €. Trovi la ricevuta nella tua area personale."),
    ("it", "prize newsletter", "negozio.example.com", "Negozio Esempio", "Vincitori del concorso",
     "Complimenti ai vincitori del nostro concorso di Natale! I premi saranno spediti entro gennaio. Continua a "
     "raccogliere punti con la tua carta fedeltà."),
    ("it", "tax deadline", "comune.example.com", "Comune di Esempio", "Scadenza TARI",
     "Ricordiamo che la seconda rata della TARI scade il 16 dicembre. Chi ha attivato la domiciliazione bancaria "
     "non deve fare nulla."),
    ("it", "password changed", "negozio.example.com", "Negozio Esempio", "Password modificata",
     "La password del tuo account è stata modificata il 3 dicembre alle 11:20. Se non sei stato tu, contattaci "
     "dall'app."),
]

# (language, topic, display name, subject, body): lures of the same topics, from an unaligned sender
LURES: list[tuple[str, str, str, str, str]] = [
    ("ja", "refund to claim", "返金センター", "返金のお知らせ",
     "お客様のご注文に二重請求が発生したため、返金手続きを行います。返金を受け取るには、下記のリンクから"
     "カード情報を入力してください。本日中にお手続きがない場合、返金は無効となります。 https://refund-center.example.net/jp"),
    ("ja", "benefit application", "給付金事務局", "給付金のご案内",
     "物価高騰対策給付金の受給資格が確認されました。受け取りには、下記URLから申請手続きが必要です。"
     "期限は12月10日までです。 https://kyufu-shinsei.example.net/"),
    ("ja", "prize with fee", "キャンペーン事務局", "キャンペーン当選",
     "おめでとうございます！ポイント還元キャンペーンで5万円分のギフト券に当選しました。受け取りには"
     "事務手数料1,000円のお支払いが必要です。"),
    ("en", "refund to claim", "Refund Department", "Refund notice",
     "We were unable to process your refund of $89.50 for order #20931. To receive it, confirm your card "
     "number, expiry date and security code at https://refunds.example.net/claim within 48 hours, or the "
     "refund will be cancelled."),
    ("en", "prize with fee", "Holiday Giveaway", "You're a winner",
     "Your email was drawn in our holiday giveaway! Your $500 gift card is reserved. Pay a small handling fee "
     "of $4.99 to have it shipped."),
    ("en", "benefit application", "Energy Support", "Energy support payment",
     "You are eligible for a one-time energy support payment of £400. Apply now at "
     "https://energy-support.example.net before Friday; unclaimed payments are returned to the treasury."),
    ("de", "refund to claim", "Kundenservice", "Rückerstattung",
     "Aufgrund einer doppelten Abbuchung steht Ihnen eine Rückerstattung von 129,00 € zu. Geben Sie Ihre "
     "Kartendaten ein, um die Gutschrift zu erhalten: https://erstattung.example.net/"),
    ("de", "prize with fee", "Gutschein-Service", "Ihr Gutschein",
     "Sie haben einen Einkaufsgutschein über 250 € erhalten! Zahlen Sie nur die Versandkosten von 1,99 €, um "
     "ihn zu aktivieren."),
    ("de", "benefit application", "Energiepauschale", "Energiepauschale",
     "Sie haben Anspruch auf die Energiepauschale von 300 €. Beantragen Sie die Auszahlung bis zum 15. Dezember "
     "über das folgende Formular, sonst verfällt der Anspruch: https://pauschale.example.net/antrag"),
    ("fr", "refund to claim", "Service client", "Remboursement en attente",
     "Un remboursement de 74,20 € est en attente sur votre dossier. Pour le recevoir, indiquez vos coordonnées "
     "bancaires sur https://remb.example.net avant 48 heures."),
    ("fr", "prize by reply", "Jeu-concours", "Vous avez été tiré au sort",
     "Vous avez été tiré au sort ! Un bon d'achat de 300 € vous attend. Répondez avec votre nom, adresse et "
     "numéro de téléphone pour le recevoir."),
    ("fr", "benefit application", "Chèque énergie", "Chèque énergie",
     "Votre chèque énergie de 277 € n'a pas encore été réclamé. Faites votre demande en ligne avant le 31 "
     "décembre : https://cheque.example.net"),
    ("es", "refund to claim", "Atención al cliente", "Devolución pendiente",
     "Tiene un reembolso pendiente de 64,90 € por un cobro duplicado. Para recibirlo, introduzca los datos de su "
     "tarjeta en el siguiente enlace: https://devoluciones.example.net"),
    ("es", "prize with fee", "Sorteo mensual", "Sorteo",
     "¡Ha sido seleccionado en nuestro sorteo mensual! Para recibir su tarjeta regalo de 200 €, abone los gastos "
     "de envío de 2,50 €."),
    ("es", "benefit application", "Ayudas", "Ayuda de 200 euros",
     "Usted es beneficiario de la ayuda de 200 euros. Solicítela antes del viernes en https://ayuda.example.net "
     "o perderá el derecho."),
    ("pt", "refund to claim", "Central de Estornos", "Estorno disponível",
     "Identificamos uma cobrança em duplicidade no seu cartão. Para receber o estorno de R$ 219,00, confirme os "
     "dados do cartão em https://estorno.example.net hoje."),
    ("pt", "prize with fee", "Promoção", "Você foi sorteado",
     "Você foi sorteado na nossa promoção e ganhou um vale-compras de R$ 1.000. Para liberar o prêmio, pague a "
     "taxa de R$ 19,90."),
    ("pt", "benefit application", "Benefícios", "Benefício disponível",
     "Seu CPF tem um benefício de R$ 600 disponível. Faça o cadastro no link abaixo até amanhã para não perder o "
     "valor: https://beneficio.example.net"),
    ("nl", "refund to claim", "Klantenservice", "Terugbetaling",
     "U heeft te veel betaald voor uw energierekening. Vul uw bankgegevens in via https://terug.example.net om "
     "de terugbetaling van € 148,22 te ontvangen."),
    ("nl", "prize with fee", "Winactie", "Winnaar",
     "U bent geselecteerd als winnaar van een cadeaukaart van € 500! Betaal alleen € 1,95 verzendkosten om uw "
     "prijs te ontvangen."),
    ("nl", "benefit application", "Toeslagen", "Energietoeslag",
     "U heeft recht op een energietoeslag van € 800. Vraag deze vandaag nog aan via de link, anders vervalt uw "
     "recht: https://toeslag.example.net"),
    ("it", "refund to claim", "Servizio clienti", "Rimborso",
     "Le è stato riconosciuto un rimborso di 96,40 €. Per riceverlo inserisca i dati della sua carta entro 24 "
     "ore: https://rimborsi.example.net"),
    ("it", "prize with fee", "Concorso", "Vincitore",
     "Lei è stato estratto come vincitore di un buono regalo da 500 €. Per ritirarlo paghi le spese di "
     "spedizione di 2 €."),
    ("it", "benefit application", "Bonus", "Bonus energia",
     "Lei ha diritto al bonus energia di 150 €. Presenti la domanda sul portale entro domani, altrimenti il bonus "
     "andrà perso: https://bonus.example.net"),
]


def _mail(from_: str, subject: str, body: str, auth: str, message_id: str = "probe8@example.net") -> bytes:
    head = (f"Authentication-Results: {auth}\nFrom: {from_}\nTo: taro.yamada@example.jp\nSubject: {subject}\n"
            f"Date: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <{message_id}>\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + body + "\n").encode()


def _aligned(domain: str) -> str:
    return (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")


def _rules(analysis: object) -> str:
    return ", ".join(f"{f.rule}:{f.severity}:{dict(f.params).get('how', '')}"
                     for f in analysis.findings)  # type: ignore[attr-defined]


def flag_ordinary(cases: list[tuple[str, str, str, str, str, str]]) -> dict[str, int]:
    """Each ordinary case analysed as an aligned mail and pasted; each false alarm printed; how many
    of each form were flagged."""
    flagged = {"mail": 0, "paste": 0}
    for lang, topic, domain, name, subject, body in cases:
        for form, data in (("mail", _mail(f"{name} <info@{domain}>", subject, body, _aligned(domain))),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            if a.verdict != "no_signs":
                flagged[form] += 1
                print(f"alarm {lang} {topic:<20} {form:<5} {a.verdict:<10} [{_rules(a)}]")
    return flagged


def main() -> int:
    flagged = flag_ordinary(ORDINARY)
    caught = {"mail": 0, "paste": 0}
    for lang, topic, name, subject, body in LURES:
        for form, data in (("mail", _mail(f"{name} <info@notice.example.net>", subject, body, UNALIGNED)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            if a.verdict == "no_signs":
                print(f"miss  {lang} {topic:<20} {form:<5} {a.verdict:<10} [{_rules(a)}]")
            else:
                caught[form] += 1
    n, m = len(ORDINARY), len(LURES)
    print(f"\nordinary mail flagged {flagged['mail'] + flagged['paste']}/{2 * n} "
          f"(aligned mail {flagged['mail']}/{n}, pasted {flagged['paste']}/{n}); "
          f"lures caught {caught['mail'] + caught['paste']}/{2 * m} "
          f"(unaligned mail {caught['mail']}/{m}, pasted {caught['paste']}/{m})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
