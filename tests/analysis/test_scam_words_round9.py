"""Issue 11, round 9: the wording families in every language the product reads (it, nl, fr, es, pt, de, ja,
en). A lure written in any of them is caught by its class (the topic named and the ask as that language
writes it); the ordinary mail of the same topics — a shop's refund, a prize draw's winners, a tax office's
reminder, a renewal receipt — stays clean. Made-up texts, reserved names only."""

from __future__ import annotations

import pytest

from bot.analysis.brands import catalogue
from bot.analysis.pipeline import analyse
from tests.analysis.test_scam_topic_round8 import ALIGNED, UNALIGNED, _mail

ORDINARY = [
    # a shop's refund
    ("it", "Rimborso effettuato", "Il rimborso di 24,90 € per l'ordine 4471 è stato accreditato sulla carta usata per "
     "l'acquisto. Potrebbero servire alcuni giorni perché compaia nell'estratto conto."),
    ("nl", "Terugbetaling verwerkt", "Je terugbetaling van € 39,95 voor bestelling 8812 is verwerkt. Het bedrag staat "
     "binnen 3 tot 5 werkdagen op je rekening."),
    ("fr", "Remboursement effectué", "Votre remboursement de 59,90 € a été effectué sur votre carte bancaire. Il "
     "apparaîtra sur votre relevé sous 3 à 5 jours ouvrés."),
    ("es", "Reembolso procesado", "Hemos procesado el reembolso de 32,50 € de tu pedido 2210. Lo verás en tu cuenta "
     "en un plazo de 5 a 10 días hábiles."),
    ("pt", "Reembolso processado", "Seu reembolso de R$ 89,90 referente ao pedido 5521 foi processado. O estorno "
     "aparecerá na fatura do seu cartão em até duas faturas."),
    ("de", "Rückerstattung veranlasst", "Ihre Rückerstattung über 44,99 € für Bestellung 7781 wurde veranlasst. Die "
     "Gutschrift erscheint in 3 bis 5 Werktagen auf Ihrem Konto."),
    ("ja", "返金のお知らせ", "ご注文番号 4410 のキャンセルに伴い、返金額 2,480円をご利用のクレジットカードへ返金いたしました。"
     "反映までに数日かかる場合がございます。"),
    ("en", "Refund approved", "Your refund of $42.10 for order 6631 has been approved and sent to your original payment "
     "method. It should appear within 48 hours to 5 business days."),
    # a prize draw's newsletter
    ("it", "I vincitori di novembre", "Congratulazioni ai vincitori del concorso a premi di novembre! L'estrazione si è "
     "svolta alla presenza di un notaio e i vincitori sono stati avvisati per telefono."),
    ("nl", "Winnaar prijsvraag", "De winnaar van onze prijsvraag van november is bekend! Gefeliciteerd aan mevrouw De "
     "Vries uit Utrecht. Doe volgende maand weer mee."),
    ("fr", "Résultats du jeu", "Le tirage au sort de notre jeu de Noël a eu lieu : les gagnants ont été prévenus par "
     "e-mail. Merci à tous pour votre participation !"),
    ("es", "Ganador del sorteo", "¡Ya tenemos ganador del sorteo de Navidad! Enhorabuena a Lucía, de Valencia. Gracias "
     "a todos por participar."),
    ("pt", "Resultado do sorteio", "O sorteio da campanha de fim de ano foi realizado hoje. Os ganhadores serão "
     "avisados por telefone. Obrigado pela participação!"),
    ("de", "Gewinner der Verlosung", "Die Gewinner unserer Verlosung im November stehen fest! Die Preise werden diese "
     "Woche verschickt. Vielen Dank fürs Mitmachen."),
    ("ja", "キャンペーン結果", "年末プレゼントキャンペーンの抽選の結果、当選者の方には賞品の発送をもってご連絡に代えさせて"
     "いただきます。ご応募ありがとうございました。"),
    # a tax office's reminder
    ("it", "Scadenza IMU", "Ti ricordiamo che il 16 dicembre scade il termine per il versamento del saldo IMU. Puoi "
     "pagare con il modello F24 presso la tua banca o l'ufficio postale."),
    ("nl", "Herinnering aangifte", "Dien uw aangifte inkomstenbelasting in vóór 1 mei. Heeft u recht op een "
     "teruggave, dan ontvangt u die binnen drie maanden op uw rekening."),
    ("fr", "Déclaration des revenus", "Rappel : la date limite de la déclaration en ligne de vos revenus est fixée au "
     "28 mai. Un éventuel trop-perçu vous sera remboursé par virement pendant l'été."),
    ("es", "Campaña de la renta", "Le recordamos que el plazo para presentar la declaración de la renta termina el 30 "
     "de junio. Si le corresponde una devolución de impuestos, la recibirá en su cuenta."),
    ("pt", "Imposto de renda", "Lembrete: o prazo de entrega da declaração do imposto de renda termina em 31 de maio. "
     "A restituição é paga em lotes, conforme o calendário oficial."),
    ("de", "Steuererklärung", "Erinnerung: Die Frist für die Abgabe der Steuererklärung 2025 endet am 31. Juli. Eine "
     "Steuererstattung wird nach der Bearbeitung auf Ihr Konto überwiesen."),
    ("ja", "確定申告の期限", "確定申告の期限は3月15日です。還付申告は5年間行うことができます。詳しくは税務署のホームページを"
     "ご覧ください。"),
    # a renewal receipt from a shop no catalogue knows: the renewal named twice is no lure
    ("en", "Membership renewed", "Your annual membership has been renewed. Automatic renewal is on; you can turn it "
     "off in your account settings at any time. Amount charged: $59.00."),
    # an authority's benefit announcement asks to apply; a bank advertises its loan; a raffle asks to fill in a form
    ("en", "Energy rebate", "Households on a low income can apply now for the 2026 energy rebate through the "
     "council's website."),
    ("de", "Heizkostenzuschuss", "Haushalte mit geringem Einkommen können den Heizkostenzuschuss jetzt beantragen, "
     "beim Bürgeramt oder online."),
    ("nl", "Energietoeslag", "Huishoudens met een laag inkomen kunnen de energietoeslag 2026 aanvragen bij de "
     "gemeente. Vraag nu aan via het formulier op de website van uw gemeente."),
    ("ja", "補助金のお知らせ", "省エネ家電の購入補助金の申請受付を開始しました。申請は12月28日までに窓口またはオンラインで"
     "行ってください。"),
    ("it", "Il tuo prestito", "Prestito personale a tasso fisso fino a 30.000 €: richiedi ora il tuo preventivo "
     "gratuito in filiale o online."),
    ("es", "Sorteo de Navidad", "¡Participa en nuestro sorteo de Navidad! Para participar, rellena el formulario "
     "antes del 20 de diciembre. El ganador se anunciará el 22."),
    ("it", "Concorso a premi", "Partecipa al nostro concorso a premi: compila il modulo entro il 15 gennaio per "
     "partecipare all'estrazione di un buono acquisto da 100 €."),
    # a shop's or an airline's "you are entitled to a refund" (the reader told it is theirs: a lure's hook only
    # beside a benefit)
    ("de", "Retoure erhalten", "Wir haben Ihre Retoure erhalten. Sie haben Anspruch auf eine Rückerstattung von "
     "49,90 €, die wir innerhalb von 14 Tagen auf Ihr Zahlungsmittel überweisen."),
    ("fr", "Retour reçu", "Nous avons bien reçu votre retour. Vous avez droit à un remboursement de 35 €, versé sous "
     "14 jours sur votre moyen de paiement."),
    ("it", "Volo cancellato", "Il volo è stato cancellato: hai diritto a un rimborso completo, che ti verrà accreditato "
     "entro 7 giorni."),
    ("nl", "Vertraging", "Je pakket was te laat. Je komt in aanmerking voor een terugbetaling van de verzendkosten; die "
     "storten we automatisch terug."),
    ("pt", "Voo cancelado", "Seu voo foi cancelado. Você tem direito ao reembolso integral, que será creditado em até "
     "7 dias."),
    # a shop's returns instruction: the refund asked for with the goods sent back
    ("it", "Reso registrato", "Abbiamo registrato la tua richiesta di reso. Per ricevere il rimborso, spedisci il "
     "pacco entro 14 giorni con l'etichetta allegata."),
    ("nl", "Retour", "We hebben je retouraanvraag ontvangen. Om je terugbetaling te ontvangen, stuur je het artikel "
     "binnen 14 dagen terug met het bijgevoegde label."),
    ("en", "Return", "We received your return request. To receive your refund, drop off the parcel within 14 days "
     "using the attached label."),
    ("es", "Devolución", "Hemos registrado tu solicitud de devolución. Para recibir el reembolso, envía el paquete en un "
     "plazo de 14 días con la etiqueta adjunta."),
    ("fr", "Retour", "Votre demande de retour est enregistrée. Pour recevoir votre remboursement, déposez le colis sous "
     "14 jours avec l'étiquette jointe."),
    # a charity's thanks, a shop's congratulations and voucher, an invoice reminder, an airline's compensation
    ("it", "Grazie", "Grazie per la tua donazione! Per ricevere la ricevuta per la detrazione fiscale, accedi "
     "all'area donatori."),
    ("it", "Ordine confermato", "Congratulazioni per il tuo acquisto! Per ricevere la fattura, accedi al tuo profilo."),
    ("es", "Tu cheque regalo", "Para canjear tu cheque regalo, introduce el código en la cesta de la compra."),
    ("nl", "Aanmaning", "Aanmaning: factuur 2026-113 is nog niet betaald. Betaal het openstaande bedrag van € 84,00 "
     "binnen 14 dagen."),
    ("nl", "Vertraagde vlucht", "Uw vlucht had 4 uur vertraging. U heeft recht op een schadevergoeding van € 400. Om "
     "het bedrag te ontvangen, vult u het formulier in."),
    ("es", "Transferencia realizada", "Transferencia realizada. Beneficiario: Ana López. Importe: 120 €. Para recibir "
     "el justificante, accede a tu banca online."),
    # Japanese services: a cancellation taken by phone, a winner's procedure on the member page, an inheritance
    # procedure, a withdrawal done, a coupon's terms
    ("ja", "ご請求のお知らせ", "ご請求金額 3,300円は27日にご指定の口座から引き落とされます。ご解約をご希望の場合は、"
     "カスタマーセンター 0120-000-000 までお電話ください。"),
    ("ja", "当選のお知らせ", "このたびはキャンペーンにご応募いただきありがとうございます。厳正なる抽選の結果、ご当選され"
     "ました。賞品のお受け取り手続きは、会員ページからお願いいたします。"),
    ("ja", "相続手続きのご案内", "相続手続きに必要な書類をご案内いたします。ご不明な点がございましたら、ご連絡をお待ちして"
     "おります。"),
    ("ja", "出金完了", "出金手続きが完了しました。ご指定の口座へ翌営業日に着金予定です。"),
    ("ja", "クーポンのご案内", "期限を過ぎたクーポンは無効とさせていただきます。特別なプレゼントもご用意しています。"),
    ("it", "Fattura disponibile", "La fattura di novembre è disponibile. L'importo di 45,90 € verrà addebitato sul "
     "conto il 5 dicembre. Per informazioni chiama il numero 800 000 000."),
    ("it", "Successione", "Gentile cliente, per la successione di suo padre servono il certificato di morte e la "
     "dichiarazione di successione. Per completare la procedura, passi in filiale."),
    # an inheritance desk and an investment report: the fortune's and the investment's nouns alone
    ("de", "Erbschaft", "Sehr geehrte Frau Müller, im Nachlass Ihrer Tante ist ein Sparbuch aufgetaucht. Bitte "
     "vereinbaren Sie einen Termin beim Nachlassgericht."),
    ("es", "Herencia", "Estimado cliente: para tramitar la herencia de su madre necesitamos el certificado de "
     "defunción. Puede entregarlo en su oficina."),
    ("es", "Inversión", "Su plan de pensiones ha obtenido una rentabilidad del 3,1 % este año. Las rentabilidades "
     "pasadas no garantizan rentabilidades futuras. Inversión a largo plazo."),
    ("fr", "Investissement", "Votre contrat d'assurance-vie a un rendement de 2,5 % en 2026. Consultez le détail "
     "dans votre espace client."),
    ("pt", "Carteira", "Sua carteira de investimentos rendeu 0,9 % no mês. Acesse o app para ver o extrato completo."),
    # a shop's congratulations on an order, and its invoice to receive
    ("es", "Pedido en camino", "¡Felicidades! Tu pedido está en camino. Para recibir tu factura, inicia sesión en tu "
     "cuenta."),
    ("pt", "Compra confirmada", "Parabéns pela compra! Para receber a nota fiscal, acesse sua conta no site."),
    ("fr", "Commande confirmée", "Félicitations pour votre commande ! Pour recevoir votre facture, connectez-vous à "
     "votre compte."),
    ("fr", "Webinaire épargne", "Notre webinaire sur l'épargne a lieu jeudi : rendement, fiscalité, assurance-vie. "
     "Réservez votre place dès maintenant."),
    # a carrier's own notice of a delivery attempt
    ("pt", "Sua encomenda", "Sua encomenda saiu para entrega. Caso ninguém esteja no endereço, faremos nova "
     "tentativa de entrega no próximo dia útil."),
    ("fr", "Votre colis", "Votre colis est en route. En cas d'absence, un avis de passage sera déposé et vous "
     "pourrez reprogrammer la livraison en ligne."),
    # a prepaid balance that lapses, a charge with the customer area and a service number: a receipt's words
    ("de", "Ihr Prepaid-Guthaben", "Ihr Guthaben in Höhe von 12,50 € verfällt am 31.12. Laden Sie rechtzeitig auf, um "
     "es weiter zu nutzen."),
    ("de", "Abonnement verlängert", "Ihr Abonnement wurde verlängert, der Betrag wird abgebucht. Kündigen können Sie "
     "jederzeit in Ihrem Kundenkonto. Service: 0800 000 0000"),
    ("fr", "Votre facture", "Le montant de 39,90 € sera débité le 5 du mois. Pour annuler votre abonnement, "
     "rendez-vous dans votre espace client ou appelez le 0800 000 000."),
    ("it", "Abbonamento rinnovato", "Il tuo abbonamento è stato rinnovato: rinnovo automatico attivo, importo 49,00 €. "
     "Puoi disattivarlo dalle impostazioni del tuo profilo."),
]

