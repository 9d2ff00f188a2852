"""Secrets asked by reply, phone or chat (issue 11, round 10: lures with no link left at all).

A genuine bank, card company, shop, carrier, mail provider or authority never asks a customer to SEND or
TELL a secret: a PIN, a one-time or verification code, a password, a card's security code, online-banking
login data, a photo of both sides of a card. A lure without a link does exactly that ("call 0120-… and give
the PIN", 「ご返信にて暗証番号をお知らせください」, "reply with the code we sent you"). This module finds such an
ask in every language the product reads (ja, en, de, fr, es, pt, it, nl); ``rules.lure_and_urgency`` makes it
a ``credential_lure`` finding at ``high``.

What is read: a send-or-tell verb whose object is the secret (the words between them are only a short list
of fillers: "send us your PIN", "reply with your name, card number and CVV", 「カード番号と暗証番号をお伝え
ください」), in a sentence that names a way back to the sender (a reply, a call, a chat app, "us"). What is
left alone: the same words denied ("we will never ask for your PIN by phone", 「暗証番号をお伺いすることは
ございません」), reported as someone else's ("they asked me to send my PIN", 「…を教えてほしい」と言われた),
a code to enter on the service's own site or app ("enter the code in the app": entering is no sending), a
code a service sends ("we will send your code by text": the service speaks, it does not ask).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.analysis.brands import normalise

Denied = Callable[[str, int, int], bool]  # (compact, start, end): a Japanese phrase denied or reported

SCAN_CHARS = 20_000  # a lure asks early
SHOWN_CHARS = 60  # the words shown as the finding's evidence

# Per language: the verbs that ask to send or tell, the words that may stand between the verb and the secret,
# the secrets, the words naming a way back to the sender, the negations, and words that report someone else's ask.
_LANGS: dict[str, dict[str, str]] = {
    "en": {
        "own": r"your",
        "verb": r"reply(?: to (?:this|our|the) (?:e-?mail|message|text))? with|respond with|write back with|send|text"
                r"|e-?mail|forward|provide|give|tell|read out|read|confirm|share|quote|state|submit|whatsapp",
        "filler": r"us|me|back|it|to|with|your|the|our|full|card|card's|account|bank|banking|online|new|current"
                  r"|username|user name|login|account's|including"
                  r"|old|one-time|\d+-digit|digit|and|also|please|kindly|immediately|now|all|of|its|following"
                  r"|details:?|agent|operator|advisor|representative|caller|by|via|reply|return|phone|this|e-?mail"
                  r"|message|here|name|full name|address|date|birth|expiry|expiration|number|numbers|as well as|plus",
        "secret": r"pin(?: code| number)?|one-time (?:password|passcode|code|pin)|otp|verification code|security code"
                  r"|authentication code|cvv2?|cvc|cv2|password|passcode"
                  r"|(?:online banking |login |log-in |sign-in )(?:details|credentials|username|user id|password)"
                  r"|code (?:we|that we) (?:just )?sent(?: you)?|code (?:sent|received) (?:to your phone|by sms|via sms|by text)"
                  r"|sms code|text code",
        "channel": r"reply|respond|write back|return e-?mail|call|calling|phone|telephone|whatsapp|telegram|viber"
                   r"|via line|line app|text (?:us|me|back)|us|me|agent|operator|advisor|representative|officer"
                   r"|this e-?mail|this message",
        "negation": r"never|not|don't|dont|do not|won't|will not|no one|nobody|no",
        "report": r"asking me|asked me|asks me|ask me|wanted me|wants me|told me|want me|scam|scammer|scammers"
                  r"|fraudster|fraudsters|criminal|criminals|phishing|pretend|pretending|posing|impersonat\w*|beware",
        "subject": r"we|we'll|will|i|i'll|they|who|which|would|may|can|might|shall",
    },
    "de": {
        "own": r"ihre|ihren|ihrer|ihr|deine|deinen|deiner",
        "verb": r"senden|schicken|übermitteln|teilen|nennen|geben|antworten|bestätigen|mitteilen|sagen",
        "filler": r"unserem|unseren|dem|mitarbeiter|berater|sie|uns|mir|ihre|ihren|ihr|ihrer|die|den|der|das|bitte"
                  r"|auf|diese|e-mail|mail|nachricht|mit"
                  r"|unter|angabe|benutzername|e-mail-adresse"
                  r"|per|telefonisch|umgehend|sofort|vollständige|vollständigen|aktuelle|aktuellen|und|karten"
                  r"|kreditkarten|online-banking|zugehörige|zugehörigen|\d+-stellige|\d+-stelligen|erhaltene"
                  r"|erhaltenen|zugesandte|zugesandten|kartennummer|ablaufdatum|namen|name|adresse|geburtsdatum"
                  r"|sowie|auch",
        "secret": r"pin(?:-nummer|-code)?|geheimzahl|tan|sms-tan|smstan|bestätigungscode|sicherheitscode"
                  r"|verifizierungscode|einmalpasswort|einmalcode|passwort|kennwort|kartenprüfnummer|prüfnummer"
                  r"|prüfziffer|cvv|cvc|(?:online-banking-)?zugangsdaten|sms-code",
        "channel": r"antwort|antworten|zurück|telefon|telefonisch|anruf|rufen|whatsapp|telegram|uns|mir"
                   r"|mitarbeiter|berater",
        "negation": r"nie|niemals|nicht|keine|keinesfalls|niemand",
        "report": r"betrüger|kriminelle|phishing|betrug|gefälscht\w*|angeblich\w*|wollte|wollten|gebeten|forderte",
        "subject": r"wir|werden|ich|sie werden",
    },
    "fr": {
        "own": r"votre|vos|ton|ta|tes",
        "verb": r"envoyez|envoyer|transmettez|transmettre|communiquez|communiquer|indiquez|indiquer|répondez"
                r"|donnez|donner|confirmez|partagez|renvoyez|fournissez|fournir|dictez|précisez",
        "filler": r"au|notre|conseiller|nous|moi|votre|vos|le|la|les|ce|cet|à|message|e-mail|email|courriel|mail"
                  r"|avec|par|retour|de|du"
                  r"|en|indiquant|précisant|communiquant|identifiant"
                  r"|téléphone|whatsapp|immédiatement|rapidement|s'il|vous|plaît|svp|complet|et|ainsi|que|carte"
                  r"|bancaire|nom|adresse|numéro|date|d'expiration|expiration|naissance",
        "secret": r"code (?:pin|confidentiel|secret|de vérification|de sécurité|reçu|à usage unique"
                  r"|d'authentification|sms)|cryptogramme(?: visuel)?|mot de passe|identifiants(?: bancaires)?|cvv|cvc"
                  r"|pin",
        "channel": r"réponse|répondez|retour|téléphone|appel|appelez|whatsapp|telegram|nous|conseiller|opérateur",
        "negation": r"jamais|ne|n'|pas|aucun|personne",
        "report": r"escroc|escrocs|fraudeur|fraudeurs|arnaque|phishing|hameçonnage|m'a demandé|me demandait"
                  r"|prétend\w*|se faisant passer",
        "subject": r"je|ils|on|nous allons|nous pouvons|nous vous",
    },
    "es": {
        "own": r"su|sus|tu|tus",
        "verb": r"envíe|envíenos|envíanos|envía|mande|mándenos|responda|responde|facilítenos|facilite|proporcione"
                r"|proporciónenos|indíquenos|indique|díganos|dinos|dicte|confirme|comparta|compártanos"
                r"|comuníquenos|comunique",
        "filler": r"al|agente|asesor|operador|nos|su|sus|tu|tus|el|la|los|las|a|este|correo|mensaje|con|por|de|del"
                  r"|número|completo|y|tarjeta"
                  r"|indicando|incluyendo|usuario"
                  r"|whatsapp|teléfono|telefónicamente|inmediatamente|favor|nombre|dirección|fecha|caducidad"
                  r"|vencimiento|nacimiento|también",
        "secret": r"pin|clave(?: de acceso| de seguridad| dinámica| secreta| de la tarjeta| de banca)?"
                  r"|código (?:de verificación|de seguridad|sms|recibido|que le|que te|otp)"
                  r"|contraseña|cvv|cvc",
        "channel": r"responda|responde|respuesta|teléfono|telefónicamente|llamada|llame|whatsapp|telegram|nos"
                   r"|agente|operador|asesor",
        "negation": r"nunca|jamás|no|nadie",
        "report": r"estafador\w*|delincuente\w*|estafa|phishing|fraude|me pidieron|me pidió|haciéndose pasar",
        "subject": r"nosotros|le enviaremos|enviaremos",
    },
    "pt": {
        "own": r"seu|sua|seus|suas|teu|tua",
        "verb": r"envie|envie-nos|envia|mande|responda|informe|informe-nos|forneça|passe|diga|confirme"
                r"|compartilhe|partilhe",
        "filler": r"ao|nosso|atendente|nos|-nos|seu|sua|seus|suas|o|a|os|as|este|e-mail|email|mensagem|com|por|de|do|da|número"
                  r"|informando|incluindo|usuário|usuario"
                  r"|completo|e|cartão|whatsapp|telefone|imediatamente|favor|nome|endereço|data|validade"
                  r"|nascimento|também",
        "secret": r"senha|pin|código (?:de verificação|de segurança|sms|recebido|que enviamos|token"
                  r"|de acesso)|token|cvv|cvc",
        "channel": r"responda|resposta|telefone|ligação|ligue|whatsapp|telegram|nos|atendente|agente|operador",
        "negation": r"nunca|jamais|não|nao|ninguém",
        "report": r"golpista\w*|golpe|criminoso\w*|phishing|fraude|me pediram|me pediu|se passando",
        "subject": r"nós|enviaremos",
    },
    "it": {
        "own": r"suo|sua|suoi|tuo|tua|tuoi",
        "verb": r"invii|inviaci|invia|inviateci|mandi|mandaci|risponda|rispondi|comunichi|comunicaci|fornisca"
                r"|forniscaci|indichi|indicaci|detti|conferma|confermi|condividi|ci comunichi|ci invii|ci fornisca",
        "filler": r"al|nostro|operatore|ci|ce|il|la|lo|i|le|suo|sua|suoi|tuo|tua|a|questa|e-mail|email|mail|messaggio|con|via|per"
                  r"|indicando|comunicando|utente"
                  r"|telefono|di|del|della|numero|completo|e|carta|whatsapp|subito|immediatamente|favore"
                  r"|gentilmente|nome|indirizzo|data|scadenza|nascita|anche",
        "secret": r"codice (?:pin|segreto|otp|di verifica|di sicurezza|ricevuto|sms|dispositivo)|pin|otp"
                  r"|password|credenziali|cvv|cvc",
        "channel": r"risponda|rispondi|risposta|telefono|telefonicamente|chiamata|chiami|whatsapp|telegram|ci"
                   r"|operatore|consulente",
        "negation": r"mai|non|nessuno",
        "report": r"truffator\w*|truffa|criminal\w*|phishing|frode|mi hanno chiesto|mi ha chiesto|fingendosi",
        "subject": r"noi|invieremo",
    },
    "nl": {
        "own": r"uw|je|jouw",
        "verb": r"stuur|stuurt|zend|geef|geeft|deel|antwoord|beantwoord|bevestig|vermeld|noem|mail",
        "filler": r"medewerker|adviseur|ons|mij|u|uw|je|jouw|de|het|met|per|via|op|deze|e-mail|mail|bericht|telefoon|telefonisch"
                  r"|vermelding|onder|gebruikersnaam"
                  r"|whatsapp|volledige|en|ook|direct|onmiddellijk|a\.u\.b\.|alstublieft|door|aan|ontvangen"
                  r"|toegestuurde|naam|adres|kaartnummer|vervaldatum|geboortedatum",
        "secret": r"pincode|pin|verificatiecode|beveiligingscode|sms-code|smscode|wachtwoord"
                  r"|inloggegevens|cvv|cvc|controlecode|identificatiecode",
        "channel": r"antwoord|beantwoord|telefoon|telefonisch|bellen|bel|whatsapp|telegram|ons|mij|medewerker",
        "negation": r"nooit|niet|geen|niemand",
        "report": r"oplichter\w*|criminel\w*|phishing|fraude|vroeg mij|vroegen mij|vroegen me|vroeg me|doen zich voor",
        "subject": r"wij|we|zullen",
    },
}

# the words one of a language's secrets holds: its patterns are read only when the text has one (most have none)
_TRIGGERS: dict[str, frozenset[str]] = {
    "en": frozenset(("pin", "otp", "cvv", "cvv2", "cvc", "cv2", "password", "passcode", "code", "credentials",
                     "username", "banking", "login")),
    "de": frozenset(("pin", "geheimzahl", "tan", "smstan", "bestatigungscode", "sicherheitscode", "verifizierungscode",
                     "einmalpasswort", "einmalcode", "passwort", "kennwort", "kartenprufnummer", "prufnummer",
                     "prufziffer", "cvv", "cvc", "zugangsdaten", "code")),
    "fr": frozenset(("code", "cryptogramme", "passe", "identifiants", "cvv", "cvc", "pin")),
    "es": frozenset(("pin", "clave", "codigo", "contrasena", "cvv", "cvc")),
    "pt": frozenset(("senha", "pin", "codigo", "token", "cvv", "cvc")),
    "it": frozenset(("codice", "pin", "otp", "password", "credenziali", "cvv", "cvc")),
    "nl": frozenset(("pincode", "pin", "verificatiecode", "beveiligingscode", "code", "smscode",
                     "wachtwoord", "inloggegevens", "cvv", "cvc", "controlecode", "identificatiecode")),
}
_PHOTO_WORDS = frozenset(("photo", "picture", "image", "scan", "copy", "foto", "fotos"))
_SIDE_WORDS = frozenset(("both", "front", "recto", "vorder", "beiden", "faces", "ambas", "ambos", "dos", "frente",
                         "fronte", "entrambi", "voor", "beide"))

# a photo of both sides of a card (a card's number, expiry and security code in one picture)
_CARD_PHOTO = re.compile(normalise(
    r"(?:photo|picture|image|scan|copy) of (?:both sides|the front and (?:the )?back|front and back) of (?:your|the)"
    r" (?:credit |debit |bank )?card"
    r"|fotos? (?:der|von) (?:vorder- und rückseite|beiden seiten) ihrer (?:kredit|bank|ec-)?karte"
    r"|photo (?:recto[- ]verso|des deux faces) de votre carte"
    r"|fotos? de (?:ambas caras|ambos lados|las dos caras) de (?:su|tu) tarjeta"
    r"|fotos? (?:da frente e (?:do )?verso|dos dois lados) do (?:seu )?cartão"
    r"|fotos? (?:fronte e retro|di entrambi i lati) della (?:sua |tua )?carta"
    r"|foto van (?:de voor- en achterkant|beide kanten) van (?:uw|je) (?:bank)?(?:pas|kaart)"
))

_SENTENCE_END = re.compile(r"[.!?;。！？]\s|[.!?;。！？]$|[。！？]")
_CONDITIONS = re.compile(r"\b(?:if|unless|otherwise|wenn|falls|sonst|si|sinon|se|als|indien|anders)\b")


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str],
                               re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for lang, raw in _LANGS.items():
        table = {key: normalise(value) for key, value in raw.items()}  # the text's own folding: accents off
        ask = re.compile(
            rf"(?<![\w-])(?P<verb>{table['verb']})(?:[\s-]+(?:{table['filler']})[,:]?){{0,10}}[\s-]+"
            rf"(?P<secret>{table['secret']})(?![\w-])")
        out.append((
            lang,
            ask,
            re.compile(rf"(?<![\w'-])(?:{table['channel']})(?![\w-])"),
            re.compile(rf"(?<![\w'-])(?:{table['negation']})(?![\w-])"),
            re.compile(rf"(?<![\w'-])(?:{table['report']})(?![\w-])"),
            re.compile(rf"(?:^|\s)(?:{table['subject']})\s*$"),
            re.compile(rf"(?<![\w'-])(?:{table['own']})(?![\w-])"),
        ))
    return tuple(out)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``."""
    head = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 300), start):
        head = m.end()
    tail = _SENTENCE_END.search(text, end)
    return head, (tail.start() if tail else len(text))


