"""Round-8 review (branch review8): what the independent review of the round's changes found.

1. ``[scam_ask]`` held nouns that say where a refund goes ("bank details", "your bank account",
   ``Bankverbindung``, ``coordonnées bancaires``, ``datos bancarios``, ``dados bancários``,
   ``coordinate bancarie``, ``Ihre IBAN``): every genuine refund or benefit notice names them, so a shop's own,
   authenticated refund confirmation read ``scam``. What a lure asks is to enter, confirm or send them.
2. The ``topic_only`` sentence said the text asked for no phone call, though a call is no ask of
   ``[scam_ask]`` any more (fcd6c75): a refund lure asking the reader to call was told it asked for none.

Made-up mail, reserved names only."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.presentation.sentences import finding_detail
from tests.analysis.test_scam_topic_round8 import ALIGNED, UNALIGNED, _mail

# genuine refund and benefit notices that say where the money goes: no ask
WHERE_THE_MONEY_GOES = [
    ("Refund issued", "Your refund of $24.99 has been issued. It will be credited to your bank account in 3 to 5 "
     "business days."),
    ("Your refund", "Your refund of $24.99 has been sent to the bank details you gave us at checkout."),
    ("Rückerstattung", "Die Rückerstattung von 59,90 € erfolgt auf die Bankverbindung, die Sie bei der Bestellung "
     "angegeben haben."),
    ("Rückerstattung", "Ihre Rückerstattung von 59,90 € wird in den nächsten Tagen auf Ihre IBAN überwiesen."),
    ("Remboursement", "Le remboursement de 45,00 € sera effectué sur les coordonnées bancaires enregistrées dans "
     "votre compte."),
    ("Reembolso", "Hemos procesado el reembolso de 32,50 €. Se abonará en los datos bancarios que nos facilitó."),
    ("Reembolso", "O reembolso do pedido 7731 foi aprovado e será depositado nos dados bancários cadastrados."),
]

# the same data asked for: still lures (unaligned mail and pasted)
ASKED = [
    ("Refund pending", "Your refund of $89.50 is pending. Enter your bank details at https://refund.example.net to "
     "receive the payment."),
    ("Rückerstattung", "Ihre Rückerstattung von 129,00 € ist bereit. Bitte geben Sie Ihre Bankverbindung ein: "
     "https://erstattung.example.net/"),
    ("Remboursement", "Un remboursement de 74,20 € vous attend. Saisissez vos coordonnées bancaires sur "
     "https://remb.example.net."),
    ("Reembolso", "Tiene un reembolso pendiente de 64,90 €. Confirme sus datos bancarios en "
     "https://devoluciones.example.net"),
    ("Reembolso", "Seu reembolso de R$ 219,00 está disponível. Informe seus dados bancários em "
     "https://estorno.example.net"),
    # Dutch and Italian shops write to "je" and "tu", and so do the lures that imitate them
    ("Winactie", "Gefeliciteerd! Er staat een cadeaukaart van € 500 voor je klaar. Vul je gegevens in via "
     "https://winactie.example.net"),
    ("Concorso", "Un premio da 500 € è riservato a te. Inserisci i tuoi dati su https://premio.example.net"),
]


@pytest.mark.parametrize(("subject", "body"), WHERE_THE_MONEY_GOES)
def test_a_refund_notice_naming_where_the_money_goes_asks_nothing(subject: str, body: str) -> None:
    for data in (f"{subject}\n\n{body}".encode(),
                 _mail("info@shop.example.com", subject, body, ALIGNED.format(d="shop.example.com"))):
        report = analyse(data)
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


@pytest.mark.parametrize(("subject", "body"), ASKED)
def test_bank_data_asked_for_beside_a_refund_stays_a_lure(subject: str, body: str) -> None:
    for data in (f"{subject}\n\n{body}".encode(),
                 _mail("info@notice.example.net", subject, body, UNALIGNED)):
        report = analyse(data)
        lure = [f for f in report.findings if f.rule == "scam_lure"]
        assert report.verdict != "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
        assert lure and lure[0].severity != "low" and "note" not in dict(lure[0].params)


def test_the_topic_only_sentence_does_not_say_no_call_was_asked() -> None:
    # a call is no ask of [scam_ask] (a shop's service line): the sentence must not say none was asked
    text = ("Refund approved\n\nYour refund of $499.00 has been approved. Please call 1-800-555-0100 now to "
            "complete it.\n")
    lure = next(f for f in analyse(text.encode()).findings if f.rule == "scam_lure")
    assert dict(lure.params)["note"] == "topic_only"
    for lang in ("en", "ja"):
        for section in ("rule", "desk_rule"):
            sentence = finding_detail(lure, lang, section=section)
            assert "call" not in sentence and "電話" not in sentence, sentence


# a lure's commonest asks that [scam_ask] had in one language and not in another: obtain it (pour l'obtenir,
# para obtenerlo) beside receive it (pour le recevoir, para recibirlo); the Japanese imperative of receiving
# or of the procedure on the link given beside "claim your" and "apply now"
OBTAIN = [
    "Rückerstattung\n\nIhnen steht eine Rückerstattung von 129,00 € zu. Um Ihre Rückerstattung zu erhalten, "
    "klicken Sie hier: https://erstattung.example.net/",
    "Remboursement\n\nVous avez droit à un remboursement de 74,20 €. Cliquez ici pour l'obtenir : "
    "https://remb.example.net",
    "Reembolso\n\nTiene un reembolso de 64,90 €. Haga clic aquí para obtenerlo: https://devol.example.net",
    "還付金のお知らせ\n\nあなたには還付金があります。下記URLよりお手続きください。 https://kanpu.example.net/",
    "給付金のご案内\n\n給付金5万円の対象となりました。こちらからお受け取りください。 https://kyufu.example.net/",
]


@pytest.mark.parametrize("text", OBTAIN)
def test_a_refund_to_obtain_or_a_procedure_to_do_is_an_ask(text: str) -> None:
    report = analyse(text.encode())
    lure = [f for f in report.findings if f.rule == "scam_lure"]
    assert report.verdict != "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
    assert lure and "note" not in dict(lure[0].params)


# 3. the address parser set aside an address written only inside a quoted name by a substring test: where
#    the real address held it ("Amazon <a@brand.example>", <xa@brand.example.evil.example>), the brand's
#    address came back as a mailbox of the field (a recipient, a Reply-To)
@pytest.mark.parametrize("value", [
    '"Amazon <a@brand.example>", <xa@brand.example.evil.example>',
    '"Support <service@brand.example>", <noservice@brand.example>',
])
def test_an_address_inside_a_quoted_name_is_no_mailbox_even_inside_the_real_one(value: str) -> None:
    from bot.analysis.headers import parse_address, parse_addresses

    real = value.rpartition("<")[2].rstrip(">")
    assert [a.address for a in parse_addresses(value)] == [real]
    found = parse_address(value)
    assert found is not None and found.address == real


def test_an_address_written_twice_is_still_read() -> None:
    from bot.analysis.headers import parse_addresses

    # the same address inside a quoted name and as the mailbox: the mailbox stays
    assert [a.address for a in parse_addresses('"Desk <a@shop.example.com>" <a@shop.example.com>')] == [
        "a@shop.example.com"]
    assert [a.address for a in parse_addresses('"x" <a@shop.example.com>, b@shop.example.com.')] == [
        "a@shop.example.com", "b@shop.example.com"]


# 4. "send us", "provide", 「ご返信ください」 without the data they ask for are a shop's service line, like
#    "questions? call us" (fcd6c75): a refund notice that invites questions or feedback asks nothing
SERVICE_LINE = [
    "Refund issued\n\nYour refund of $24.99 has been issued. Send us your questions any time by replying to this email.",
    "Refund issued\n\nYour refund of $24.99 has been processed. We'd love you to provide your feedback: "
    "https://shop.example.com/survey",
    "Remboursement\n\nLe remboursement de 45,00 € a été effectué. Une question ? Envoyez-nous un message depuis "
    "votre espace client.",
    "Reembolso\n\nHemos procesado el reembolso de 32,50 €. Si tiene dudas, envíenos un mensaje o envíe su consulta "
    "desde la app.",
    "Reembolso\n\nO reembolso do pedido 7731 foi aprovado. Dúvidas? Envie seus comentários pelo app.",
    "返金完了のお知らせ\n\n返金手続きが完了しました。ご不明な点は、このメールにご返信ください。",
]


@pytest.mark.parametrize("text", SERVICE_LINE)
def test_a_refund_notice_inviting_questions_asks_nothing(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


REPLY_WITH_DATA = [
    "Refund pending\n\nYour refund of $89.50 is on hold. Send us your full name and card number to release it.",
    "Remboursement\n\nUn remboursement de 74,20 € vous attend. Envoyez-nous vos coordonnées bancaires par retour "
    "de mail.",
    "Reembolso\n\nTiene un reembolso pendiente de 64,90 €. Envíenos sus datos bancarios respondiendo a este correo.",
    "Rückerstattung\n\nIhre Rückerstattung von 129,00 € ist bereit. Senden Sie uns Ihre Bankverbindung per Antwort.",
    "返金のお知らせ\n\n返金手続きのため、お名前と口座番号をご記入の上、このメールにご返信ください。",
]


@pytest.mark.parametrize("text", REPLY_WITH_DATA)
def test_a_refund_to_reply_to_with_data_stays_a_lure(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict != "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


# 5. "enter" with nothing after it (introduzca, inserisci, 「ご入力ください」) is every shop's too: a coupon code, a
#    survey; the data a lure asks to enter is named, as "enter your card" and 「カード情報を入力」 are
ENTER_A_CODE = [
    "Vincitori del concorso\n\nComplimenti ai vincitori del nostro concorso! Il premio verrà spedito a gennaio. Per "
    "tutti gli altri, uno sconto del 10%: inserisci il codice GRAZIE10 al checkout.",
    "Ganadores del sorteo\n\n¡Felicidades a los ganadores del sorteo de Navidad! Para todos los demás, un 10 % de "
    "descuento: introduzca el código GRACIAS10 al pagar.",
    "キャンペーン当選のお知らせ\n\nご当選おめでとうございます。賞品のクーポンは次回のお買い物でご利用いただけます。"
    "購入画面でクーポンコード「WIN10」をご入力ください。",
    "返金完了のお知らせ\n\n返金手続きが完了しました。よろしければアンケートへのご協力をお願いします。ご意見をご入力ください。",
]

ENTER_DATA = [
    "Concorso\n\nUn premio da 500 € è riservato a te. Inserisci i tuoi dati su https://premio.example.net",
    "Premio\n\n¡Felicidades! Un premio de 300 € le espera. Introduzca sus datos en https://premio.example.net",
    "当選のお知らせ\n\nご当選おめでとうございます。賞品発送のため、下記フォームにお客様情報をご入力ください。"
    " https://touri.example.net/",
    "還付金のお知らせ\n\n還付金があります。下記URLにアクセスし、必要事項をご入力ください。 https://kanpu.example.net/",
]


@pytest.mark.parametrize("text", ENTER_A_CODE)
def test_a_code_or_an_opinion_to_enter_is_no_ask(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


@pytest.mark.parametrize("text", ENTER_DATA)
def test_data_to_enter_beside_a_prize_or_refund_stays_a_lure(text: str) -> None:
    report = analyse(text.encode())
    assert report.verdict != "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


# 6. "payez" and "betaal de" alone are a shop's payment terms ("payez en 3 fois", "betaal de rest later"); the fee
#    a lure asks for is named, as "pay the fee" and "zahlen Sie die" are
def test_payment_terms_are_no_fee_to_pay() -> None:
    for text in (
        "Votre cadeau vous attend\n\nVotre cadeau vous attend en boutique pour tout achat dès 50 €. Payez en 3 fois "
        "sans frais avec votre carte.",
        "Cadeaubon\n\nBedankt voor je aankoop van een cadeaubon. Betaal de rest later met je creditcard.",
    ):
        report = analyse(text.encode())
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
    for text in (
        "Votre cadeau\n\nVotre cadeau est réservé. Payez seulement 1,95 € de livraison : https://cadeau.example.net",
        "Cadeaukaart\n\nEr staat een cadeaukaart van € 500 voor u klaar. Betaal de verzendkosten van € 1,95 via "
        "https://winactie.example.net",
    ):
        assert analyse(text.encode()).verdict != "no_signs"


def test_ask_our_service_desk_is_no_application() -> None:
    # "vraag het onze klantenservice" (ask our customer service) is the service line; "vraag het aan" is to apply
    service = ("Je cadeaubon\n\nBedankt voor je aankoop van een cadeaubon van € 50. Heb je een vraag? Vraag het onze "
               "klantenservice via de app.")
    assert analyse(service.encode()).verdict == "no_signs"
    apply = "Cadeaukaart\n\nEr staat een cadeaukaart van € 500 voor u klaar. Vraag het aan via https://winactie.example.net"
    assert analyse(apply.encode()).verdict != "no_signs"


def test_a_procedure_in_the_shops_own_place_is_no_lures_ask() -> None:
    # 「お手続きください」 and 「お受け取りください」 count on the link the text gives, not in a shop's own page,
    # before a city's deadline or at a store's counter
    for text in (
        "返金手続き完了のお知らせ\n\nご注文番号 5521 の返金手続きが完了しました。他の商品の返品をご希望の場合は、"
        "マイページからお手続きください。",
        "給付金のお知らせ\n\n臨時給付金の申請受付を開始しました。対象の方は12月25日までにお手続きください。"
        "詳しくは https://city.example.jp/kyufu/",
        "当選のお知らせ\n\nご当選おめでとうございます。賞品は12月20日までに店頭でお受け取りください。",
    ):
        report = analyse(text.encode())
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


def test_a_purpose_clause_of_a_newsletter_is_no_ask() -> None:
    # "to receive a" (a 10% code), unlike "to receive it" (the prize, the refund): left out of [scam_ask]
    text = ("December news\n\nCongratulations to the winners of our prize draw! Subscribe to our app notifications "
            "to receive a 10% welcome code.")
    assert analyse(text.encode()).verdict == "no_signs"


def test_a_newsletters_own_asks_are_no_data_asked_for() -> None:
    # the informal and verb-led asks added by the review name the data: a double opt-in, a survey and a full
    # basket are a shop's
    for text in (
        "Gewinnspiel\n\nUnser Gewinnspiel startet morgen! Bestätige deine E-Mail-Adresse, damit wir dich informieren "
        "können, und gib deine Meinung zu unserem Sortiment ab.",
        "Nieuwsbrief december\n\nWin een fiets bij aankoop van een jaarabonnement! Vul je winkelmand vóór 24 december.",
        "Les gagnants de novembre\n\nFélicitations aux gagnants ! Confirmez vos préférences de newsletter dans votre "
        "espace client.",
    ):
        report = analyse(text.encode())
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


# 7. "confirm your" in six languages without the thing confirmed (bestätigen Sie Ihre, confirme su/seu, bevestig je,
#    confermi la, veuillez confirmer) is a raffle's own double opt-in; English named it ("confirm your prize")
DOUBLE_OPT_IN = [
    ("shop.example.com", "Bitte bestätigen Sie Ihre Anmeldung\n\nVielen Dank für Ihre Teilnahme an unserem Gewinnspiel. "
     "Bitte bestätigen Sie Ihre E-Mail-Adresse: https://shop.example.com/doi/abc"),
    ("tienda.example.com", "Confirme su suscripción\n\nGracias por participar en nuestro sorteo. Ganador anunciado el 20 "
     "de diciembre. Confirme su correo electrónico: https://tienda.example.com/doi/abc"),
    ("loja.example.com", "Confirme seu e-mail\n\nObrigado por participar da nossa promoção! O prêmio será sorteado dia "
     "20. Confirme seu e-mail: https://loja.example.com/doi/abc"),
    ("winkel.example.com", "Bevestig je aanmelding\n\nBedankt voor je deelname aan onze winactie: win een fiets! "
     "Bevestig je e-mailadres: https://winkel.example.com/doi/abc"),
    ("negozio.example.com", "Conferma\n\nGrazie per la partecipazione al concorso: in palio un premio. Confermi la sua "
     "iscrizione: https://negozio.example.com/doi/abc"),
    ("boutique.example.com", "Confirmez votre inscription\n\nMerci de participer à notre jeu-concours : chance de gagner "
     "un vélo ! Veuillez confirmer votre adresse e-mail : https://boutique.example.com/doi/abc"),
]


@pytest.mark.parametrize(("domain", "text"), DOUBLE_OPT_IN)
def test_a_raffles_double_opt_in_asks_nothing_of_a_lures_kind(domain: str, text: str) -> None:
    subject, _, body = text.partition("\n\n")
    for data in (text.encode(), _mail(f"info@{domain}", subject, body, ALIGNED.format(d=domain))):
        report = analyse(data)
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]


def test_the_prize_or_the_data_to_confirm_stays_an_ask() -> None:
    for text in (
        "Gewinnspiel\n\nWir gratulieren! Bestätigen Sie Ihre Daten, um den Einkaufsgutschein zu erhalten: "
        "https://gewinn.example.net",
        "Premio\n\n¡Felicidades! Confirme su premio en https://premio.example.net",
        "Winactie\n\nGefeliciteerd! Bevestig je gegevens via https://winactie.example.net",
    ):
        assert analyse(text.encode()).verdict != "no_signs", text


def test_help_a_basket_and_preferences_are_no_lures_ask() -> None:
    for text in (
        "Reembolso\n\nHemos procesado el reembolso de 32,50 €. Si tiene dudas, solicite ayuda desde la app.",
        "Nieuwsbrief\n\nGefeliciteerd aan alle winnaars! Vul uw winkelmand vóór 24 december en maak kans op een fiets.",
        "Remboursement\n\nLe remboursement de 45,00 € a été effectué. Indiquez vos préférences de contact dans votre "
        "espace client.",
    ):
        report = analyse(text.encode())
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.params) for f in report.findings]
