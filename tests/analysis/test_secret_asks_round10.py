"""Issue 11, round 10 (branch secret10): a secret asked by reply, phone or chat is a lure on its own.

A genuine bank, card company, shop, carrier, mail provider or authority never asks a customer to send or tell a PIN,
a one-time or verification code, a password, a card's security code or online-banking login data, nor a photo of
both sides of a card. Lures with no link left do exactly that, and the wording must carry the verdict: each lure
below is named ``phishing`` alone, pasted and as a mail from an unaligned sender. The ordinary texts beside them say
the same words without asking them sent back (a denial, a code to enter in the service's own app, a sign-in code
mail, a password reset, a friend quoting a scam) and stay clean, pasted and from their own aligned domain. Every
text was written for this test (none is a probe's or a corpus mail's); reserved names and fictional numbers only."""
from __future__ import annotations

import pytest

from bot.analysis.brands import normalise, squeeze
from bot.analysis.pipeline import analyse
from bot.analysis.secret_ask import secret_asks
from tests.analysis.test_scam_topic_round8 import ALIGNED, UNALIGNED, _mail

# (language, subject, body)
LURES = [
    ("en", "Card security check",
     "Dear customer, we noticed unusual activity on your card ending 4471. To keep the card active, please reply to "
     "this email with your full card number, expiry date and CVV. Our security team will confirm within one day."),
    ("en", "Your account is on hold",
     "Your online banking access has been paused. Call our verification desk on 0120-000-000 and give the agent "
     "your PIN and the code we sent you by SMS so we can restore access."),
    ("en", "Delivery held",
     "Your parcel is held at our depot. To release it, send us a photo of both sides of your card on WhatsApp "
     "at +1 555 0100."),
    ("en", "Mailbox closure",
     "Your mailbox will be closed tonight. To keep it, reply to this message with your username and password."),
    ("fr", "Messagerie", "Répondez à ce message en indiquant votre identifiant et votre mot de passe pour conserver "
     "votre messagerie."),
    ("pt", "Conta", "Responda este e-mail informando sua senha para manter sua conta ativa."),
    ("de", "Sicherheitsprüfung Ihres Kontos",
     "Sehr geehrter Kunde, Ihr Konto wurde vorübergehend eingeschränkt. Bitte antworten Sie auf diese E-Mail mit "
     "Ihrer PIN und der zuletzt erhaltenen TAN, damit wir Ihr Konto wieder freischalten können."),
    ("fr", "Vérification de sécurité",
     "Cher client, une opération inhabituelle a été détectée. Merci de nous communiquer votre code de vérification "
     "reçu par SMS par retour de mail afin de débloquer votre carte."),
    ("es", "Su cuenta ha sido bloqueada",
     "Estimado cliente, por su seguridad hemos bloqueado su cuenta. Por favor, responda a este correo con su clave "
     "de acceso y el código de verificación que le enviamos para reactivarla."),
    ("pt", "Atualização de segurança",
     "Prezado cliente, identificamos um acesso suspeito. Por favor, responda este e-mail com sua senha e o código "
     "de segurança do cartão para evitar o bloqueio."),
    ("it", "Verifica di sicurezza",
     "Gentile cliente, per completare la verifica ci comunichi il codice OTP ricevuto via SMS rispondendo a questa "
     "email entro oggi."),
    ("nl", "Uw rekening is geblokkeerd",
     "Beste klant, wegens verdachte activiteit is uw rekening geblokkeerd. Stuur ons uw pincode en de "
     "verificatiecode via WhatsApp om uw rekening te deblokkeren."),
    ("de", "Ihre Karte wurde gesperrt",
     "Ihre Karte wurde aus Sicherheitsgründen gesperrt. Rufen Sie uns unter 0800 000 000 an und nennen Sie unserem "
     "Mitarbeiter Ihre Geheimzahl, damit wir die Karte entsperren können."),
    ("es", "Tarjeta bloqueada",
     "Su tarjeta ha sido bloqueada. Llame al 900 000 000 y díganos su PIN y el código de seguridad de la tarjeta para "
     "desbloquearla."),
    ("it", "Carta sospesa",
     "La sua carta è stata sospesa. Ci invii il suo codice PIN tramite WhatsApp al numero +39 000 0000 per riattivarla."),
    ("nl", "Uw pas is geblokkeerd",
     "Uw bankpas is geblokkeerd. Bel ons op 0800 0000 en geef de medewerker uw pincode om de pas te deblokkeren."),
    ("ja", "【重要】カードのご利用確認",
     "お客様のクレジットカードに不正利用の疑いがあります。0120-000-000までお電話いただき、オペレーターにカード番号"
     "と暗証番号をお伝えください。"),
    ("ja", "ご本人様確認のお願い",
     "定期的なセキュリティ確認のため、本メールにご返信のうえ、以下の情報をお知らせください。\n・カード番号\n・有効期限\n"
     "・セキュリティコード(裏面3桁)"),
    ("ja", "口座の停止について",
     "貴方の口座は停止されます。停止を解除したいなら、このメールに返信して、貴方の名前、口座番号、暗証番号と住所を送ってくだ"
     "さい。"),
    ("ja", "ログイン情報の確認", "ログインIDとパスワードを本メールに返信してください。"),
    ("ja", "不正利用のご確認", "お客様のカードが不正利用された可能性があります。本日中にお電話にて暗証番号を確認させていただきます。"),
    ("ja", "本人確認のお願い", "ご本人様確認のため、お手持ちのカードの表面と裏面の写真をこのメールに返信してください。"),
    ("ja", "アカウント確認",
     "アカウントの確認のため、SMSで届いた認証コードをLINEで送ってください。"),
]

