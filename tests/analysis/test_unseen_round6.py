"""Issue 11, sixth round: lures without a catalogued brand told as clauses (an event and what the mail
asks), in eight languages, for each class of ``[clauses.*]`` in ``phrases.toml``; and, for each, an
ordinary mail with the same topic words (a refund an order really made, a real tax notice, a leather
wallet) that stays ``no_signs``. All made up, reserved names only.

The untuned probe of the round (``bench/probe_round6.py``) was written before these clauses; the
mails here were written with the clauses in view and guard them against regressions."""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.scoring import WEIGHTS
from tests.conftest import make_mail

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"
LANGS = ("en", "de", "fr", "es", "pt", "it", "nl", "ja")

# family -> (rule, how): the finding that names the class
NAMED = {
    "prize": ("scam_lure", "prize"), "refund": ("scam_lure", "refund"), "inheritance": ("scam_lure", "advance_fee"),
    "compensation": ("scam_lure", "advance_fee"), "loan": ("scam_lure", "loan"), "balance": ("scam_lure", "balance"),
    "investment": ("scam_lure", "investment"), "wallet": ("scam_lure", "wallet"), "penalty": ("scam_lure", "penalty"),
    "callback": ("scam_lure", "callback"), "mailbox": ("credential_lure", "mailbox"),
    "password": ("credential_lure", "password"), "suspension": ("credential_lure", "suspension"),
    "parcel": ("credential_lure", "parcel"),
}