LURES = [
    ("it", "Rimborso fiscale", "Gentile contribuente, dai nostri controlli risulta un rimborso di 412,60 € a suo "
     "favore. Per ricevere il rimborso compili il modulo: https://rimborso.example.net/modulo"),
    ("nl", "Uw pakket", "Uw pakket kon niet worden bezorgd: het adres is onvolledig. Plan uw bezorging opnieuw en betaal "
     "€ 1,95 via https://pakket.example.net"),
    ("ja", "ご当選のお知らせ", "おめでとうございます。抽選の結果、あなたが当選者に選ばれました。賞品の受け取り手続きは"
     "こちら: https://prize.example.net/"),
    ("it", "Fattura n. 0042", "Il suo abbonamento è stato rinnovato, addebito di 299,99 €. Se non ha autorizzato questo "
     "pagamento, chiami il numero +39 02 0000 0000."),
    ("fr", "Aide exceptionnelle", "Vous êtes éligible à une aide exceptionnelle de 300 €. Déposez votre demande avant "
     "vendredi : https://aide.example.net"),
    ("nl", "Energietoeslag", "U komt in aanmerking voor een energietoeslag van € 1.300. Vul uw gegevens in op "
     "https://toeslag.example.net"),
    ("ja", "支援金のお知らせ", "あなたは物価高騰対策支援金の支給対象となりました。下記よりお手続きください。"
     "https://shien.example.net/"),
    ("es", "Devolución de la renta", "Tu devolución de la renta de 640 € está pendiente. Para recibirla, introduce "
     "los datos de tu tarjeta en https://renta.example.net"),
    ("es", "Premio", "¡Has sido seleccionado! Reclama tu premio pagando una pequeña tarifa de envío: "
     "https://premio.example.net"),
    ("pt", "Restituição", "Você tem um valor a restituir de R$ 720,40. Resgate agora em https://restitui.example.net"),
    ("de", "Ihr Guthaben", "Ihr Guthaben von 1.240 € ist zum Abheben bereit. Um Ihr Guthaben auszuzahlen, bestätigen "
     "Sie Ihre Bankverbindung: https://wallet.example.net"),
    ("de", "Abbuchung", "Ihr Jahresabo wurde verlängert, 289,00 € werden heute abgebucht. Zum Stornieren rufen Sie "
     "+49 30 0000 0000 an."),
    ("fr", "Colis en attente", "Votre colis est en attente : frais de livraison impayés (1,99 €). Réglez les frais "
     "pour reprogrammer la livraison."),
    ("es", "Buzón", "Su buzón ha superado el límite de almacenamiento. Los mensajes entrantes serán rechazados. "
     "Valide su cuenta aquí."),
    ("it", "Wallet", "Il tuo wallet è stato limitato. Inserisci la tua frase di recupero per sbloccarlo."),
    ("en", "Subscription renewal", "Your subscription is set for automatic renewal today; $399.99 will be charged. To "
     "cancel, reach our support desk at +1 (888) 555-0100."),
]