ORDINARY = [
    ("en", "Your sign-in code",
     "Your verification code is 482913. Do not share this code with anyone. We will never ask you for this code by "
     "phone, email or chat."),
    ("en", "Finish signing in",
     "To finish signing in, enter the code we sent you in the app. The code expires in 10 minutes."),
    ("en", "Keep your card safe",
     "We will never ask you to send your PIN, password or one-time code by email, phone or text message. If someone "
     "calls and asks for them, hang up and call the number on the back of your card."),
    ("en", "Re: is this real?",
     "Hi Anna, look at what I got this morning: \"reply with your PIN to unlock your card\". They even asked me to "
     "send my PIN by WhatsApp. I deleted it, don't fall for it."),
    ("en", "Password reset",
     "You asked to reset your password. Open the app and choose a new password. If you did not ask for this, you "
     "can ignore this mail."),
    ("en", "slides", "Can you send me the password for the shared drive? I need the slides before the meeting."),
    ("en", "Your reservation",
     "Thank you for contacting us. Please reply with your booking confirmation code so we can find your reservation."),
    ("ja", "資料送付の件", "先ほど資料を受け取りました。お手数ですが、解凍パスワードを教えてください。よろしくお願いいたします。"),
    ("de", "Sicherheitshinweis",
     "Wir werden Sie niemals bitten, uns Ihre PIN oder TAN per E-Mail oder Telefon mitzuteilen. Geben Sie Ihre "
     "Zugangsdaten nur in unserer App ein."),
    ("fr", "Conseil de sécurité",
     "Nous ne vous demanderons jamais de nous communiquer votre code de vérification par téléphone ou par e-mail."),
    ("es", "Aviso de seguridad",
     "Nunca le pediremos que nos envíe su clave de acceso ni el código de verificación por correo o teléfono."),
    ("pt", "Dica de segurança",
     "Nunca pediremos que você envie sua senha ou código de verificação por e-mail, telefone ou WhatsApp."),
    ("it", "Consigli di sicurezza",
     "Non ti chiederemo mai di comunicarci il codice OTP o la password via email, telefono o WhatsApp."),
    ("nl", "Veiligheidstip",
     "Wij vragen u nooit om uw pincode of verificatiecode per e-mail, telefoon of WhatsApp te delen."),
    ("ja", "お電話でのご確認について",
     "先ほどはお電話に出られなかったようでしたので、メールにてご連絡いたします。お手すきの際に、キャッシュカード裏面に記載"
     "のお客さまセンターまでご連絡ください。なお、当行の行員が暗証番号やインターネットバンキングのパスワードをお伺いするこ"
     "とは一切ございません。"),
    ("ja", "ご来店のご案内", "ご来店の際、窓口にて暗証番号を確認させていただきます。当行からお電話で暗証番号を確認させていただくこと"
     "はございません。"),
    ("ja", "認証コードのお知らせ",
     "認証コードは482913です。このコードを他人に教えないでください。アプリの画面に入力してください。"),
    ("ja", "お母さんの件",
     "昨日、お母さんのところに銀行を名乗る人から電話があって、「カードが不正利用されているので暗証番号を教えてほしい」と"
     "言われたんだって。お母さんはすぐ切って、銀行に直接電話して確認したそうです。"),
    ("ja", "パスワード再設定について",
     "パスワードをお忘れの場合は、本メールにご返信ください。担当者より再設定の方法をご案内いたします。"),
]


def _rules(data: bytes) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" for f in analyse(data).findings)


def _secret_asked(data: bytes) -> bool:
    return any(f.rule == "credential_lure" and dict(f.params).get("note") == "secret_ask"
               for f in analyse(data).findings)


@pytest.mark.parametrize(("lang", "subject", "body"), LURES, ids=[f"{c[0]}-{c[1]}" for c in LURES])
def test_secret_asked_back_is_named_phishing_alone(lang: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict == "phishing", (lang, _rules(pasted))
    assert _secret_asked(pasted), (lang, _rules(pasted))
    mail = _mail("info@bulk.example.net", subject, body, UNALIGNED)
    assert analyse(mail).verdict == "phishing", (lang, _rules(mail))


@pytest.mark.parametrize(("lang", "subject", "body"), ORDINARY, ids=[f"{c[0]}-{c[1]}" for c in ORDINARY])
def test_same_words_not_asked_back_stay_clean(lang: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict == "no_signs", (lang, _rules(pasted))
    assert not _secret_asked(pasted)
    sent = _mail("info@example.jp", subject, body, ALIGNED.format(d="example.jp"))
    assert analyse(sent).verdict == "no_signs", (lang, _rules(sent))


def _asks(text: str) -> list[str]:
    norm = squeeze(normalise(text))
    from bot.analysis.brands import word_set

    return secret_asks(norm, norm.replace(" ", ""), word_set(norm), lambda compact, start, end: False)


@pytest.mark.parametrize("text", [
    "We will send your new PIN by post in a separate letter.",  # the service speaks: nothing asked back
    "Please reply to this email with your preferred date and time for the meeting.",  # no secret
    "If you forgot your password, call the helpdesk and they will reset it for you.",  # the secret is not the object
    "Enter the verification code on our website to confirm your e-mail address.",  # entered, not sent back
    "認証コードをSMSで送信しています。届いたコードをアプリに入力してください。",  # a code sent to the reader
])
def test_no_ask_without_a_secret_sent_back(text: str) -> None:
    assert _asks(text) == []


@pytest.mark.parametrize("text", [
    "If you do not reply with your PIN today, your card will be blocked.",  # a condition's negation threatens
    "We could not verify your card, so please reply with your CVV.",  # a negation in an earlier clause
    "Kindly text us the one-time password you received.",
    "暗証番号をご返信ください。",
])
def test_ask_read_in_the_core(text: str) -> None:
    assert _asks(text) != []