# family -> language -> (lure, ordinary mail with the same words)
CASES: dict[str, dict[str, tuple[str, str]]] = {
    "prize": {
        "en": ("Congratulations! You have been selected in our monthly draw. Pay only the shipping to receive your new phone.",
               "The winners of the office chili contest are on the wiki. Thanks to everyone who took the survey."),
        "de": ("Herzlichen Glückwunsch! Sie wurden in unserer Verlosung als Gewinner ausgewählt. Zahlen Sie nur die "
               "Versandkosten von 2 €.", "Danke für Ihre Teilnahme an der Umfrage. Die Ergebnisse stehen im nächsten Newsletter."),
        "fr": ("Félicitations ! Vous avez été tiré au sort. Réglez les frais de port de 1,95 € pour recevoir votre cadeau.",
               "Félicitations pour votre nouveau poste ! Le cadeau de l'équipe vous attend à l'accueil."),
        "es": ("¡Enhorabuena! Usted ha sido seleccionado en nuestro sorteo. Pague solo los gastos de envío para recibir su premio.",
               "El premio de la carrera solidaria se entregará el sábado en el polideportivo."),
        "pt": ("Parabéns! Você foi sorteado em nossa promoção. Pague apenas o frete para receber o prêmio.",
               "Parabéns pelo aniversário! Seu brinde de cliente fiel está disponível na loja."),
        "it": ("Complimenti! È stato estratto nel nostro concorso. Paghi solo le spese di spedizione per ricevere il premio.",
               "Il premio per il miglior progetto verrà consegnato venerdì durante la riunione."),
        "nl": ("Gefeliciteerd! U bent geselecteerd als winnaar van onze actie. Betaal alleen de verzendkosten van € 1,95.",
               "Gefeliciteerd met je verjaardag! Je cadeaubon zit in de bijlage."),
        "ja": ("おめでとうございます！抽選の結果、あなたが当選しました。送料のみお支払いください。",
               "社内アンケートへのご協力ありがとうございました。結果は来週共有します。"),
    },
    "refund": {
        "en": ("You are entitled to a tax refund of $318.40. Complete the form to receive it.",
               "Your refund for order 1182 has been processed and will reach your card in 5 days."),
        "de": ("Sie haben Anspruch auf eine Steuerrückerstattung von 318 €. Füllen Sie das Formular aus.",
               "Ihre Rückerstattung für die Bestellung 4471 wurde veranlasst."),
        "fr": ("Vous avez droit à un remboursement d'impôt de 318 €. Remplissez le formulaire pour le recevoir.",
               "Le remboursement de votre commande 4471 a été effectué sur votre carte."),
        "es": ("Tiene derecho a una devolución de 318 €. Complete el formulario para recibirla.",
               "Hemos procesado el reembolso de su pedido 1182."),
        "pt": ("Você tem direito a uma restituição de R$ 318. Preencha o formulário para receber.",
               "A restituição do imposto do primeiro lote será paga em maio, informa a Receita."),
        "it": ("Ha diritto a un rimborso fiscale di 318 €. Compili il modulo per riceverlo.",
               "Il rimborso del suo ordine 1182 è stato effettuato sulla sua carta."),
        "nl": ("U heeft recht op een teruggave van € 318. Vul het formulier in om het bedrag te ontvangen.",
               "Je terugbetaling voor bestelling 1182 is verwerkt."),
        "ja": ("還付金の受け取り対象となっております。下記のリンクから口座情報をご入力ください。",
               "ご注文の返金手続きが完了しました。反映まで数日かかります。"),
    },
    "inheritance": {
        "en": ("I am a lawyer. My late client left an estate of 8.5 million USD and no heir. Reply with your full name and "
               "phone number.", "The estate agent sent the valuation of the house; we can discuss the inheritance tax on Friday."),
        "de": ("Ich bin Anwalt. Mein verstorbener Mandant hinterließ ein Vermögen von 4,5 Millionen Euro ohne Erben. Senden "
               "Sie mir Ihren Namen und Ihre Telefonnummer.", "Der Notartermin zur Erbschaft Ihrer Tante ist am Montag um 10 Uhr."),
        "fr": ("Je suis notaire. Un client décédé sans héritier a laissé une succession de 4,5 millions d'euros. Envoyez-moi "
               "vos coordonnées complètes.", "Le rendez-vous chez le notaire pour la succession de votre tante est lundi."),
        "es": ("Soy abogado. Un cliente fallecido sin herederos dejó una herencia de 4,5 millones de euros. Envíeme su nombre "
               "completo y su teléfono.", "La cita con el notario por la herencia de su tía es el lunes."),
        "pt": ("Sou advogado. Um cliente falecido sem herdeiros deixou uma herança de 4,5 milhões de dólares. Envie seu nome "
               "completo e telefone.", "A reunião com o advogado sobre a herança da sua tia é na segunda-feira."),
        "it": ("Sono un avvocato. Un cliente defunto senza eredi ha lasciato un'eredità di 4,5 milioni di euro. Mi invii il "
               "suo nome e il suo telefono.", "L'appuntamento dal notaio per l'eredità di sua zia è lunedì."),
        "nl": ("Ik ben advocaat. Een overleden klant zonder erfgenamen liet een erfenis van 4,5 miljoen euro na. Stuur mij "
               "uw naam en telefoonnummer.", "De afspraak bij de notaris over de erfenis van uw tante is maandag."),
        "ja": ("私は弁護士です。亡くなった顧客の遺産約3億円の受取人としてあなたを指名したいと考えています。ご返信ください。",
               "祖母の遺産相続の件で、来週司法書士の先生と面談します。"),
    },
    "compensation": {
        "en": ("You have been selected to receive a compensation payment of $850,000. Send your full name and address.",
               "The compensation committee meets on Tuesday to review salaries."),
        "de": ("Sie wurden für eine Entschädigung von 850.000 € ausgewählt. Senden Sie uns Ihren Namen und Ihre Adresse.",
               "Die Entschädigung für die Zugverspätung wurde Ihrem Konto gutgeschrieben."),
        "fr": ("Vous avez été sélectionné pour recevoir une indemnisation de 850 000 €. Envoyez-nous votre nom complet et "
               "votre adresse.", "L'indemnisation pour le retard de votre train a été versée sur votre compte."),
        "es": ("Usted ha sido seleccionado para recibir una indemnización de 850.000 €. Envíe su nombre completo y su "
               "dirección.", "La indemnización por el retraso del vuelo se ha abonado en su cuenta."),
        "pt": ("Você foi selecionado para receber uma indenização de R$ 850.000. Envie seu nome completo e endereço.",
               "A indenização pelo atraso do voo foi creditada na sua conta."),
        "it": ("È stato selezionato per ricevere un risarcimento di 850.000 €. Mi invii il suo nome e indirizzo.",
               "Il risarcimento per il ritardo del volo è stato accreditato sul suo conto."),
        "nl": ("U bent geselecteerd voor een schadevergoeding van € 850.000. Stuur uw naam en adres om de betaling te "
               "verwerken.", "De schadevergoeding voor de vertraagde trein is op uw rekening gestort."),
        "ja": ("あなたは特別補償プログラムの受給者に選ばれました。受け取りには手数料のお支払いが必要です。",
               "台風被害の補償金の申請方法は市のホームページをご覧ください。"),
    },
    "loan": {
        "en": ("Get a personal loan of $25,000 with no credit check. Apply now and pay the small processing fee.",
               "Your mortgage statement for March is ready. The loan balance is unchanged."),
        "de": ("Kredit ohne Schufa bis 20.000 € mit Sofortzusage. Jetzt beantragen, die Bearbeitungsgebühr wird vorab fällig.",
               "Anbei die Unterlagen zu Ihrem Kredit für die Wohnung; die nächste Rate wird am 1. abgebucht."),
        "fr": ("Prêt entre particuliers de 20 000 € accordé en 24 h. Payez simplement les frais de dossier.",
               "Votre échéancier de crédit immobilier pour 2025 est disponible dans votre espace."),
        "es": ("Préstamo de 20.000 € sin aval, aprobado en 24 horas. Solo pague la comisión de apertura.",
               "Le enviamos el cuadro de amortización de su préstamo hipotecario."),
        "pt": ("Empréstimo de R$ 20.000 sem consulta ao SPC, aprovação em 24 horas. Pague apenas a taxa de liberação.",
               "Segue o extrato do seu empréstimo consignado referente a março."),
        "it": ("Prestito di 20.000 € senza garanzie, approvato in 24 ore. Paghi solo le spese di istruttoria.",
               "In allegato il piano di ammortamento del suo mutuo e del prestito auto."),
        "nl": ("Lening van € 20.000 zonder BKR-toetsing, binnen 24 uur goedgekeurd. Betaal alleen de afsluitkosten.",
               "In de bijlage vindt u het aflossingsschema van uw hypotheek."),
        "ja": ("審査なしで即日融資いたします。保証料をお振込みください。", "住宅ローンの返済予定表をお送りします。"),
    },
    "balance": {
        "en": ("Your account holds a balance of $4,870 awaiting withdrawal. Confirm your bank details to withdraw it today.",
               "Your account balance is $4,870 as of March 31. No action is needed."),
        "de": ("Ihr Konto weist ein Guthaben von 4.870 € auf, das noch nicht ausgezahlt wurde. Bestätigen Sie Ihre "
               "Bankverbindung.", "Ihr Guthaben beträgt 48,70 €. Vielen Dank für Ihren Einkauf."),
        "fr": ("Vous disposez d'un solde de 4 870 € en attente. Indiquez vos coordonnées bancaires pour le retirer.",
               "Le solde de votre carte cadeau est de 48,70 €."),
        "es": ("Tiene un saldo de 4.870 € pendiente de cobro. Confirme sus datos bancarios para retirarlo.",
               "El saldo de su tarjeta regalo es de 48,70 €."),
        "pt": ("Você tem um saldo de R$ 4.870 a receber. Informe seus dados bancários para liberar o valor.",
               "O saldo do seu cartão presente é de R$ 48,70."),
        "it": ("Ha un saldo di 4.870 € in attesa di prelievo. Inserisca le coordinate bancarie per riscuoterlo.",
               "Il saldo della sua carta regalo è di 48,70 €."),
        "nl": ("U heeft een tegoed van € 4.870 dat nog niet is opgehaald. Geef uw bankgegevens door om het uit te betalen.",
               "Het tegoed op je cadeaukaart is € 48,70."),
        "ja": ("お客様の報酬残高が出金可能となっております。出金申請の手続きを行ってください。", "今月のポイント残高は1,200ポイントです。"),
    },
    "investment": {
        "en": ("Invest only $250 and earn up to $3,000 every week with our automated platform.",
               "The investment committee will review the pension fund returns on Thursday."),
        "de": ("Investieren Sie nur 250 € und verdienen Sie bis zu 3.000 € pro Woche.",
               "Die Rendite des Pensionsfonds lag im letzten Jahr bei 4 Prozent."),
        "fr": ("Investissez seulement 250 € et gagnez jusqu'à 3 000 € par semaine.",
               "Le rendement du fonds de pension était de 4 % l'an dernier."),
        "es": ("Invierta solo 250 € y gane hasta 3.000 € a la semana.",
               "La rentabilidad del fondo de pensiones fue del 4 % el año pasado."),
        "pt": ("Invista apenas R$ 250 e ganhe até R$ 3.000 por semana.",
               "A rentabilidade do fundo de previdência foi de 4% no ano passado."),
        "it": ("Investi solo 250 € e guadagna fino a 3.000 € a settimana.",
               "Il rendimento del fondo pensione è stato del 4% l'anno scorso."),
        "nl": ("Investeer slechts € 250 en verdien tot € 3.000 per week.",
               "Het rendement van het pensioenfonds was vorig jaar 4 procent."),
        "ja": ("元本保証で月利10%の投資案件をご紹介します。", "投資信託の運用報告書をお送りします。"),
    },
    "wallet": {
        "en": ("Your wallet must be validated under the new rules. Enter your recovery phrase to avoid losing access.",
               "Thanks for ordering the leather wallet. It ships on Monday."),
        "de": ("Ihre Wallet muss synchronisiert werden. Geben Sie Ihre Wiederherstellungsphrase ein.",
               "Ihre neue Geldbörse aus Leder wird am Montag versandt."),
        "fr": ("Votre portefeuille crypto doit être vérifié. Saisissez votre phrase de récupération.",
               "Merci pour votre commande du portefeuille en cuir."),
        "es": ("Su billetera debe ser verificada. Introduzca su frase de recuperación.",
               "Gracias por comprar la cartera de piel."),
        "pt": ("Sua carteira precisa ser validada. Digite sua frase de recuperação para manter o acesso.",
               "Obrigado por comprar a carteira de couro."),
        "it": ("Il suo wallet deve essere verificato. Inserisca la frase di recupero.",
               "Grazie per aver acquistato il portafoglio in pelle."),
        "nl": ("Uw wallet moet worden geverifieerd. Voer uw herstelzin in.",
               "Bedankt voor het bestellen van de leren portemonnee."),
        "ja": ("ウォレットの同期エラーが発生しました。復元フレーズを入力してください。", "シードフレーズは絶対に他人に教えないでください。"),
    },
    "penalty": {
        "en": ("You have an unpaid toll of $6.99. Pay now to avoid a late fee.",
               "The toll road opens on Monday; the fine print is in the contract."),
        "de": ("Ihre Maut ist noch nicht bezahlt. Bezahlen Sie den offenen Betrag bis Freitag.",
               "Die Maut für die Brennerautobahn ist im Reisepreis enthalten."),
        "fr": ("Votre amende est impayée. Payez avant vendredi pour éviter la majoration.",
               "Le péage de l'autoroute est inclus dans le prix du voyage."),
        "es": ("Tiene una multa pendiente de 45 €. Pague hoy para evitar recargos.",
               "El peaje de la autopista está incluido en el precio del viaje."),
        "pt": ("Consta uma multa de trânsito pendente. Pague hoje para evitar juros.",
               "O pedágio da rodovia está incluído no preço da viagem."),
        "it": ("Risulta una multa non pagata di 45 €. Paghi entro oggi per evitare la maggiorazione.",
               "Il pedaggio autostradale è incluso nel prezzo del viaggio."),
        "nl": ("U heeft een openstaande boete van € 94. Betaal binnen 3 dagen om verhoging te voorkomen.",
               "De tol voor de tunnel is inbegrepen in de reissom."),
        "ja": ("交通違反の反則金が未納となっております。本日中にお支払いください。",
               "反則金の納付方法について、警察署の窓口でご案内しています。"),
    },
    "callback": {
        "en": ("Your subscription has been renewed for $399.99. If you did not authorize this, call our billing team at "
               "+1 555 0100.", "Your subscription has been renewed for $9.99. Manage it in your account settings."),
        "de": ("Ihr Abonnement wurde für 399 € verlängert. Falls Sie dies nicht veranlasst haben, rufen Sie unsere Hotline an.",
               "Ihr Abonnement wurde verlängert. Sie können es jederzeit in Ihrem Konto kündigen."),
        "fr": ("Votre abonnement a été renouvelé pour 399 €. Si vous n'êtes pas à l'origine de cet achat, appelez le "
               "01 23 45 67 89.", "Votre abonnement a été renouvelé. Vous pouvez le résilier dans votre espace client."),
        "es": ("Su suscripción ha sido renovada por 399 €. Si no ha autorizado este cargo, llame al 900 123 456.",
               "Su suscripción ha sido renovada. Puede cancelarla en su cuenta."),
        "pt": ("Sua assinatura foi renovada por R$ 399. Se você não autorizou, ligue para 0800 123 456.",
               "Sua assinatura foi renovada. Você pode cancelar na sua conta."),
        "it": ("Il suo abbonamento è stato rinnovato per 399 €. Se non ha autorizzato l'addebito, chiami il numero "
               "800 123 456.", "Il suo abbonamento è stato rinnovato. Può disdirlo dal suo account."),
        "nl": ("Uw abonnement is verlengd voor € 399. Als u dit niet zelf heeft gedaan, bel dan 020 123 4567.",
               "Uw abonnement is verlengd. U kunt het opzeggen in uw account."),
        "ja": ("ご契約の自動更新が完了しました。身に覚えのない場合は、お電話ください。",
               "ご契約の自動更新が完了しました。解約はマイページから行えます。"),
    },
    "mailbox": {
        "en": ("Your mailbox has reached its storage limit. Incoming messages are on hold. Sign in here to increase your quota.",
               "The shared mailbox for invoices is full of old newsletters; I will clean it up on Friday."),
        "de": ("Ihr Postfach ist voll. Neue Nachrichten werden zurückgehalten. Melden Sie sich an, um Speicher freizugeben.",
               "Das Postfach der Buchhaltung ist bis Montag nicht besetzt."),
        "fr": ("Votre boîte mail est pleine. Les nouveaux messages sont bloqués. Connectez-vous pour libérer de l'espace.",
               "La boîte aux lettres de l'immeuble sera repeinte lundi."),
        "es": ("Su buzón está lleno. Los mensajes entrantes están retenidos. Inicie sesión para liberar espacio.",
               "El buzón de sugerencias estará en la recepción hasta el viernes."),
        "pt": ("Sua caixa de entrada está cheia. Novas mensagens estão retidas. Acesse sua conta para liberar espaço.",
               "A caixa de sugestões fica na recepção até sexta-feira."),
        "it": ("La sua casella di posta è piena. I nuovi messaggi sono bloccati. Acceda per liberare spazio.",
               "La casella di posta dell'ufficio acquisti è gestita da Marco."),
        "nl": ("Uw mailbox is vol. Nieuwe berichten worden tegengehouden. Log in om ruimte vrij te maken.",
               "De mailbox van de administratie wordt vanaf maandag door Sanne beheerd."),
        "ja": ("メールボックスの容量が上限に達しました。新しいメールを受信できません。以下のリンクからログインしてください。",
               "共有メールボックスの担当者が変更になりました。"),
    },
    "password": {
        "en": ("Your email password expires today. Keep your current password by signing in below.",
               "Your password was changed successfully. If this was you, no action is needed."),
        "de": ("Ihr Passwort läuft heute ab. Klicken Sie hier, um Ihr aktuelles Passwort zu behalten.",
               "Ihr Passwort wurde erfolgreich geändert."),
        "fr": ("Le mot de passe de votre messagerie expire aujourd'hui. Cliquez ici pour conserver votre mot de passe.",
               "Votre mot de passe a été modifié avec succès."),
        "es": ("La contraseña de su correo caduca hoy. Haga clic aquí para mantener la misma contraseña.",
               "Su contraseña se ha cambiado correctamente."),
        "pt": ("A senha do seu e-mail expira hoje. Clique aqui para manter a mesma senha.",
               "Sua senha foi alterada com sucesso."),
        "it": ("La password della sua casella scade oggi. Clicchi qui per mantenere la stessa password.",
               "La sua password è stata modificata correttamente."),
        "nl": ("Uw wachtwoord verloopt vandaag. Klik hier om uw huidige wachtwoord te behouden.",
               "Je wachtwoord is gewijzigd."),
        "ja": ("パスワードの有効期限が本日で切れます。以下のリンクからログインしてください。",
               "パスワードを変更しました。お心当たりがない場合はサポートまでご連絡ください。"),
    },
    "suspension": {
        "en": ("Your account has been suspended due to unusual activity. Confirm your details to restore access.",
               "Your account has been closed as you requested. Thank you for being a customer."),
        "de": ("Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Daten, um es wieder freizuschalten.",
               "Ihr Konto wurde wie gewünscht geschlossen. Vielen Dank."),
        "fr": ("Votre compte a été suspendu. Confirmez vos informations pour le réactiver.",
               "Votre compte a été fermé comme vous l'avez demandé."),
        "es": ("Su cuenta ha sido suspendida. Confirme sus datos para reactivarla.",
               "Su cuenta ha sido cerrada según su solicitud."),
        "pt": ("Sua conta foi bloqueada. Confirme seus dados para desbloquear o acesso.",
               "Sua conta foi encerrada conforme solicitado."),
        "it": ("Il suo account è stato sospeso. Confermi i suoi dati per riattivarlo.",
               "Il suo account è stato chiuso come richiesto."),
        "nl": ("Uw account is geblokkeerd. Bevestig uw gegevens om het te deblokkeren.",
               "Uw account is op uw verzoek gesloten."),
        "ja": ("お客様のアカウントを一時停止しました。解除するには、以下のリンクからログインしてください。",
               "メンテナンスのため、サービスを一時停止します。"),
    },
    "parcel": {
        "en": ("Your parcel could not be delivered due to an incomplete address. Pay the $1.99 redelivery fee to schedule "
               "a new delivery.", "Your parcel has shipped and will arrive on Tuesday."),
        "de": ("Ihr Paket konnte nicht zugestellt werden. Bestätigen Sie Ihre Adresse und zahlen Sie die Gebühr von 1,99 €.",
               "Ihr Paket wurde zugestellt. Viel Freude damit!"),
        "fr": ("Votre colis n'a pas pu être livré. Confirmez votre adresse et réglez les frais de 1,99 €.",
               "Votre colis a été livré. Bonne journée !"),
        "es": ("Su paquete no pudo ser entregado. Actualice su dirección y pague la tasa de 1,99 €.",
               "Su paquete ha sido entregado. ¡Que lo disfrute!"),
        "pt": ("Sua encomenda não pôde ser entregue. Atualize o endereço e pague a taxa de R$ 2,99.",
               "Sua encomenda foi entregue. Aproveite!"),
        "it": ("Il suo pacco non è stato consegnato. Aggiorni l'indirizzo e paghi la tassa di 1,99 €.",
               "Il suo pacco è stato consegnato. Buona giornata!"),
        "nl": ("Uw pakket kon niet worden bezorgd. Bevestig uw adres en betaal € 1,99.",
               "Je pakket is bezorgd. Veel plezier ermee!"),
        "ja": ("お荷物をお届けできませんでした。住所を確認のうえ、再配達の手続きをお願いします。", "お荷物は明日お届け予定です。"),
    },
}