def _both(subject: str, body: str, auth: str) -> list[bytes]:
    return [f"{subject}\n\n{body}".encode(), _mail("info@shop.example.com", subject, body, auth)]


@pytest.mark.parametrize(("lang", "subject", "body"), ORDINARY)
def test_ordinary_mail_of_the_same_topics_is_not_flagged(lang: str, subject: str, body: str) -> None:
    for data in _both(subject, body, ALIGNED.format(d="shop.example.com")):
        report = analyse(data)
        assert report.verdict == "no_signs", (lang, [(f.rule, f.severity, f.params) for f in report.findings])


@pytest.mark.parametrize(("lang", "subject", "body"), LURES)
def test_a_lure_of_the_class_is_caught_in_its_language(lang: str, subject: str, body: str) -> None:
    for data in _both(subject, body, UNALIGNED):
        report = analyse(data)
        assert report.verdict != "no_signs", (lang, [(f.rule, f.severity, f.params) for f in report.findings])


def test_a_deadline_alone_asks_nothing() -> None:
    # "within 48 hours" states when, not what is lost: a shop's refund said so stays the topic alone
    report = analyse(b"Your refund\n\nYour refund of 18.50 EUR will reach your card within 48 hours.")
    lure = [f for f in report.findings if f.rule == "scam_lure"]
    assert lure and all(dict(f.params).get("note") == "topic_only" for f in lure)