_CLAUSE = re.compile(r"[,;:\u2013\u2014]")
NEGATION_WORDS_BEFORE = 6  # how far before the ask, in its clause, a negation denies it


def _denied_before(sentence_head: str, negation: re.Pattern[str]) -> bool:
    """A negation in the six words before the ask, in its clause, denies it ("we will never ask you to send your
    PIN"), unless a condition comes first ("if you do not reply with your PIN, your card will be blocked"
    threatens); a negation in an earlier clause tells something else ("we could not verify your card, so reply with
    your CVV")."""
    clause = _CLAUSE.split(sentence_head)[-1]
    head = " ".join(clause.split()[-NEGATION_WORDS_BEFORE:])
    neg = negation.search(head)
    if neg is None:
        return False
    cond = _CONDITIONS.search(head)
    return cond is None or cond.start() > neg.start()


# a code the sender says it sent ("the code we sent you", "il codice OTP ricevuto via SMS")
_SENT = re.compile(normalise(r"\bsent\b|received|erhalten|zugesandt|reçu|recibid|enviamos|enviado|recebid|ricevut"
                             r"|inviat|ontvangen|toegestuurd|gestuurd"))
_QUOTES = re.compile("[\"“”«»„]")
QUOTE_CHARS = 150  # how far a quotation around an ask reaches either side