LURES = [(family, lang, CASES[family][lang][0]) for family in CASES for lang in LANGS]
ORDINARY = [(family, lang, CASES[family][lang][1]) for family in CASES for lang in LANGS]


def test_every_family_has_every_language() -> None:
    assert set(CASES) == set(NAMED)
    assert all(set(by_lang) == set(LANGS) for by_lang in CASES.values())


def _named(data: bytes, family: str) -> None:
    report = analyse(data)
    rule, how = NAMED[family]
    found = {f.rule: (f.severity, dict(f.params).get("how", "")) for f in report.findings}
    assert rule in found, found
    severity, said = found[rule]
    assert said == how
    assert WEIGHTS[rule][severity] >= WEIGHTS[rule]["medium"]
    assert report.verdict != "no_signs"


@pytest.mark.parametrize(("family", "lang", "body"), LURES)
def test_a_lure_mailed_from_an_ordinary_sender_is_caught_and_named(family: str, lang: str, body: str) -> None:
    _named(make_mail(from_="Service <info@notice.example.net>", subject="Notice", body=body, auth=UNALIGNED), family)


@pytest.mark.parametrize(("family", "lang", "body"), LURES)
def test_a_lure_pasted_without_its_header_is_caught_and_named(family: str, lang: str, body: str) -> None:
    _named(body.encode(), family)