def test_a_renewal_receipt_is_a_topic_and_a_phone_to_cancel_is_the_callback() -> None:
    receipt = analyse(b"Renewal\n\nYour plan has been renewed. Automatic renewal is on; manage it in your settings.")
    assert [dict(f.params).get("note") for f in receipt.findings if f.rule == "scam_lure"] == ["topic_only"]
    lure = analyse(b"Renewal\n\nYour plan has been renewed. Automatic renewal is on. To cancel, call +1 (888) 555-0100.")
    assert any(f.rule == "scam_lure" and f.severity == "high" for f in lure.findings)


def test_a_phrase_found_twice_once_normalised_is_one_sign() -> None:
    # "prêmio" and "premio" are one phrase once accents are folded: a loyalty reward's pickup is at most medium
    report = analyse("Premio fedeltà\n\nHai raggiunto 500 punti! Per ritirare il premio fedeltà, mostra la "
                     "tessera in cassa.".encode())
    assert [f.severity for f in report.findings if f.rule == "scam_lure"] == ["medium"]


def test_every_phrase_list_holds_each_phrase_once_as_matched() -> None:
    # "pagá" and "paga", "crédit" and "credit" are one phrase after accents are folded: listed twice, a weak
    # word counted twice (two signs from one word)
    cat = catalogue()
    for name, lists in [*cat.phrases.items(), *cat.scam_families.items()]:
        for field in ("strong", "weak", "topic"):
            phrases = getattr(lists, field)
            assert len(phrases) == len(set(phrases)), (name, field)


