"""Untuned probe (issue 11, sixth round, branch mail7): made-up lures and ordinary mail that the
wording rules were NOT written against. The branch's clause families were measured and reverted
(docs/BENCHMARKS.md, Mail, round 6); the probe stays for the next attempt: on main it reads
caught 6/50, named 4/50, ordinary flagged 14/24; late probe 12/32 and 4/16.

Written and committed before any mail of the corpora was studied and before any phrase or clause of
the round was coded; never edited afterwards to make a lure pass (a lure that the finished rules miss
stays in and is reported as missed). Each lure is a class and a language of issue 11 §1/§3 (lures
without a catalogued brand); each ordinary mail uses the same topic words honestly. Everything is
made up (reserved names only).

Each lure is analysed twice: pasted as text (no header: what a member usually does) and as a mail
from an ordinary unaligned sender. "caught": any verdict but ``no_signs``; "named": a wording rule
(scam_lure with the expected family; brand_lure or credential_lure for account, parcel, password
and mailbox lures) says what it is. Ordinary mail is sent from its own aligned domain and pasted:
"flagged" counts any verdict but ``no_signs``.

    python bench/probe_round6.py            # counts, and each miss or false alarm
    python bench/probe_round6.py --late     # and the second probe (written after the clauses)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"

# (language, class, expected family or "account" for brand_lure/credential_lure, subject, body)
LURES: list[tuple[str, str, str, str, str]] = [
    ("it", "prize", "prize", "Concorso mensile",
     "Complimenti! Il suo indirizzo email è stato estratto nel nostro concorso mensile. Per ricevere il premio, "
     "uno smartphone nuovo, risponda al breve questionario e paghi solo le spese di spedizione di 1,95 €."),
    ("nl", "tax refund", "refund", "Belastingteruggave",
     "Beste klant, na de jaarlijkse herberekening heeft u recht op een teruggave van € 312,40. Vul het "
     "formulier in om het bedrag op uw rekening te laten storten."),
    ("fr", "advance fee", "advance_fee", "Succession",
     "Je suis avocat et je représente feu M. Durand, décédé sans héritier. Je vous propose de vous présenter "
     "comme bénéficiaire de son héritage de 4,5 millions d'euros. Répondez-moi avec vos coordonnées complètes."),
    ("es", "compensation", "advance_fee", "Indemnización",
     "Usted ha sido seleccionado para recibir una indemnización de 850.000 euros del programa de compensación "
     "para víctimas de fraude. Envíe su nombre completo y número de teléfono para procesar el pago."),
    ("pt", "loan", "loan", "Crédito pessoal",
     "Oferecemos empréstimo pessoal com taxa de 2% ao ano, sem consulta ao SPC. Aprovação em 24 horas: basta "
     "enviar seus documentos e pagar a taxa de liberação."),
    ("de", "balance", "balance", "Guthaben",
     "Ihr Kundenkonto weist ein Guthaben von 4.870 € auf, das noch nicht ausgezahlt wurde. Bestätigen Sie "
     "Ihre Bankverbindung, damit wir den Betrag überweisen können."),
    ("it", "investment", "investment", "Opportunità",
     "Investi solo 250 € e ottieni un rendimento garantito fino a 3.000 € al mese grazie alla nostra "
     "piattaforma di trading automatico."),
    ("ja", "crypto wallet", "investment", "ウォレットの同期エラー",
     "お客様のウォレットは同期エラーのため一時的に利用できません。ウォレットを再同期するには、"
     "リカバリーフレーズ（12語）を入力してください。"),
    ("nl", "authority fine", "penalty", "Verkeersovertreding",
     "U heeft op 12 maart een verkeersovertreding begaan. Het openstaande bedrag van € 94 moet binnen 3 dagen "
     "worden voldaan, anders volgt een verhoging."),
    ("fr", "callback invoice", "callback", "Facture",
     "Votre abonnement Protection Antivirus Totale a été renouvelé pour 399,99 €. Si vous n'êtes pas à "
     "l'origine de cet achat, appelez notre service client au 01 23 45 67 89 sous 24 heures."),
    ("de", "mailbox quota", "account", "Postfach",
     "Ihr Postfach hat das Speicherlimit erreicht. Neue Nachrichten werden zurückgehalten. Melden Sie sich "
     "an, um zusätzlichen Speicherplatz kostenlos freizugeben."),
    ("es", "password expiry", "account", "Contraseña",
     "La contraseña de su correo electrónico caducará hoy. Para conservar la misma contraseña, haga clic "
     "abajo e inicie sesión."),
    ("it", "account suspension", "account", "Account",
     "Il suo account è stato sospeso a causa di attività insolite. Per riattivarlo, acceda e confermi i "
     "suoi dati entro 48 ore."),
    ("pt", "parcel delivery", "account", "Encomenda",
     "Seu pacote não pôde ser entregue porque o endereço está incompleto. Atualize o endereço e pague a "
     "taxa de reenvio de R$ 2,99."),
    ("ja", "prize/survey", "prize", "抽選のお知らせ",
     "おめでとうございます！アンケートにご協力いただいた方の中から、最新スマートフォンが当たる抽選に"
     "選ばれました。送料のみご負担ください。"),
    ("en", "mailbox quota", "account", "Email storage",
     "Your email account has used 99% of its allotted space. Incoming messages will be rejected. Sign in "
     "below to increase your storage at no cost."),
    ("ja", "compensation", "advance_fee", "補償プログラム",
     "あなたは特別補償プログラムの受給対象者に選ばれました。受け取りには手数料のお支払いが必要です。"
     "ご返信ください。"),
    ("en", "loan", "loan", "You qualify",
     "Good news: you qualify for a personal loan of $25,000 with no credit check. Reply with your full name "
     "and pay a processing fee of $150 to release the money."),
    ("nl", "crypto wallet", "investment", "Wallet",
     "Uw wallet moet worden gevalideerd vanwege nieuwe regelgeving. Voer uw herstelzin in om te voorkomen "
     "dat uw tegoeden worden bevroren."),
    ("it", "customs fee", "penalty", "Spedizione",
     "Il suo pacco è trattenuto in dogana. Per lo sdoganamento è necessario pagare i dazi di 2,99 € entro "
     "oggi."),
    ("fr", "password expiry", "account", "Messagerie",
     "Le mot de passe de votre messagerie arrive à échéance aujourd'hui. Cliquez ici pour conserver votre "
     "mot de passe actuel."),
    ("de", "callback invoice", "callback", "Bestellung",
     "Vielen Dank für Ihre Bestellung. Ihr Konto wurde mit 489,00 € belastet. Falls Sie diese Zahlung nicht "
     "veranlasst haben, rufen Sie umgehend unsere Hotline an: 030 1234567."),
    ("es", "tax refund", "refund", "Devolución",
     "La Agencia Tributaria le informa de que tiene una devolución pendiente de 412,50 €. Complete el "
     "formulario para recibir el importe en su cuenta."),
    ("en", "account suspension", "account", "Account notice",
     "We noticed unusual activity and access to your account has been put on hold. Confirm your details "
     "within 24 hours to restore full access."),
    ("pt", "balance", "balance", "Saldo",
     "Você tem um saldo de R$ 7.540,00 pendente em nossa plataforma. Confirme seus dados para liberar o "
     "valor hoje."),
]

# A second untuned probe, written after the clauses were coded (by the same hand, so a weaker gauge)
# and measured once, never tuned on: other wordings of the same classes.
LATE_LURES: list[tuple[str, str, str, str, str]] = [
    ("en", "prize", "prize", "Final reminder", "Dear customer, your email address came out first in our quarterly "
     "lucky draw. To get the cordless vacuum delivered, just cover the $2.95 postage today."),
    ("de", "tax refund", "refund", "Erstattung", "Nach Prüfung Ihrer Unterlagen steht Ihnen eine Erstattung von "
     "287,15 € zu. Bitte geben Sie Ihre IBAN über das Online-Formular an."),
    ("fr", "compensation", "advance_fee", "Indemnisation", "Bonne nouvelle : votre dossier a été retenu pour une "
     "indemnisation de 12 000 €. Merci de nous transmettre une copie de votre pièce d'identité."),
    ("es", "mailbox quota", "account", "Correo", "Aviso del administrador: su buzón de correo ha superado el límite "
     "de almacenamiento. Valide su cuenta aquí para seguir recibiendo mensajes."),
    ("pt", "password expiry", "account", "Senha", "Prezado usuário, a senha da sua conta de e-mail vence em 24 horas. "
     "Para manter a senha atual, confirme seus dados no link abaixo."),
    ("it", "tax refund", "refund", "Agenzia", "Gentile contribuente, risulta un rimborso fiscale a suo favore di "
     "245,00 €. Per riceverlo compili il modulo con le sue coordinate bancarie."),
    ("nl", "parcel", "account", "Pakket", "Wij hebben uw pakket niet kunnen bezorgen omdat het huisnummer ontbreekt. "
     "Werk uw adres bij en betaal € 1,50 voor een nieuwe bezorgpoging."),
    ("ja", "account suspension", "account", "重要", "お客様の口座のご利用を一時的に制限しております。制限を解除するには、"
     "以下のリンクからお手続きください。"),
    ("en", "crypto wallet", "wallet", "Action needed", "Your MetaMask wallet is scheduled for deactivation due to an "
     "unverified status. Verify it now by entering your 12 word recovery phrase."),
    ("de", "loan", "loan", "Kredit", "Sofortkredit ohne Schufa, Auszahlung in 24 Stunden! Überweisen Sie nur die "
     "Bearbeitungsgebühr von 89 €."),
    ("fr", "authority fine", "penalty", "ANTAI", "Votre avis de contravention n'a pas été réglé. Payez l'amende de "
     "35 € avant le 30 pour éviter une majoration."),
    ("es", "inheritance", "advance_fee", "Herencia", "Le escribo como albacea del difunto señor Ortega, que dejó 3,2 "
     "millones de dólares sin herederos. Envíeme sus datos para tramitar la herencia."),
    ("pt", "balance", "balance", "Saque", "Seu saldo de R$ 3.215,00 está disponível para saque. Confirme seus dados "
     "bancários para liberar o valor."),
    ("it", "callback invoice", "callback", "Ordine", "Il suo ordine di 799 € è stato confermato e addebitato sulla sua "
     "carta. Se non ha effettuato questo acquisto chiami subito il nostro servizio clienti."),
    ("nl", "investment", "investment", "Beleggen", "Investeer vandaag € 250 en ontvang binnen een maand gegarandeerd "
     "rendement van 30%."),
    ("ja", "prize", "prize", "当選", "厳正なる抽選の結果、お客様が最新タブレットの当選者に選ばれました。"
     "受け取りには送料500円のお支払いが必要です。"),
]
LATE_ORDINARY: list[tuple[str, str, str, str]] = [
    ("en", "survey", "Feedback", "Thanks for your visit. Tell us about it in a two-minute survey; it helps us improve."),
    ("de", "refund", "Gutschrift", "Die Erstattung für Ihre Rücksendung wurde heute angewiesen."),
    ("fr", "parcel", "Livraison", "Votre colis sera livré demain entre 9 h et 13 h."),
    ("es", "password", "Seguridad", "Le recordamos que nunca le pediremos su contraseña por correo."),
    ("pt", "balance", "Extrato", "Seu extrato de novembro está disponível. Saldo final: R$ 1.215,00."),
    ("it", "subscription", "Abbonamento", "Il tuo abbonamento alla palestra è stato rinnovato. Ci vediamo in sala!"),
    ("nl", "gift card", "Cadeaukaart", "Gefeliciteerd met je nieuwe baan! Hierbij een cadeaukaart van het team."),
    ("ja", "refund", "給付金", "物価高騰対策給付金の支給日は12月20日です。手続きは不要です。"),
]


# (language, topic, subject, body): ordinary mail with the lures' single words
ORDINARY: list[tuple[str, str, str, str]] = [
    ("de", "refund", "Bestellung 4471", "Ihre Rückerstattung für die Bestellung 4471 wurde veranlasst. Der Betrag "
     "wird in 3 bis 5 Werktagen auf Ihrem Konto gutgeschrieben."),
    ("fr", "refund", "Votre retour", "Nous avons bien reçu votre retour. Le remboursement de 39,90 € sera effectué "
     "sur votre carte sous quelques jours."),
    ("es", "refund", "Pedido 1182", "Le confirmamos que hemos procesado el reembolso de su pedido 1182. Gracias "
     "por comprar con nosotros."),
    ("pt", "tax newsletter", "Boletim", "A restituição do Imposto de Renda do primeiro lote será paga em 31 de "
     "maio, informa a Receita em seu boletim mensal."),
    ("ja", "refund", "返金完了", "ご注文の返金手続きが完了しました。カード会社により反映まで数日かかる場合がございます。"),
    ("ja", "benefit news", "市政だより", "定額減税の給付金について、市のホームページでご案内しています。申請は不要です。"),
    ("nl", "gift card", "Je bestelling", "Bedankt voor je bestelling! Je cadeaubon van € 25 zit in de bijlage. "
     "Veel plezier ermee."),
    ("it", "parcel", "Spedizione", "Il tuo ordine è stato spedito. Il pacco sarà consegnato domani tra le 9 e le 13."),
    ("en", "wallet", "Your order", "Thanks for ordering the leather wallet. It ships on Monday with the card holder."),
    ("en", "password", "Password changed", "Your password was changed successfully. If this was you, no action is "
     "needed."),
    ("en", "survey", "Team lunch", "Reminder: the team lunch survey closes Friday. Pizza or sushi?"),
    ("de", "loan", "Ihr Kredit", "Anbei die Unterlagen zu Ihrem Kredit für die Wohnung. Der Zinssatz bleibt "
     "unverändert; die nächste Rate wird am 1. abgebucht."),
]


def _mail(from_: str, subject: str, body: str, auth: str) -> bytes:
    head = (f"Authentication-Results: {auth}\nFrom: {from_}\nTo: taro.yamada@example.jp\nSubject: {subject}\n"
            "Date: Sun, 24 Jan 2021 19:02:05 +0900\nMessage-ID: <probe@example.net>\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + body + "\n").encode()


def _named(analysis: object, family: str) -> bool:
    for f in analysis.findings:  # type: ignore[attr-defined]
        how = dict(f.params).get("how", "")
        if f.rule == "scam_lure" and (how == family or (family, how) == ("investment", "wallet")):
            return True  # a crypto-wallet lure is named "wallet" since the round added that class
        if family == "account" and f.rule in ("brand_lure", "credential_lure") and f.severity != "low":
            return True
    return False


def main() -> int:
    caught, named, flagged = _measure(LURES, ORDINARY, "")
    print(f"\nuntuned probe: lures caught {caught}/{2 * len(LURES)}, named {named}/{2 * len(LURES)}; "
          f"ordinary mail flagged {flagged}/{2 * len(ORDINARY)}")
    if "--late" in sys.argv:
        caught, named, flagged = _measure(LATE_LURES, LATE_ORDINARY, "late ")
        print(f"late probe: lures caught {caught}/{2 * len(LATE_LURES)}, named {named}/{2 * len(LATE_LURES)}; "
              f"ordinary mail flagged {flagged}/{2 * len(LATE_ORDINARY)}")
    return 0


def _measure(lures: list[tuple[str, str, str, str, str]], ordinary: list[tuple[str, str, str, str]],
             prefix: str) -> tuple[int, int, int]:
    caught = named = flagged = 0
    for lang, cls, family, subject, body in lures:
        for form, data in (("paste", f"{subject}\n\n{body}".encode()),
                           ("mail", _mail("Service <info@notice.example.net>", subject, body, UNALIGNED))):
            a = analyse(data)
            caught += a.verdict != "no_signs"
            named += _named(a, family)
            if a.verdict == "no_signs" or not _named(a, family):
                rules = ", ".join(f"{f.rule}:{f.severity}:{dict(f.params).get('how', '')}" for f in a.findings)
                print(f"{prefix}miss  {lang} {cls:<20} {form:<5} {a.verdict:<10} lang={a.language:<3} [{rules}]")
    for lang, topic, subject, body in ordinary:
        for form, data in (("paste", f"{subject}\n\n{body}".encode()),
                           ("mail", _mail("Shop <info@shop.example.com>", subject, body,
                                          "mx.example.jp; spf=pass smtp.mailfrom=shop.example.com; dkim=pass "
                                          "header.d=shop.example.com; dmarc=pass header.from=shop.example.com"))):
            a = analyse(data)
            if a.verdict != "no_signs":
                flagged += 1
                rules = ", ".join(f"{f.rule}:{f.severity}:{dict(f.params).get('how', '')}" for f in a.findings)
                print(f"{prefix}alarm {lang} {topic:<20} {form:<5} {a.verdict:<10} [{rules}]")
    return caught, named, flagged


if __name__ == "__main__":
    raise SystemExit(main())