@pytest.mark.parametrize(("family", "lang", "body"), ORDINARY)
def test_ordinary_mail_with_the_same_words_is_left_alone(family: str, lang: str, body: str) -> None:
    for data in (make_mail(subject="Hello", body=body), body.encode()):
        report = analyse(data)
        assert report.verdict == "no_signs", [(f.rule, f.severity, f.evidence) for f in report.findings]
        assert not {"scam_lure", "credential_lure"} & {f.rule for f in report.findings}


@pytest.mark.parametrize("text", [
    "Security tip: never share your seed phrase or private key with anyone. Our staff will never ask for it.",
    "Nunca comparta su frase de recuperación con nadie: nunca se la pediremos.",
])
def test_advice_not_to_share_a_recovery_phrase_is_not_a_wallet_lure(text: str) -> None:
    assert analyse(text.encode()).verdict == "no_signs"


def test_a_request_to_log_in_without_an_event_is_not_a_clause_lure() -> None:
    report = analyse(b"Our new course catalogue is online. Log in to your account to enrol before Friday.")
    assert "credential_lure" not in {f.rule for f in report.findings}


@pytest.mark.parametrize(("text", "lang"), [
    ("Sehr geehrte Kundin, wir haben Ihre Bestellung erhalten und werden sie bald versenden. Bitte prüfen Sie die "
     "Adresse.", "de"),
    ("Olá, recebemos o seu pedido e vamos enviá-lo em breve. Por favor confira o endereço da entrega.", "pt"),
    ("Hola, hemos recibido su pedido y lo enviaremos pronto. Por favor revise la dirección de entrega.", "es"),
    ("Gentile cliente, abbiamo ricevuto il suo ordine e lo spediremo presto. Controlli l'indirizzo della consegna.", "it"),
    ("Beste klant, we hebben uw bestelling ontvangen en versturen die binnenkort. Controleer het adres.", "nl"),
    ("Bonjour, nous avons bien reçu votre commande et nous l'enverrons bientôt. Vérifiez l'adresse de livraison.", "fr"),
])
def test_the_language_of_a_short_european_mail(text: str, lang: str) -> None:
    assert analyse(make_mail(subject="Bestellung", body=text)).language == lang