# review9: a return of goods named excuses only the asks a returns instruction makes (receive, claim, a deadline);
# a refund lure that names a return ("il tuo reso", "votre retour", "return request") and asks for card or bank
# data is still one
RETURN_WORD_LURES = [
    "Il rimborso di 49 € per il tuo reso è in attesa. Per ricevere il rimborso inserisci i dati della carta qui: "
    "https://example.net/r",
    "Votre remboursement de 49 € pour votre retour est en attente. Pour recevoir votre remboursement, saisissez vos "
    "coordonnées bancaires : https://example.net/r",
    "Your refund of $49.00 for return request 4411 is pending. To receive your refund, enter your card number at "
    "https://example.net/r",
]


@pytest.mark.parametrize("text", RETURN_WORD_LURES)
def test_a_return_named_does_not_excuse_a_data_ask(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict != "no_signs", report.findings
    assert any(f.rule == "scam_lure" and f.severity in ("medium", "high") for f in report.findings)


def test_a_returns_instruction_with_a_deadline_is_no_lure() -> None:
    text = ("We received your return request. To receive your refund, drop off the parcel within 14 days using the "
            "attached label, or the return request will be cancelled.")
    report = analyse(text.encode())
    assert report.verdict == "no_signs", report.findings


def test_an_english_return_received_excuses_the_refunds_receive_ask() -> None:
    """A shop's refund confirmation says the return itself in English too ("we've received your return"): its
    "to receive your refund faster" is the returns instruction's, not a lure's; a tax lure's "your tax return"
    is no return of goods, and a data ask beside a return still counts."""
    shop = ("Your refund has been issued", "Hi Sam, we've received your return for order #10455. A refund of $34.50 "
            "has been issued to your original payment method. To receive your refund faster next time, choose "
            "store credit. View your orders in your account.")
    for data in _both(*shop, ALIGNED):
        assert analyse(data).verdict == "no_signs"
    lure = ("Tax refund", "We have processed your tax return. You are eligible to receive a tax refund of 468.20 GBP. "
            "To receive your refund, enter your card details at https://refund.example.net")
    for data in _both(*lure, UNALIGNED):
        assert analyse(data).verdict == "scam"
    data_ask = ("Refund", "We have received your return. To receive your refund, enter your card number and security "
                "code at https://refund.example.net")
    for data in _both(*data_ask, UNALIGNED):
        report = analyse(data)
        assert report.verdict != "no_signs"
        assert any(f.rule == "scam_lure" and f.severity != "low" for f in report.findings)