def _quoted(text: str, start: int, end: int) -> bool:
    """The words ``text[start:end]`` stand inside a quotation ("…", “…”, «…», „…“): a lure's words quoted by a
    friend or a warning are reported, not asked (a lure does not quote its own ask)."""
    opened = len(_QUOTES.findall(text, max(0, start - QUOTE_CHARS), start)) % 2 == 1
    return opened and _QUOTES.search(text, end, end + QUOTE_CHARS) is not None


@lru_cache(maxsize=1)
def _any_secret() -> re.Pattern[str]:
    """Every language's secrets in one pattern: the text is scanned once, the asks only around what it finds."""
    return re.compile("(?<![\\w-])(?:" + "|".join(normalise(t["secret"]) for t in _LANGS.values()) + ")(?![\\w-])")


_ALL_TRIGGERS = frozenset().union(*_TRIGGERS.values())
SPOT_BEFORE, SPOT_AFTER = 40, 80  # how far a secret's words reach around the trigger word it holds


def _secret_spots(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the first ``MAX_SPOTS`` secrets ``_any_secret`` finds in ``text``: read only around the
    trigger words the text holds (every secret holds one: ``_TRIGGERS``), found by ``str.find``. The pattern opens
    with a lookbehind, so the regex engine would try it at every character of a whole text."""
    pattern = _any_secret()
    found: dict[int, int] = {}
    for word in words & _ALL_TRIGGERS:
        at, seen = text.find(word), 0
        while at != -1 and seen < 4 * MAX_SPOTS:
            end = min(len(text), at + len(word) + SPOT_AFTER)
            for m in pattern.finditer(text, max(0, at - SPOT_BEFORE), end):
                if m.end() < end or end == len(text):  # the lookahead after it saw the real next character
                    found.setdefault(m.start(), m.end())
            seen += 1
            at = text.find(word, at + len(word))
    return sorted(found.items())[:MAX_SPOTS]


ASK_REACH = 300  # how far before a secret its ask's verb may stand (ten fillers at most)
MAX_SPOTS = 20  # the secrets read in one text: a lure asks early


def _latin_asks(text: str, words: frozenset[str]) -> list[str]:
    found: list[str] = []
    langs = [entry for entry in _compiled() if not words.isdisjoint(_TRIGGERS[entry[0]])]
    spots = _secret_spots(text, words) if langs else []
    for _lang, ask, channel, negation, report, subject, own in (langs if spots else ()):
        asks = (m for start, end in spots for m in ask.finditer(text, max(0, start - ASK_REACH), end + 40)
                if m.end() > start)
        for m in asks:
            head, tail = _sentence(text, m.start(), m.end())
            before = text[head:m.start()]
            sentence = text[head:tail]
            if channel.search(sentence) is None:
                continue  # entered on the service's site or app, not sent back
            if own.search(m.group(0)) is None and _SENT.search(text, m.start("secret"), m.end() + 24) is None:
                continue  # "send me the password for the shared folder": a colleague's, not the reader's own secret
            if subject.search(before[-30:]) is not None:
                continue  # the service speaks ("we will send your code"), it does not ask
            if _denied_before(before, negation) or report.search(sentence) is not None or _quoted(text, m.start(),
                                                                                                  m.end()):
                continue
            found.append(m.group(0)[:SHOWN_CHARS])
            break
    photo = not words.isdisjoint(_PHOTO_WORDS) and not words.isdisjoint(_SIDE_WORDS)
    for m in (_CARD_PHOTO.finditer(text) if photo else ()):
        head, tail = _sentence(text, m.start(), m.end())
        if any(_denied_before(text[head:m.start()], c[3]) for c in _compiled()):
            continue
        found.append(m.group(0)[:SHOWN_CHARS])
        break
    return found


# --- Japanese (read on the compacted text: no spaces) ---------------------------------------------------------

_JA_DATA = (r"暗証番号|ワンタイムパスワード|ワンタイムパス|認証コード|認証番号|確認コード|セキュリティコード|パスワード"
              r"|smsで届いた(?:コード|番号)|smsに届いた(?:コード|番号)|届いた(?:コード|番号)|ログイン(?:id|情報)|ネットバンキングのid")
# what may stand between the secret and the ask: other data listed with it, a particle, the way back (review 11:
# each run bounded: unbounded, both runs take a 「、」 and a secret's word is one of the list's, so a crafted
# 「暗証番号、、、…」 of 57 KB held a process 20 s and 「暗証番号」 repeated 5,000 times 3 s; a list a genuine
# lure writes has far fewer items)
_JA_BETWEEN = (r"(?:[\(（][^)）。]{0,14}[\)）]|[と・、,/]|及び|および|や|並びに|有効期限|生年月日|氏名|お名前|名前|ご住所|住所"
               r"|電話番号|口座番号|カード番号|暗証番号|セキュリティコード|パスワード|番号|[0-9]+桁|など|等|の|全て|すべて){0,16}"
               r"(?:を|は|も)?"
               r"(?:本メールに|このメールに|メールに|ご?返信(?:にて|で|の上|のうえ)?|お電話で|お電話にて|電話で|電話にて|lineで|ラインで"
               r"|whatsappで|オペレーターに|担当者に|担当者まで|係員に|当社に|弊社に|当行に|まで|すぐに|至急|直ちに|直接|口頭で|、"
               # round 11 (ja11): written into the reply (「ユーザー名とパスワードを記入して返信してください」)
               r"|ご?記入(?:して|の(?:うえ|上)|のうえ)|記載して|書いて|添えて){0,6}")
_JA_PLEASE = r"(?:ください|下さい|くださ|いただ|頂|願|をお願い)"
_JA_ASK = (rf"(?:ご)?返信(?:して)?{_JA_PLEASE}|お知らせ{_JA_PLEASE}|お伝え{_JA_PLEASE}|(?:お)?教え(?:て)?{_JA_PLEASE}"
           rf"|送信して{_JA_PLEASE}|お送り{_JA_PLEASE}|送って{_JA_PLEASE}|ご連絡{_JA_PLEASE}|お聞かせ{_JA_PLEASE}"
           rf"|ご回答{_JA_PLEASE}|ご提供{_JA_PLEASE}|読み上げて{_JA_PLEASE}"
           # round 11 (ja11): a friend's casual ask (the LINE takeover's 「届いた認証番号を教えてくれない？」)
           r"|教えて(?:くれ|もら|ほし|欲し)|送って(?:くれ|もら|ほし|欲し)")
_JA_ASKED = re.compile(normalise(rf"(?:{_JA_DATA})(?:{_JA_BETWEEN})(?:{_JA_ASK})"))
# a list announced by the ask (「本メールにご返信のうえ、以下の情報をお知らせください。・カード番号・セキュリティコード」)
_JA_LIST = re.compile(normalise(r"(?:返信|お知らせ|お送り|お伝え|送って|送信)[^。]{0,30}?(?:以下|下記)の(?:情報|項目|内容)"
                      r"|(?:以下|下記)の(?:情報|項目|内容)を[^。]{0,20}?(?:ご?返信|お知らせ|お送り|お伝え|送って|送信)"))
_JA_DATA_RE = re.compile(normalise(_JA_DATA))
_JA_LIST_CHARS = 160
# the sender says it will hear the secret itself (「お電話にて暗証番号を確認させていただきます」), in a sentence that names
# a phone call, a reply or a chat app
_JA_HEARD = re.compile(normalise(rf"(?:{_JA_DATA})(?:[と・、]|及び|および|や)?(?:を|の)(?:確認|お伺い|お聞き|聴取)(?:を)?"
                                 r"させて(?:いただ|頂)"))
_JA_HEARD_WAY = re.compile(normalise(r"電話|返信|line|ライン|whatsapp|オペレーター|担当者"))
_JA_CARD_PHOTO = re.compile(normalise(r"カードの(?:表面と裏面|表裏|両面|表と裏)の?(?:写真|画像)"))


# a file's or a shared folder's password (「解凍パスワードをお送りください」: the Japanese office's zip sent apart) is no
# secret of the reader's
_JA_FILE = re.compile(normalise(r"解凍|zip|ファイル|フォルダ|wi-?fi|共有|添付|pdf|資料|会議|ルーム|ミーティング"))
_JA_NOT_NEEDED = re.compile(r"必要は(?:ありません|ございません|ない)")


def _japanese_asks(compact: str, said_not_asked: Denied) -> list[str]:
    """Japanese asks; ``said_not_asked(compact, start, end)`` tells a genuine notice's denial or a report."""

    def denied(text: str, start: int, end: int) -> bool:
        rest = text[end:end + 40].split("。", 1)[0]
        return said_not_asked(text, start, end) or _JA_NOT_NEEDED.search(rest) is not None
    found: list[str] = []
    first = _JA_DATA_RE.search(compact)
    if first is None:  # no secret named at all: only a card's photo may be asked
        compact = compact if "カード" in compact else ""
    for m in _JA_ASKED.finditer(compact, max(0, first.start() - 1)) if first is not None else ():
        if _JA_FILE.search(compact, max(0, m.start() - 12), m.start()) is None and not denied(compact, m.start(), m.end()):
            found.append(m.group(0)[:SHOWN_CHARS])
            break
    if not found and first is not None:
        for m in _JA_LIST.finditer(compact, max(0, first.start() - 200)):
            secret = _JA_DATA_RE.search(compact, m.end(), m.end() + _JA_LIST_CHARS)
            if secret is not None and not denied(compact, m.start(), m.end()):
                found.append(f"{m.group(0)[:SHOWN_CHARS - 10]}…{secret.group(0)}")
                break
    for m in _JA_HEARD.finditer(compact, max(0, first.start() - 1)) if not found and first is not None else ():
        start = max(compact.rfind("。", max(0, m.start() - 60), m.start()) + 1, m.start() - 60)
        end = compact.find("。", m.end(), m.end() + 20)
        if _JA_HEARD_WAY.search(compact, start, m.end() + 20 if end < 0 else end) and not denied(compact, m.start(),
                                                                                                  m.end()):
            found.append(m.group(0)[:SHOWN_CHARS])
            break
    for m in _JA_CARD_PHOTO.finditer(compact):
        if not denied(compact, m.start(), m.end()):
            found.append(m.group(0))
            break
    return found


_JA_FIRST = re.compile(normalise(r"暗証|パスワード|パス|コード|番号|ログイン|ネットバンキング|カード"))


def secret_asks(text: str, compact: str, words: frozenset[str], said_not_asked: Denied) -> list[str]:
    """The words that ask the reader to send or tell a secret by reply, phone or chat (at most one per language
    pattern), in a normalised lower-cased ``text``, its ``compact`` form and its ASCII ``words``."""
    text = text[:SCAN_CHARS]
    found = _latin_asks(text, words)
    if not text.isascii() and _JA_FIRST.search(compact, 0, SCAN_CHARS) is not None:
        found += _japanese_asks(compact[:SCAN_CHARS], said_not_asked)
    return found
