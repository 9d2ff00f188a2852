"""Untuned probe (issue 11, ninth round, branch probe9): do the wording rules generalise?

Written on 2026-12-03 between 15:15 and 15:21 UTC (committed as faeaefa before its first run) by a
helper that had not read the wording rules (``bot/analysis/rules.py``), their phrase lists and
catalogue (``bot/analysis/data/*.toml``) or the lure texts of the earlier probes; only the structure
of ``bench/probe_ordinary_round8.py`` (how it builds a mail, its unaligned Authentication-Results
line, how it calls ``analyse`` and counts) was copied. Every text was written from knowledge of real
scam, phishing and ordinary mail of 2024–2026, before the probe was run once, and none was edited
after that first run: a miss stays a miss, a false alarm stays a false alarm. Everything is made up
(reserved names only: example.jp/.com/.net, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; phone
numbers are fictional or drama ranges).

64 lures: 8 languages (ja, en, de, fr, es, pt, it, nl) x 8 classes without a catalogued brand —
prize (prize draw, survey reward), tax (tax or government refund), advance (advance fee,
inheritance, compensation, donation), crypto (wallet verification, seed phrase, airdrop, trading
scheme), callback (fake invoice or renewal with a phone number to call), mailbox (quota full,
password expiry), parcel (parcel held for a small fee), account (account suspended, verify your
identity). Some carry a link to a reserved host, some none (reply by mail, call a number).
64 ordinary mails of the same topics written honestly, same 8 languages: a lottery results
newsletter, a tax office's or town's reminder that asks for nothing, a shop's refund confirmation,
a crypto exchange's security notice, a renewal receipt (with the support phone number), an IT notice
about a mailbox migration, a delivery notice, a terms-of-service update.

Each item is analysed twice: pasted (subject and body, no header) and as a mail (lures from an
unaligned sender, ordinary mail from its own domain with aligned dkim=pass and dmarc=pass).
"caught"/"flagged": any verdict but ``no_signs``. "named": caught, and a wording rule names the
expected kind — ``scam_lure`` with one of the lure's expected families (``how``), or for "account"
``brand_lure`` / ``credential_lure`` above ``low``. Expected families were fixed when the texts were
written: prize → prize; tax → refund (or penalty); advance → advance_fee; crypto → investment for a
trading scheme, investment or prize for an airdrop, account or investment for a wallet or seed
phrase; callback → callback; mailbox and account → account; parcel → account or penalty.

First (and only) run, on main 03adcd0, 2026-12-03 15:21 UTC; only this docstring was touched afterwards:
    lures caught 63/128 (unaligned mail 32/64, pasted 31/64), named with the expected kind 57/128;
    ordinary mail flagged 14/128 (aligned mail 7/64, pasted 7/64).
    caught (named) by language: ja 8/16 (8), en 15/16 (15), de 10/16 (8), fr 10/16 (8), es 6/16 (4),
    pt 8/16 (8), it 4/16 (4), nl 2/16 (2);
    by class: prize 16/16 (16), tax 10/16 (10), advance 6/16 (6), crypto 10/16 (10), callback 8/16 (2),
    mailbox 1/16 (1), parcel 4/16 (4), account 8/16 (8).
    ordinary flagged by class: crypto 10 (exchange security notices that say "we never ask for your
    recovery phrase": en, de, fr, es as investment, pt as balance), callback 2 (en renewal receipt with a
    support number: scam, callback high), prize 2 (de lottery results: scam, advance_fee + spam_content).

    python bench/probe_round9.py            # counts by language and class, and each miss or false alarm
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.probe_ordinary_round8 import _aligned, _rules
from bench.probe_ordinary_round8 import _mail as _mail8
from bot.analysis.pipeline import analyse

UNALIGNED = "mx.example.jp; spf=pass smtp.mailfrom=bulk.example.net; dkim=none; dmarc=none"
LANGS = ("ja", "en", "de", "fr", "es", "pt", "it", "nl")
CLASSES = ("prize", "tax", "advance", "crypto", "callback", "mailbox", "parcel", "account")

# (language, class, expected families separated by "|", display name, subject, body)
LURES: list[tuple[str, str, str, str, str, str]] = [
    # --- ja
    ("ja", "prize", "prize", "プレゼント事務局", "【当選のお知らせ】年末感謝キャンペーン",
     "おめでとうございます！先日ご回答いただいたアンケートの抽選の結果、お客様が最新スマートフォンの"
     "当選者に選ばれました。賞品のお受け取りには、送料300円のお支払いが必要です。受付期限は本日23時59分まで"
     "となっておりますので、お早めにお手続きください。\n▼受け取り手続きはこちら\nhttps://example.net/cp/win?id=8841"),
    ("ja", "tax", "refund|penalty", "還付金受付センター", "【重要】還付金受取手続きのご案内",
     "令和7年分の所得税還付金(12,480円)が未受領となっております。還付金をお受け取りいただくには、"
     "下記URLより受取口座の情報をご登録ください。期限までにお手続きがない場合、還付を受ける権利が"
     "失効しますのでご注意ください。\n受付期限:12月7日\nhttps://example.net/kanpu/touroku"),
    ("ja", "advance", "advance_fee", "佐藤 美智子", "突然のご連絡失礼いたします",
     "はじめまして。突然のメールで驚かれたことと存じます。私は現在病気療養中の身で、残された時間で"
     "財産の一部を信頼できる方にお譲りしたいと考えております。お譲りする金額は総額2,800万円です。"
     "お受け取りの際には、事前に事務手数料として5,000円をお振込みいただく必要がございます。"
     "ご興味がございましたら、このメールにご返信ください。"),
    ("ja", "crypto", "account|investment", "ウォレットサポート", "【要対応】ウォレット認証のお願い",
     "お客様のウォレットは最新のセキュリティ基準に対応しておりません。72時間以内に認証を完了されない場合、"
     "保有資産が一時的に凍結されます。以下のページで12単語のリカバリーフレーズを入力し、認証を完了して"
     "ください。\nhttps://example.net/wallet/ninsho"),
    ("ja", "callback", "callback", "カスタマーサポート", "ご利用料金のお知らせ(自動更新)",
     "ご契約中のセキュリティソフト年間プランが自動更新され、39,800円がお客様のクレジットカードに請求されました。"
     "この更新にお心当たりのない場合は、48時間以内にサポートセンター(050-0000-4417)までお電話ください。"
     "キャンセルおよび返金の手続きをご案内いたします。"),
    ("ja", "mailbox", "account", "メールシステム管理者", "メールボックス容量超過のお知らせ",
     "お客様のメールボックスは容量の98%に達しています。このままでは新しいメールを受信できなくなります。"
     "下記リンクからアカウントを確認のうえ、容量を無料で拡張してください。\n"
     "https://example.net/mail/upgrade\n※本メールは送信専用アドレスから自動送信されています。"),
    ("ja", "parcel", "account|penalty", "配送センター", "【不在通知】お荷物をお預かりしております",
     "お客様宛のお荷物をお届けに伺いましたが、宛先のご住所が不完全なため、当センターで保管しております。"
     "再配達をご希望の場合は、ご住所の確認と再配達手数料210円のお支払いをお願いいたします。"
     "保管期限を過ぎますと、お荷物は差出人へ返送されます。\nhttps://example.net/jp/redelivery"),
    ("ja", "account", "account", "アカウントセキュリティ", "【緊急】アカウント利用停止のお知らせ",
     "お客様のアカウントで第三者による不正なログインの可能性を検知したため、ご利用を一時的に制限しております。"
     "引き続きご利用いただくには、24時間以内にご本人確認を完了してください。期限内に確認が取れない場合、"
     "アカウントは永久に停止されます。\n▼ご本人確認はこちら\nhttps://example.net/verify"),
    # --- en
    ("en", "prize", "prize", "Customer Rewards", "Congratulations! You've been selected",
     "You have been selected to take part in our 30-second customer survey. As a thank-you, you can claim an "
     "exclusive reward: a cordless vacuum cleaner worth $649! Just cover the shipping of $1.95. Only 3 rewards "
     "left in your area - offer ends today.\n\nCLAIM YOUR REWARD: https://example.net/r/7731"),
    ("en", "tax", "refund|penalty", "Tax Refund Department", "Tax Refund Notification",
     "After the last annual calculation of your fiscal activity we have determined that you are eligible to "
     "receive a tax refund of £468.20. Please submit the tax refund request and allow us 3-5 business days in "
     "order to process it.\nTo access the form for your tax refund, click here: https://example.net/refund/form\n"
     "Note: a refund can be delayed for a variety of reasons, for example submitting invalid records or applying "
     "after the deadline."),
    ("en", "advance", "advance_fee", "Compensation Committee", "RE: Your Compensation Payment (Ref: ICF/0917/26)",
     "Dear Beneficiary,\nThis is to officially inform you that your compensation payment of USD 2,500,000.00 "
     "has been approved by the International Fraud Victims Compensation Committee. To receive your funds, "
     "reconfirm your full name, address, phone number and a copy of your ID, and pay the mandatory clearance "
     "certificate fee of USD 350. Reply to this email immediately.\nYours faithfully,\nBarr. Daniel Okoro"),
    ("en", "crypto", "investment|prize", "Airdrop Team", "Your $ETH airdrop is ready to claim",
     "Eligible wallets can now claim the Season 2 airdrop. Your allocation: 1,250 tokens (≈ $3,410). Connect "
     "your wallet before Dec 5, 23:59 UTC - unclaimed tokens will be redistributed to the community pool.\n\n"
     "Claim now: https://example.net/claim"),
    ("en", "callback", "callback", "Billing Department", "Your Order #INV-48213 has been processed",
     "Thank you for renewing your Total Protection Plan.\nAmount charged: $399.99\nPayment method: Auto-debit\n"
     "Renewal term: 2 years\n\nIf you did not authorize this charge or wish to cancel, please contact our "
     "billing department within 24 hours at +1 (808) 555-0143.\nDo not reply to this email."),
    ("en", "mailbox", "account", "Email Admin", "Password Expiry Notice for taro.yamada@example.jp",
     "Your email password expires today 12/3/2026.\nTo keep using your current password, use the button below.\n\n"
     "KEEP SAME PASSWORD\nhttps://example.net/owa/keep?u=taro.yamada@example.jp\n\nFailure to do so may result in "
     "loss of access to your mailbox.\n\nEmail Admin ©2026 Mail Server"),
    ("en", "parcel", "account|penalty", "Delivery Services", "Your package could not be delivered",
     "We were unable to deliver your parcel on 12/02 because no one was available and the address was incomplete. "
     "Your package is now held at our local facility. To schedule a new delivery, please confirm your address and "
     "pay the redelivery fee of $1.99: https://example.net/track/US9514\nParcels not claimed within 48 hours will "
     "be returned to sender."),
    ("en", "account", "account", "Account Security", "Action required: your account has been suspended",
     "We noticed unusual activity on your account and have temporarily suspended access to protect you. To restore "
     "full access, please verify your identity within 24 hours.\n\nVerify now: https://example.net/acct/restore\n\n"
     "If you do not complete verification, your account will be permanently closed."),
    # --- de
    ("de", "prize", "prize", "Kundenservice", "Herzlichen Glückwunsch! Sie wurden ausgewählt",
     "Als Dankeschön für Ihre Treue dürfen Sie an unserer Kundenumfrage teilnehmen – es dauert nur 30 Sekunden. "
     "Anschließend erhalten Sie ein exklusives Geschenk: ein Premium-Messerset im Wert von 189 €. Sie zahlen nur "
     "die Versandkosten von 2,95 €. Angebot nur heute gültig!\nhttps://example.net/de/umfrage"),
    ("de", "tax", "refund|penalty", "Steuerrückerstattung", "Steuerrückerstattung 2025 – Ihre Bestätigung ist erforderlich",
     "Sehr geehrte Steuerpflichtige, sehr geehrter Steuerpflichtiger,\nnach Prüfung Ihrer Steuererklärung 2025 "
     "steht Ihnen eine Rückerstattung in Höhe von 612,40 EUR zu. Um die Auszahlung zu erhalten, müssen Sie Ihre "
     "Bankverbindung innerhalb von 5 Werktagen bestätigen. Nach Ablauf der Frist verfällt Ihr Anspruch.\n"
     "Zum Formular: https://example.net/erstattung"),
    ("de", "advance", "advance_fee", "RA Markus Weber", "Vertraulich: Nachlass Ihres verstorbenen Verwandten",
     "Guten Tag,\nich bin Rechtsanwalt in Madrid. Ein Mandant von mir, der denselben Nachnamen trägt wie Sie, ist "
     "ohne Testament verstorben und hinterließ 4,7 Millionen Euro. Da keine Erben ermittelt werden konnten, schlage "
     "ich vor, Sie als Begünstigten einzutragen. Der Betrag wird 50/50 geteilt. Bitte antworten Sie mit Ihrem "
     "vollständigen Namen, Ihrer Telefonnummer und Ihrem Beruf. Diskretion ist erforderlich."),
    ("de", "crypto", "investment", "Krypto Einkommen", "Passives Einkommen mit Krypto – 2.400 € pro Woche",
     "Unsere KI-Trading-Plattform erzielt für Mitglieder tägliche Renditen von bis zu 3 %. Mit einer Einzahlung "
     "von nur 250 € starten Sie sofort, ein persönlicher Berater ruft Sie an. Die Plätze für Deutschland sind "
     "begrenzt.\nJetzt registrieren: https://example.net/de/start"),
    ("de", "callback", "callback", "Kundendienst", "Rechnung Nr. 2026-118734 – Abbuchung bestätigt",
     "Vielen Dank für Ihre Verlängerung. Ihr Jahresabonnement für den Premium-Virenschutz wurde automatisch "
     "verlängert.\nBetrag: 349,99 EUR, eingezogen von Ihrem Konto.\nFalls Sie diese Verlängerung nicht autorisiert "
     "haben, rufen Sie innerhalb von 24 Stunden unseren Kundendienst unter +49 30 23125 617 an, um eine "
     "Rückerstattung zu erhalten."),
    ("de", "mailbox", "account", "E-Mail-Administrator", "Ihr Postfach ist fast voll",
     "Ihr Postfach hat 99 % seines Speicherplatzes erreicht (49,5 GB von 50 GB). Eingehende Nachrichten werden ab "
     "sofort zurückgehalten. Um Ihre Nachrichten freizugeben und zusätzlichen Speicher kostenlos zu aktivieren, "
     "melden Sie sich hier an:\nhttps://example.net/webmail/speicher\n\nIhr E-Mail-Administrator"),
    ("de", "parcel", "account|penalty", "Paketdienst", "Ihr Paket wartet auf Zustellung – Zollgebühr offen",
     "Ihre Sendung Nr. DE48213307 befindet sich in unserem Verteilzentrum. Für die Zustellung ist eine Zollgebühr "
     "von 1,99 € fällig. Bitte begleichen Sie den Betrag innerhalb von 48 Stunden, sonst wird das Paket an den "
     "Absender zurückgeschickt: https://example.net/sendung/DE48213307"),
    ("de", "account", "account", "Sicherheitsteam", "Ihr Konto wurde vorübergehend eingeschränkt",
     "Wir haben ungewöhnliche Anmeldeversuche festgestellt und Ihr Konto aus Sicherheitsgründen eingeschränkt. "
     "Bitte bestätigen Sie Ihre Identität, um alle Funktionen wiederherzustellen. Wenn Sie die Bestätigung nicht "
     "innerhalb von 48 Stunden durchführen, wird Ihr Konto dauerhaft gesperrt.\n"
     "Jetzt bestätigen: https://example.net/konto/verifizierung"),
    # --- fr
    ("fr", "prize", "prize", "Service Fidélité", "Félicitations, vous êtes notre gagnant du mois !",
     "Votre adresse e-mail a été tirée au sort parmi nos clients fidèles. Vous remportez un robot cuiseur d'une "
     "valeur de 899 € ! Pour recevoir votre lot, il vous suffit de régler les frais de livraison de 1,95 € avant "
     "ce soir minuit.\nRéclamer mon cadeau : https://example.net/fr/gagnant"),
    ("fr", "tax", "refund|penalty", "Service des remboursements", "Avis de remboursement – impôt sur le revenu",
     "Après les derniers calculs de votre activité fiscale, nous avons déterminé que vous êtes éligible à un "
     "remboursement d'un montant de 326,50 €. Pour recevoir votre remboursement, veuillez remplir le formulaire "
     "en ligne et indiquer les coordonnées de la carte bancaire sur laquelle le montant sera crédité. Sans réponse "
     "de votre part sous 72 heures, votre dossier sera clôturé.\nhttps://example.net/remboursement"),
    ("fr", "advance", "advance_fee", "Mme Claire", "Don à une personne de confiance",
     "Bonjour,\nje vous écris avec beaucoup de tristesse. Je suis veuve, sans enfant, et atteinte d'un cancer en "
     "phase terminale. Je souhaite faire don de 850 000 € à une personne honnête afin qu'elle les utilise pour des "
     "œuvres caritatives. Si vous acceptez, envoyez-moi vos coordonnées complètes (nom, adresse, numéro de "
     "téléphone) afin que mon notaire puisse engager le transfert.\nQue Dieu vous bénisse."),
    ("fr", "crypto", "account|investment", "Support Portefeuille", "Action requise : synchronisation de votre portefeuille",
     "Suite à une mise à jour du réseau, votre portefeuille doit être resynchronisé. Sans cette opération, vos "
     "actifs pourraient devenir inaccessibles. Saisissez votre phrase de récupération (12 ou 24 mots) sur la page "
     "de validation sécurisée : https://example.net/wallet/sync"),
    ("fr", "callback", "callback", "Service Commandes", "Confirmation de commande n° FR-22871",
     "Bonjour,\nvotre commande a bien été validée : ordinateur portable 15,6 pouces – 1 249,00 €, paiement effectué "
     "par prélèvement. Livraison prévue sous 3 jours.\nSi vous n'êtes pas à l'origine de cette commande, appelez "
     "immédiatement notre service d'annulation au 01 99 00 42 17 (appel gratuit) pour obtenir le remboursement."),
    ("fr", "mailbox", "account", "Support Messagerie", "Votre mot de passe expire aujourd'hui",
     "Le mot de passe de votre compte de messagerie expire le 03/12/2026. Pour conserver votre mot de passe actuel "
     "et éviter l'interruption de vos e-mails, confirmez-le via le lien ci-dessous :\n"
     "https://example.net/messagerie/conserver\n\nL'équipe support"),
    ("fr", "parcel", "account|penalty", "Service Livraison", "Votre colis est en attente",
     "Bonjour, votre colis n'a pas pu être livré le 02/12 car les frais d'affranchissement n'ont pas été réglés "
     "(0,99 €). Pour programmer une nouvelle livraison, confirmez le paiement ici : https://example.net/colis/suivi\n"
     "Sans action de votre part sous 24 h, le colis sera retourné à l'expéditeur."),
    ("fr", "account", "account", "Service Client", "Votre compte a été suspendu",
     "Cher(e) client(e), nous avons détecté une activité inhabituelle sur votre compte. Par mesure de sécurité, "
     "l'accès à celui-ci a été suspendu. Pour le réactiver, merci de vérifier vos informations en répondant à ce "
     "message avec votre identifiant, votre date de naissance et les quatre derniers chiffres de votre carte. "
     "Sans vérification sous 48 h, votre compte sera définitivement fermé."),
    # --- es
    ("es", "prize", "prize", "Atención al Cliente", "¡Enhorabuena! Ha sido seleccionado para recibir un premio",
     "Estimado cliente: ha sido elegido para participar en nuestra encuesta anual de satisfacción. Complete 5 "
     "preguntas y reciba un teléfono inteligente de última generación. Solo debe abonar 2 € de gastos de envío. "
     "¡Quedan solo 3 premios disponibles!\nParticipe ahora: https://example.net/es/encuesta"),
    ("es", "tax", "refund|penalty", "Devoluciones", "Notificación de devolución de impuestos",
     "Estimado contribuyente: tras revisar su declaración de la renta 2025, le informamos de que tiene derecho a "
     "una devolución de 415,80 €. Para recibir el importe debe verificar sus datos bancarios antes del 10 de "
     "diciembre: complete el formulario adjunto con su IBAN y el número de su tarjeta y envíelo respondiendo a este "
     "correo. Si no lo hace, la devolución quedará anulada."),
    ("es", "advance", "advance_fee", "Departamento de Pagos", "Fondos de compensación aprobados",
     "Por medio de la presente le comunicamos que su nombre figura en la lista de beneficiarios del fondo "
     "internacional de compensación para víctimas de estafas en línea. Se le ha asignado la suma de 850.000,00 USD. "
     "Para liberar el pago, debe abonar los gastos de transferencia de 280 € y enviarnos una copia de su documento "
     "de identidad.\nAtentamente,\nDepartamento de Pagos"),
    ("es", "crypto", "investment", "Inversiones Cripto", "Invierta 250 € y gane hasta 1.500 € a la semana",
     "Miles de españoles ya generan ingresos con nuestra plataforma automatizada de criptomonedas. Usted solo "
     "invierte 250 € y nuestro algoritmo opera por usted las 24 horas. Rentabilidad garantizada. Regístrese hoy y "
     "un asesor le llamará: https://example.net/es/registro"),
    ("es", "callback", "callback", "Facturación", "Renovación de su suscripción – Factura n.º 77120",
     "Le confirmamos la renovación automática de su suscripción anual de protección antivirus por un importe de "
     "299,99 €, que se cargará hoy en su cuenta. Si desea cancelar la renovación y solicitar el reembolso, llame a "
     "nuestro servicio de atención al cliente al +34 900 000 417 en un plazo de 24 horas."),
    ("es", "mailbox", "account", "Administrador del sistema", "Su buzón de correo ha superado el límite de almacenamiento",
     "Su buzón ha superado el límite de almacenamiento establecido por el administrador. Es posible que no pueda "
     "enviar ni recibir mensajes nuevos hasta que valide su cuenta. Para aumentar su cuota, haga clic aquí e inicie "
     "sesión: https://example.net/correo/validar\n\nAdministrador del sistema"),
    ("es", "parcel", "account|penalty", "Aduanas y Envíos", "Su envío está retenido en aduana",
     "Estimado cliente, su paquete con número de seguimiento ES7720196 está retenido a la espera del pago de las "
     "tasas de aduana (1,79 €). Realice el pago en las próximas 48 horas para que podamos entregárselo; de lo "
     "contrario, será devuelto: https://example.net/envio/ES7720196"),
    ("es", "account", "account", "Seguridad de la cuenta", "Aviso: su cuenta será bloqueada",
     "Hemos detectado un acceso no autorizado a su cuenta desde un dispositivo desconocido. Por su seguridad, hemos "
     "bloqueado temporalmente el acceso. Verifique su identidad en las próximas 24 horas para evitar el bloqueo "
     "definitivo: https://example.net/cuenta/verificar"),
    # --- pt
    ("pt", "prize", "prize", "Promoção de Fim de Ano", "Parabéns! Você foi sorteado",
     "Seu CPF foi sorteado na nossa promoção de fim de ano e você ganhou um prêmio de R$ 5.000,00! Para liberar o "
     "valor, pague a taxa de resgate de R$ 49,90 via Pix até hoje às 23h59.\nResgate aqui: "
     "https://example.net/br/premio"),
    ("pt", "tax", "refund|penalty", "Restituição", "Restituição do Imposto de Renda disponível",
     "Prezado(a) contribuinte, identificamos que sua restituição do Imposto de Renda 2026 no valor de R$ 1.284,37 "
     "está disponível para resgate. Para receber, atualize seus dados bancários em até 48 horas. Após esse prazo, "
     "o valor será devolvido ao Tesouro.\nAcesse: https://example.net/restituicao"),
    ("pt", "advance", "advance_fee", "Dr. Rui Almeida", "Herança não reclamada – assunto confidencial",
     "Prezado(a),\nsou advogado em Lisboa e represento o espólio de um cliente falecido que tem o mesmo apelido que "
     "o seu. O montante de 3,2 milhões de euros está depositado num banco e será confiscado se nenhum herdeiro for "
     "apresentado. Proponho que o apresentemos como herdeiro e partilhemos o valor. Responda com o seu nome completo "
     "e número de telefone para darmos início ao processo."),
    ("pt", "crypto", "account|investment", "Suporte Carteira", "Sua carteira será desativada",
     "Detectamos que sua carteira de criptomoedas não foi verificada conforme as novas regras de conformidade. Para "
     "evitar o bloqueio dos seus ativos, conecte sua carteira e confirme sua frase de recuperação em até 24 horas: "
     "https://example.net/carteira/verificar"),
    ("pt", "callback", "callback", "Central de Pedidos", "Confirmação de pagamento – Pedido nº 558213",
     "Olá, seu pagamento de R$ 2.899,00 referente à compra de um notebook foi aprovado. Caso não reconheça esta "
     "compra, ligue imediatamente para nossa central de cancelamento: 0800 000 4417. Atendimento 24 horas."),
    ("pt", "mailbox", "account", "Equipe de TI", "Sua senha de e-mail expira hoje",
     "Prezado usuário, a senha da sua conta de e-mail expira hoje. Para manter a mesma senha e continuar recebendo "
     "mensagens, confirme seus dados no link abaixo. Caso contrário, sua conta será desativada.\n"
     "https://example.net/webmail/manter-senha\n\nEquipe de TI"),
    ("pt", "parcel", "account|penalty", "Rastreamento", "Sua encomenda foi taxada",
     "Olá! Sua encomenda com código de rastreio BR482139775 foi tributada e está aguardando o pagamento da taxa de "
     "importação de R$ 39,90. Efetue o pagamento via Pix em até 3 dias úteis para que a entrega seja liberada.\n"
     "Acesse: https://example.net/rastreio/BR482139775"),
    ("pt", "account", "account", "Segurança", "Acesso bloqueado",
     "Identificamos uma tentativa de acesso suspeita em sua conta e, por segurança, ela foi bloqueada "
     "temporariamente. Para desbloquear, responda a este e-mail informando seu nome completo, CPF e data de "
     "nascimento. Se não recebermos sua confirmação em 24 horas, a conta será encerrada."),
    # --- it
    ("it", "prize", "prize", "Ufficio Premi", "Sei stato selezionato! Ritira il tuo premio",
     "Gentile cliente, grazie alla tua fedeltà sei stato scelto per ricevere un set di pentole professionali del "
     "valore di 299 €. Rispondi a 3 brevi domande e paga solo 2 € di spese di spedizione. L'offerta scade oggi!\n"
     "https://example.net/it/premio"),
    ("it", "tax", "refund|penalty", "Ufficio Rimborsi", "Rimborso fiscale: verifica richiesta",
     "Gentile contribuente, dai controlli effettuati risulta un rimborso IRPEF a suo favore di 278,60 €. Per "
     "ricevere l'accredito è necessario confermare i dati della carta su cui effettuare il versamento entro 5 "
     "giorni.\nhttps://example.net/rimborso"),
    ("it", "advance", "advance_fee", "Ufficio Risarcimenti", "Risarcimento approvato",
     "Gentile signore/signora, siamo lieti di informarla che, in seguito all'indagine internazionale sulle frodi "
     "online, le è stato riconosciuto un risarcimento di 450.000 €. Per sbloccare il pagamento è necessario versare "
     "320 € per le spese notarili e di bonifico. Ci invii una copia del documento d'identità e i suoi recapiti per "
     "procedere."),
    ("it", "crypto", "investment|prize", "Airdrop", "Il tuo airdrop è pronto",
     "Il tuo indirizzo wallet è idoneo per l'airdrop della stagione 3: 2.000 token (circa 1.850 €). Collega il tuo "
     "wallet entro 48 ore per riscattarli, altrimenti verranno ridistribuiti.\nhttps://example.net/airdrop"),
    ("it", "callback", "callback", "Ufficio Rimborsi", "Abbonamento rinnovato – Fattura n. IT-90417",
     "Il suo abbonamento annuale al servizio di assistenza tecnica è stato rinnovato. Importo addebitato: 389,00 €. "
     "Se non ha autorizzato questo rinnovo, contatti subito il nostro ufficio rimborsi al numero +39 02 0000 4417 "
     "(lun–dom, 8–22). Il rimborso è possibile solo entro 24 ore."),
    ("it", "mailbox", "account", "Amministratore di sistema", "Casella di posta piena",
     "La sua casella di posta ha raggiunto il limite di spazio. I nuovi messaggi in arrivo sono stati sospesi. Per "
     "sbloccarli e ottenere spazio aggiuntivo gratuito, acceda con le sue credenziali:\n"
     "https://example.net/posta/spazio\n\nAmministratore di sistema"),
    ("it", "parcel", "account|penalty", "Centro Spedizioni", "Spedizione in giacenza",
     "Il suo pacco è in giacenza presso il nostro centro di smistamento per indirizzo incompleto. Per riprogrammare "
     "la consegna, aggiorni l'indirizzo e paghi il contributo di 1,49 €. Dopo 72 ore il pacco sarà restituito al "
     "mittente.\nhttps://example.net/giacenza"),
    ("it", "account", "account", "Sicurezza Account", "Il suo account è stato sospeso",
     "Abbiamo rilevato un'attività insolita e per motivi di sicurezza il suo account è stato temporaneamente "
     "sospeso. Per riattivarlo, verifichi la sua identità entro 24 ore tramite il link seguente: "
     "https://example.net/account/verifica\nTrascorso questo termine, l'account verrà chiuso definitivamente."),
    # --- nl
    ("nl", "prize", "prize", "Decemberactie", "Gefeliciteerd! U heeft gewonnen",
     "U bent een van de gelukkige winnaars van onze decemberactie! Uw prijs: een cadeaubon van € 500. Beantwoord "
     "drie korte vragen en betaal alleen de verzendkosten van € 1,95. Let op: de actie loopt vandaag af.\n"
     "https://example.net/nl/winnaar"),
    ("nl", "tax", "refund|penalty", "Afdeling Teruggave", "Teruggave inkomstenbelasting 2025",
     "Geachte heer/mevrouw, uit onze berekening blijkt dat u recht heeft op een teruggave van € 394,20. Om de "
     "teruggave te ontvangen moet u uw rekeningnummer bevestigen. Doet u dit niet binnen 7 dagen, dan vervalt uw "
     "recht op teruggave.\nBevestig hier: https://example.net/teruggave"),
    ("nl", "advance", "advance_fee", "J. Williams", "Erfenis – vertrouwelijk",
     "Beste,\nik werk bij een bank in Londen en heb een slapende rekening gevonden van een overleden klant zonder "
     "erfgenamen, met een saldo van 6,4 miljoen pond. Ik kan u als begunstigde laten registreren; we verdelen het "
     "bedrag 60/40. Stuur mij uw volledige naam, adres en telefoonnummer. Alles is legaal en zonder risico."),
    ("nl", "crypto", "investment", "Crypto Rendement", "Beleggen in crypto zonder ervaring",
     "Met ons automatische handelsplatform verdienen Nederlanders gemiddeld € 1.200 per week. Start vanaf € 250; "
     "uw persoonlijke accountmanager belt u binnen 24 uur. Nog maar 17 plaatsen beschikbaar.\n"
     "Meld u nu aan: https://example.net/nl/aanmelden"),
    ("nl", "callback", "callback", "Klantenservice", "Factuur 2026-30981: automatische verlenging",
     "Beste klant, uw abonnement op de pc-beveiligingsdienst is automatisch verlengd voor € 299,95. Het bedrag "
     "wordt binnen 24 uur van uw rekening afgeschreven. Niet akkoord? Bel onze klantenservice op 020 000 4417 om "
     "de verlenging te annuleren."),
    ("nl", "mailbox", "account", "IT Helpdesk", "Uw wachtwoord verloopt vandaag",
     "Het wachtwoord van uw mailbox verloopt vandaag. Om uw huidige wachtwoord te behouden, klikt u op de "
     "onderstaande link en logt u in.\nhttps://example.net/mail/behouden\nHoudt u er rekening mee dat u anders geen "
     "e-mail meer kunt verzenden of ontvangen.\n\nIT Helpdesk"),
    ("nl", "parcel", "account|penalty", "Pakketservice", "Uw pakket kon niet worden bezorgd",
     "Wij hebben vandaag geprobeerd uw pakket te bezorgen, maar het huisnummer ontbreekt. Werk uw adresgegevens bij "
     "en betaal € 1,25 voor een nieuwe bezorgpoging: https://example.net/pakket/bezorging\nNa 3 dagen gaat het "
     "pakket terug naar de afzender."),
    ("nl", "account", "account", "Klantenservice", "Uw account wordt binnenkort gesloten",
     "Wegens nieuwe Europese regelgeving moeten alle klanten hun gegevens opnieuw verifiëren. Wij hebben uw "
     "verificatie nog niet ontvangen. Antwoord op deze e-mail met uw volledige naam, geboortedatum en "
     "telefoonnummer, anders wordt uw account op 10 december gesloten."),
]

# (language, class, sender domain, display name, subject, body): the same topics, written honestly
ORDINARY: list[tuple[str, str, str, str, str, str]] = [
    # --- ja
    ("ja", "prize", "kuji.example.jp", "サンプルくじ通信", "【サンプルくじ通信】第1234回の抽選結果を発表しました",
     "いつもサンプルくじ通信をご購読いただきありがとうございます。12月2日に行われた第1234回の抽選結果を"
     "当サイトに掲載しました。当せん番号は販売店またはウェブサイトの当せん番号案内でご確認ください。"
     "ネットでご購入いただいたくじの当せん金は、登録口座へ自動的にお振り込みします。\n"
     "配信停止はマイページの「メール設定」から行えます。"),
    ("ja", "tax", "city.example.jp", "サンプル市 市民税課", "確定申告期間のお知らせ",
     "令和8年分の所得税及び復興特別所得税の確定申告期間は、令和9年2月16日(火)から3月15日(月)までです。"
     "期間中は市役所1階の特設会場でも申告書の作成をお手伝いします。会場は大変混み合いますので、"
     "自宅からの電子申告もあわせてご利用ください。\n※本メールは市の配信サービスに登録された方にお送りしています。"),
    ("ja", "advance", "shop.example.jp", "サンプルストア", "返金手続き完了のお知らせ",
     "サンプルストアをご利用いただきありがとうございます。ご注文(注文番号 A-20261128-0173)のキャンセルに伴い、"
     "8,640円の返金手続きが完了しました。ご利用のカード会社により、返金が明細に反映されるまで1〜2か月ほど"
     "かかる場合がございます。お客様にお手続きいただく必要はありません。"),
    ("ja", "crypto", "coin.example.jp", "サンプルコイン", "【サンプルコイン】新しい端末からのログインがありました",
     "12月3日 09:41(日本時間)に、新しい端末からお客様のアカウントへのログインがありました。\n"
     "端末:Chrome(Windows)\nIPアドレス:192.0.2.45\n"
     "お客様ご自身による操作であれば、対応は不要です。お心当たりがない場合は、アプリからパスワードを変更し、"
     "二段階認証の設定をご確認ください。当社がリカバリーフレーズや秘密鍵をお尋ねすることはありません。"),
    ("ja", "callback", "soft.example.jp", "サンプルセキュリティ", "年間プラン更新のお知らせ(領収書)",
     "サンプルセキュリティ年間プランの自動更新が完了しました。\n更新日:2026年12月3日\n"
     "金額:5,280円(税込)\n次回更新日:2027年12月3日\n"
     "自動更新の停止は、マイページの「契約情報」からいつでも行えます。ご不明な点は、サポート窓口"
     "(03-0000-1234、平日10時〜18時)までお問い合わせください。"),
    ("ja", "mailbox", "corp.example.jp", "情報システム課", "【情報システム課】メールシステム移行のお知らせ",
     "社員各位\n12月12日(土)22時から翌2時まで、社内メールシステムを新しいサーバーへ移行します。"
     "作業中はメールの送受信ができません。移行後もメールアドレスとパスワードは変わらず、皆さまに作業して"
     "いただくことはありません。ご不明な点は情報システム課(内線4417)までお問い合わせください。"),
    ("ja", "parcel", "store.example.jp", "サンプル通販", "ご注文商品発送のお知らせ",
     "ご注文の商品を本日発送しました。\nお届け予定日:12月5日(土)\n配送業者:サンプル運輸\n"
     "お問い合わせ番号:1234-5678-9012\n配送状況は、マイページの注文履歴からご確認いただけます。"),
    ("ja", "account", "points.example.jp", "サンプルポイント", "利用規約改定のお知らせ",
     "いつもサンプルポイントをご利用いただきありがとうございます。2027年1月1日より、サンプルポイントサービス"
     "利用規約を改定いたします。主な変更点は、ポイントの有効期限を最終利用日から1年間に延長することです。"
     "改定後の規約は当社ウェブサイトでご確認いただけます。お客様にお手続きいただく必要はございません。"),
    # --- en
    ("en", "prize", "lottery.example.com", "Sample Lottery News", "Results: Saturday draw, 28 November",
     "Here are the results of Saturday's draw. Winning numbers: 04 11 23 35 41 48, bonus 17. The jackpot of "
     "£3.2 million was not won and rolls over to Wednesday. If you bought your ticket online, any prize is paid "
     "into your player account automatically; retail winners can claim at any shop.\nYou are receiving this "
     "newsletter because you subscribed on our website. You can unsubscribe at any time in your settings."),
    ("en", "tax", "taxoffice.example.com", "Sample Tax Office", "Reminder: tax return deadline 31 January",
     "This is a reminder that the deadline for filing your 2025-26 tax return online is 31 January 2027. If you "
     "have already filed, you do not need to do anything. Help with filling in the return is available at our "
     "offices on weekdays from 10am to 4pm. We will never ask for your bank details by email."),
    ("en", "advance", "outdoor.example.com", "Sample Outdoor", "Your refund has been processed",
     "Hi Taro,\nwe've received your return (order #100482) and issued a refund of $84.50 to your original payment "
     "method. Depending on your bank, it may take 5-10 business days to appear on your statement.\nItems "
     "returned: 1 x rain jacket (size M).\nThanks for shopping with us."),
    ("en", "crypto", "exchange.example.com", "Sample Exchange", "Security notice: new withdrawal address added",
     "A new withdrawal address was added to your account on 3 December 2026 at 09:41 UTC. For your security, "
     "withdrawals to this address are locked for 24 hours. If this was you, no action is needed. If it wasn't, "
     "sign in to the app, remove the address and change your password. We will never ask for your password, 2FA "
     "codes or recovery phrase."),
    ("en", "callback", "cloud.example.com", "Sample Cloud", "Your receipt: annual plan renewed",
     "Thanks for staying with Sample Cloud. Your annual Personal plan renewed on 3 December 2026.\nAmount: $59.99 "
     "(card ending 4242)\nNext renewal: 3 December 2027\nYou can turn off auto-renewal or download invoices from "
     "Account > Billing. Questions? Our support team is available at +1 (206) 555-0100, Monday to Friday, "
     "9am-5pm PT."),
    ("en", "mailbox", "corp.example.com", "IT Service Desk", "Mailbox migration this weekend",
     "On Saturday 12 December between 20:00 and 23:00 we will move all staff mailboxes to the new mail platform. "
     "You don't need to do anything: your address, password and folders stay the same. Your mail app may ask you "
     "to restart once on Monday morning. If anything looks wrong afterwards, raise a ticket on the intranet or "
     "call extension 4417."),
    ("en", "parcel", "books.example.com", "Sample Books", "Your order is on its way",
     "Good news - your order #100517 has shipped and should arrive on Monday 7 December.\nCarrier: Sample Parcel\n"
     "Tracking number: 1Z999AA10123456784\nYou can follow your parcel on the carrier's website. No signature "
     "required."),
    ("en", "account", "photos.example.com", "Sample Photos", "We're updating our Terms of Service",
     "We're making some changes to our Terms of Service, effective 1 January 2027. The main changes: clearer rules "
     "on refunds for digital purchases, and a new section on how we handle inactive accounts. You can read the "
     "full terms on our website. If you keep using the service after 1 January, the new terms will apply; you "
     "don't need to do anything."),
    # --- de
    ("de", "prize", "lotto.example.com", "Beispiel-Lotto Newsletter", "Gewinnzahlen der Ziehung vom Samstag",
     "Die Gewinnzahlen der Ziehung vom 28.11.2026: 3 – 9 – 17 – 22 – 38 – 45, Superzahl 6. Im Jackpot liegen "
     "jetzt 14 Millionen Euro. Gewinne aus Online-Tipps werden automatisch Ihrem Spielkonto gutgeschrieben.\n"
     "Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben. Abmelden können Sie sich jederzeit in Ihren "
     "Einstellungen."),
    ("de", "tax", "musterstadt.example.com", "Stadt Musterstadt – Steueramt", "Grundsteuer 2027: Bescheide im Januar",
     "Sehr geehrte Damen und Herren,\ndie Grundsteuerbescheide für 2027 werden im Januar per Post versandt. Wer am "
     "SEPA-Lastschriftverfahren teilnimmt, muss nichts unternehmen; die Beträge werden zu den bekannten "
     "Fälligkeitsterminen eingezogen. Bei Fragen erreichen Sie uns montags bis freitags von 8 bis 12 Uhr.\n"
     "Ihr Steueramt"),
    ("de", "advance", "shop.example.com", "Beispiel-Shop", "Ihre Rückerstattung ist unterwegs",
     "Hallo Taro,\nwir haben Ihre Rücksendung zur Bestellung 30018842 erhalten und geprüft. Den Betrag von 59,99 € "
     "erstatten wir auf Ihr ursprüngliches Zahlungsmittel. Je nach Bank kann die Gutschrift 3–5 Werktage dauern.\n"
     "Viele Grüße\nIhr Beispiel-Shop-Team"),
    ("de", "crypto", "boerse.example.com", "Beispiel-Börse", "Sicherheitshinweis: Anmeldung von neuem Gerät",
     "Am 03.12.2026 um 09:41 Uhr (MEZ) wurde Ihr Konto von einem neuen Gerät aus angemeldet (Firefox, Linux, "
     "IP 198.51.100.23). Wenn Sie das waren, ist nichts weiter zu tun. Falls nicht, ändern Sie bitte in der App Ihr "
     "Passwort und prüfen Sie die Zwei-Faktor-Authentifizierung. Wir fragen Sie niemals nach Ihrer "
     "Wiederherstellungsphrase."),
    ("de", "callback", "zeitung.example.com", "Beispiel-Zeitung", "Ihr Abo wurde verlängert – Rechnung 2026-4471",
     "Vielen Dank! Ihr Jahresabo „Digital Plus“ wurde am 03.12.2026 verlängert. Betrag: 79,00 € (per Lastschrift). "
     "Die Rechnung finden Sie in Ihrem Kundenkonto unter „Rechnungen“. Kündigen können Sie jederzeit zum Ende der "
     "Laufzeit. Unser Kundenservice ist Mo–Fr von 8 bis 18 Uhr unter 030 23125 400 erreichbar."),
    ("de", "mailbox", "firma.example.com", "IT-Abteilung", "Umstellung der E-Mail-Postfächer am 12.12.",
     "Liebe Kolleginnen und Kollegen,\nam Samstag, 12.12., ziehen wir alle Postfächer auf die neue Mailplattform um. "
     "Zwischen 18 und 22 Uhr kann es zu Verzögerungen beim Empfang kommen. Sie müssen nichts tun: Adresse, Passwort "
     "und Ordner bleiben erhalten. Bei Problemen wenden Sie sich bitte an die IT-Hotline (Durchwahl 4417).\n"
     "Ihre IT"),
    ("de", "parcel", "versand.example.com", "Beispiel-Versand", "Ihr Paket kommt morgen",
     "Ihre Sendung 00340434161094015902 wird voraussichtlich am 04.12.2026 zwischen 10:00 und 14:00 Uhr zugestellt. "
     "Absender: Beispiel-Shop. Wenn Sie nicht zu Hause sind, geben wir das Paket bei einem Nachbarn ab oder bringen "
     "es in die nächste Filiale."),
    ("de", "account", "strom.example.com", "Beispiel-Stadtwerke", "Änderung unserer Allgemeinen Geschäftsbedingungen",
     "Sehr geehrte Kundin, sehr geehrter Kunde,\nzum 1. Februar 2027 passen wir unsere AGB an. Die wesentlichen "
     "Änderungen betreffen die Kündigungsfristen und den Datenschutz bei der Nutzung unserer App. Die neue Fassung "
     "finden Sie auf unserer Website. Sie müssen nichts unternehmen; bei Fragen hilft Ihnen unser Kundenservice."),
    # --- fr
    ("fr", "prize", "loto.example.com", "Lettre Loto Exemple", "Résultats du tirage du samedi 28 novembre",
     "Les numéros gagnants du tirage de samedi sont : 5 – 12 – 19 – 33 – 47, numéro chance 4. Le jackpot de 7 "
     "millions d'euros n'a pas été remporté ; il passe à 8 millions pour le prochain tirage. Si vous avez joué en "
     "ligne, vos gains éventuels sont crédités automatiquement sur votre compte joueur.\nPour vous désabonner de "
     "cette lettre, rendez-vous dans votre espace personnel."),
    ("fr", "tax", "impots.example.com", "Service des impôts de Villexemple", "Votre avis d'impôt est disponible",
     "Votre avis d'impôt 2026 sur les revenus de 2025 est disponible dans votre espace particulier. Vous n'avez "
     "rien à payer ni à faire : le solde a été régularisé par le prélèvement à la source. Pour des raisons de "
     "sécurité, ce message ne contient aucun lien ; connectez-vous directement au site habituel."),
    ("fr", "advance", "boutique.example.com", "Boutique Exemple", "Votre remboursement a été effectué",
     "Bonjour,\nnous avons bien reçu votre retour pour la commande n° 7721034. Un remboursement de 45,90 € a été "
     "effectué sur le moyen de paiement utilisé lors de l'achat. Le délai d'apparition sur votre relevé dépend de "
     "votre banque (généralement 3 à 5 jours ouvrés).\nMerci de votre confiance,\nLe service client"),
    ("fr", "crypto", "crypto.example.com", "Exemple Crypto", "Alerte de sécurité : modification de votre mot de passe",
     "Le mot de passe de votre compte a été modifié le 03/12/2026 à 10:12 (heure de Paris). Par mesure de sécurité, "
     "les retraits sont suspendus pendant 24 heures. Si vous êtes à l'origine de ce changement, aucune action n'est "
     "nécessaire. Sinon, contactez notre support depuis l'application. Nous ne vous demanderons jamais votre phrase "
     "de récupération."),
    ("fr", "callback", "musique.example.com", "Musique Exemple", "Reçu : renouvellement de votre abonnement",
     "Votre abonnement annuel Premium a été renouvelé le 3 décembre 2026. Montant : 49,99 € TTC, réglé par la carte "
     "se terminant par 4242. Prochain renouvellement : 3 décembre 2027. Vous pouvez désactiver le renouvellement "
     "automatique à tout moment depuis votre compte. Notre service client est joignable au 01 99 00 12 34 du lundi "
     "au vendredi, de 9 h à 18 h."),
    ("fr", "mailbox", "societe.example.com", "La DSI", "Migration de la messagerie le samedi 12 décembre",
     "Bonjour à toutes et à tous,\nla messagerie sera migrée vers la nouvelle plateforme samedi 12 décembre entre "
     "8 h et 12 h. Aucune action n'est requise de votre part : vos adresses, mots de passe et dossiers seront "
     "conservés. En cas de souci lundi, contactez le support informatique au poste 4417.\nLa DSI"),
    ("fr", "parcel", "livraison.example.com", "Livraison Exemple", "Votre colis sera livré demain",
     "Bonne nouvelle ! Votre colis n° 6A12345678901 sera livré le vendredi 4 décembre entre 9 h et 13 h. En cas "
     "d'absence, il sera déposé dans le point relais le plus proche, où il restera disponible 10 jours. "
     "Expéditeur : Boutique Exemple."),
    ("fr", "account", "banque.example.com", "Banque Exemple", "Mise à jour de nos conditions générales",
     "Nous faisons évoluer nos conditions générales d'utilisation à compter du 1er janvier 2027, notamment pour "
     "préciser les règles de résiliation et la durée de conservation de vos données. Vous pouvez consulter la "
     "nouvelle version dans votre espace client. Aucune démarche n'est nécessaire de votre part."),
    # --- es
    ("es", "prize", "sorteos.example.com", "Boletín Sorteos Ejemplo", "Resultados del sorteo del sábado",
     "Combinación ganadora del sorteo del sábado 28 de noviembre: 02 – 15 – 21 – 30 – 44 – 49, complementario 8, "
     "reintegro 3. El bote para el próximo sorteo asciende a 9 millones de euros. Los premios de las apuestas "
     "online se abonan automáticamente en su cuenta de jugador.\nRecibe este boletín porque se suscribió en "
     "nuestra web."),
    ("es", "tax", "ayto.example.com", "Ayuntamiento de Villaejemplo", "Calendario fiscal 2027",
     "Le informamos de que el calendario fiscal de 2027 ya está publicado en la sede electrónica municipal. El IBI "
     "se cobrará en dos plazos, en junio y noviembre, a quienes tengan el recibo domiciliado; no tiene que hacer "
     "ninguna gestión. Este correo es informativo y no requiere respuesta."),
    ("es", "advance", "tienda.example.com", "Tienda Ejemplo", "Hemos procesado tu reembolso",
     "Hola, Taro:\nhemos recibido tu devolución del pedido 55-20931 y te hemos reembolsado 32,95 € en el mismo "
     "método de pago que utilizaste. El abono puede tardar hasta 10 días en aparecer, según tu banco.\nGracias por "
     "comprar en Tienda Ejemplo."),
    ("es", "crypto", "cripto.example.com", "Cripto Ejemplo", "Aviso de seguridad: nuevo inicio de sesión",
     "Hemos detectado un inicio de sesión en tu cuenta desde un nuevo dispositivo el 03/12/2026 a las 10:41 (hora "
     "peninsular). Si has sido tú, no tienes que hacer nada. Si no reconoces esta actividad, cambia tu contraseña "
     "desde la aplicación y revisa la verificación en dos pasos. Nunca te pediremos tu frase semilla ni tus claves "
     "privadas."),
    ("es", "callback", "series.example.com", "Series Ejemplo", "Recibo de renovación de tu suscripción",
     "Tu suscripción anual se ha renovado correctamente el 3 de diciembre de 2026. Importe: 39,99 € (IVA incluido), "
     "cargado en la tarjeta terminada en 4242. Próxima renovación: 3 de diciembre de 2027. Puedes desactivar la "
     "renovación automática en Mi cuenta > Suscripciones. Atención al cliente: 910 000 123, de lunes a viernes de "
     "9:00 a 18:00."),
    ("es", "mailbox", "empresa.example.com", "Departamento de Sistemas", "Migración del correo corporativo",
     "Hola a todos:\nel sábado 12 de diciembre, de 9:00 a 13:00, migraremos los buzones de correo a la nueva "
     "plataforma. No tenéis que hacer nada; la dirección, la contraseña y las carpetas se mantienen. Si el lunes "
     "notáis algún problema, abrid una incidencia en la intranet.\nDepartamento de Sistemas"),
    ("es", "parcel", "envios.example.com", "Envíos Ejemplo", "Tu pedido está en reparto",
     "Tu pedido 55-21007 está en reparto y llegará hoy entre las 14:00 y las 18:00. Transportista: Envíos Ejemplo, "
     "número de seguimiento 0082 7731 9904. Si no estás en casa, lo intentaremos de nuevo el siguiente día "
     "laborable."),
    ("es", "account", "tienda.example.com", "Tienda Ejemplo", "Actualización de nuestras condiciones de uso",
     "Te escribimos para informarte de que el 1 de enero de 2027 entran en vigor nuestras nuevas condiciones de "
     "uso. Los cambios principales afectan a los plazos de devolución de productos digitales y a la política de "
     "cuentas inactivas. Puedes consultarlas en nuestra web. No necesitas hacer nada."),
    # --- pt
    ("pt", "prize", "loterias.example.com", "Boletim Loterias Exemplo", "Resultado do sorteio de sábado",
     "Confira o resultado do concurso 2871, realizado no sábado (28/11): 07 – 13 – 26 – 34 – 51 – 58. Ninguém "
     "acertou as seis dezenas e o prêmio acumulou para R$ 45 milhões. Apostas feitas pelo site têm os prêmios "
     "creditados automaticamente na sua conta.\nVocê recebe este boletim porque se inscreveu em nosso site."),
    ("pt", "tax", "prefeitura.example.com", "Prefeitura de Cidade Exemplo", "IPTU 2027: carnês a partir de janeiro",
     "A Prefeitura de Cidade Exemplo informa que os carnês do IPTU 2027 serão disponibilizados a partir de janeiro "
     "no portal da prefeitura. Quem optou pelo débito automático não precisa fazer nada. Esta mensagem é apenas "
     "informativa."),
    ("pt", "advance", "loja.example.com", "Loja Exemplo", "Seu reembolso foi processado",
     "Olá, Taro! Recebemos a devolução do pedido 884213 e o reembolso de R$ 189,90 foi solicitado à operadora do "
     "seu cartão. O valor deve aparecer em até duas faturas, conforme o banco emissor.\nObrigado por comprar com a "
     "gente!"),
    ("pt", "crypto", "cripto.example.com", "Cripto Exemplo", "Alerta de segurança: novo endereço de saque",
     "Um novo endereço de saque foi cadastrado em sua conta em 03/12/2026 às 09:41 (horário de Brasília). Por "
     "segurança, saques para esse endereço ficarão bloqueados por 24 horas. Se foi você, não é preciso fazer nada. "
     "Caso não reconheça, remova o endereço pelo aplicativo e altere sua senha. Nunca pedimos sua frase de "
     "recuperação."),
    ("pt", "callback", "streaming.example.com", "Streaming Exemplo", "Recibo: assinatura renovada",
     "Sua assinatura anual foi renovada em 03/12/2026. Valor: R$ 199,90, cobrado no cartão final 4242. Próxima "
     "renovação: 03/12/2027. Você pode cancelar a renovação automática a qualquer momento em Minha conta. Central "
     "de atendimento: (11) 4000-0123, de segunda a sexta, das 9h às 18h."),
    ("pt", "mailbox", "empresa.example.com", "Equipe de TI", "Migração do e-mail corporativo",
     "Pessoal, no sábado (12/12), das 8h às 12h, vamos migrar as caixas de e-mail para a nova plataforma. Vocês não "
     "precisam fazer nada: endereço, senha e pastas continuam os mesmos. Se notarem algum problema na segunda-feira, "
     "abram um chamado no portal de TI.\nEquipe de TI"),
    ("pt", "parcel", "loja.example.com", "Loja Exemplo", "Seu pedido saiu para entrega",
     "Seu pedido 884257 saiu para entrega e deve chegar hoje até as 20h. Transportadora: Entregas Exemplo. Código "
     "de rastreio: EX123456789BR. Se não houver ninguém no endereço, faremos uma nova tentativa no próximo dia útil."),
    ("pt", "account", "app.example.com", "App Exemplo", "Atualização dos Termos de Uso",
     "Informamos que nossos Termos de Uso e a Política de Privacidade serão atualizados a partir de 1º de janeiro "
     "de 2027. As principais mudanças tratam de prazos de cancelamento e do tratamento de dados de contas inativas. "
     "A nova versão está disponível em nosso site. Nenhuma ação é necessária."),
    # --- it
    ("it", "prize", "lotto.example.com", "Newsletter Lotto Esempio", "Estrazione di sabato 28 novembre: i numeri vincenti",
     "Ecco la combinazione vincente dell'estrazione di sabato: 8 – 14 – 27 – 39 – 62 – 81, numero jolly 55. Il "
     "jackpot non è stato vinto e sale a 52 milioni di euro. Le vincite delle giocate online vengono accreditate "
     "automaticamente sul conto di gioco.\nRicevi questa newsletter perché ti sei iscritto sul nostro sito."),
    ("it", "tax", "comune.example.com", "Comune di Esempio – Ufficio Tributi", "Promemoria: saldo IMU 2026",
     "Ricordiamo che il 16 dicembre scade il saldo IMU 2026. Chi ha attivato l'addebito diretto non deve fare "
     "nulla. Il calcolo dell'importo e i modelli F24 sono disponibili presso l'Ufficio Tributi, aperto dal lunedì "
     "al venerdì dalle 9 alle 12. Il Comune non invia richieste di pagamento con link via e-mail."),
    ("it", "advance", "negozio.example.com", "Negozio Esempio", "Rimborso effettuato",
     "Ciao Taro,\nabbiamo ricevuto il reso dell'ordine n. 40021877 e abbiamo effettuato un rimborso di 64,00 € sul "
     "metodo di pagamento originale. L'accredito può richiedere fino a 5 giorni lavorativi.\nGrazie per aver "
     "acquistato da Negozio Esempio."),
    ("it", "crypto", "cripto.example.com", "Cripto Esempio", "Avviso di sicurezza: nuovo accesso",
     "Il 03/12/2026 alle 10:41 è stato effettuato un accesso al tuo account da un nuovo dispositivo (Safari, macOS, "
     "IP 203.0.113.8). Se sei stato tu, non devi fare nulla. In caso contrario, cambia subito la password dall'app "
     "e controlla l'autenticazione a due fattori. Non ti chiederemo mai la tua frase di recupero."),
    ("it", "callback", "notizie.example.com", "Notizie Esempio", "Ricevuta di rinnovo",
     "Il tuo abbonamento annuale è stato rinnovato il 3 dicembre 2026. Importo: 59,90 € IVA inclusa, addebitato "
     "sulla carta che termina con 4242. Prossimo rinnovo: 3 dicembre 2027. Puoi disattivare il rinnovo automatico "
     "dal tuo profilo. Assistenza clienti: 02 0000 0123, dal lunedì al venerdì, 9–18."),
    ("it", "mailbox", "azienda.example.com", "Ufficio Sistemi Informativi", "Migrazione della posta elettronica",
     "Gentili colleghi,\nsabato 12 dicembre dalle 8 alle 12 le caselle di posta saranno trasferite sulla nuova "
     "piattaforma. Non è richiesta alcuna azione: indirizzo, password e cartelle resteranno invariati. Per eventuali "
     "problemi lunedì mattina, aprite un ticket sul portale dell'assistenza.\nUfficio Sistemi Informativi"),
    ("it", "parcel", "negozio.example.com", "Negozio Esempio", "Il tuo ordine è stato spedito",
     "Il tuo ordine n. 40021902 è stato spedito e arriverà entro lunedì 7 dicembre. Corriere: Spedizioni Esempio, "
     "numero di tracciamento 1Z8E40R06800012345. Non è richiesta la firma alla consegna."),
    ("it", "account", "servizio.example.com", "Servizio Esempio", "Aggiornamento dei Termini di servizio",
     "Dal 1° gennaio 2027 entreranno in vigore i nuovi Termini di servizio. Le modifiche principali riguardano il "
     "recesso e la conservazione dei dati degli account inattivi. Puoi leggere la versione completa sul nostro "
     "sito. Non devi fare nulla."),
    # --- nl
    ("nl", "prize", "loterij.example.com", "Nieuwsbrief Voorbeeldloterij", "Uitslag trekking zaterdag 28 november",
     "De winnende getallen van zaterdag zijn: 3 – 11 – 24 – 29 – 36 – 42, bonusgetal 17. De jackpot is niet "
     "gevallen en stijgt naar € 8 miljoen. Prijzen op online loten worden automatisch op uw spelersrekening "
     "gestort.\nU ontvangt deze nieuwsbrief omdat u zich heeft aangemeld op onze website."),
    ("nl", "tax", "gemeente.example.com", "Gemeente Voorbeeldstad", "Aanslag gemeentelijke belastingen 2027",
     "Eind februari ontvangt u de aanslag gemeentelijke belastingen 2027. Heeft u een automatische incasso, dan "
     "hoeft u niets te doen; het bedrag wordt in tien termijnen afgeschreven. Deze e-mail is alleen ter informatie."),
    ("nl", "advance", "winkel.example.com", "Voorbeeldwinkel", "Je terugbetaling is verwerkt",
     "Hoi Taro,\nwe hebben je retour van bestelling 7730215 ontvangen en € 27,50 teruggestort via de betaalmethode "
     "waarmee je hebt betaald. Het kan 3 tot 5 werkdagen duren voordat het bedrag op je rekening staat.\n"
     "Groeten,\nKlantenservice Voorbeeldwinkel"),
    ("nl", "crypto", "crypto.example.com", "Voorbeeld Crypto", "Beveiligingsmelding: nieuw apparaat",
     "Op 03-12-2026 om 10:41 is er ingelogd op je account vanaf een nieuw apparaat (Chrome, Windows, IP "
     "192.0.2.77). Was jij dit? Dan hoef je niets te doen. Zo niet, wijzig dan direct je wachtwoord in de app en "
     "controleer je tweestapsverificatie. We vragen nooit om je herstelzin."),
    ("nl", "callback", "muziek.example.com", "Voorbeeld Muziek", "Betalingsbewijs: abonnement verlengd",
     "Je jaarabonnement is op 3 december 2026 verlengd. Bedrag: € 49,99 (incl. btw), afgeschreven van je creditcard "
     "eindigend op 4242. Volgende verlenging: 3 december 2027. Automatisch verlengen zet je uit via Mijn account. "
     "Vragen? Bel onze klantenservice op 020 000 0123 (ma–vr 9–17 uur)."),
    ("nl", "mailbox", "bedrijf.example.com", "Team ICT", "Migratie e-mail zaterdag 12 december",
     "Beste collega's,\nop zaterdag 12 december tussen 8.00 en 12.00 uur verhuizen we alle mailboxen naar het nieuwe "
     "mailplatform. Je hoeft zelf niets te doen: je adres, wachtwoord en mappen blijven hetzelfde. Merk je maandag "
     "iets vreemds op, meld het dan via de servicedesk op het intranet.\nTeam ICT"),
    ("nl", "parcel", "winkel.example.com", "Voorbeeldwinkel", "Je pakket wordt vandaag bezorgd",
     "Goed nieuws! Je pakket van Voorbeeldwinkel wordt vandaag tussen 13.15 en 15.15 uur bezorgd. Track & "
     "trace-code: 3SXMPL0123456. Niet thuis? Dan bezorgen we het bij de buren of brengen we het naar een afhaalpunt "
     "in de buurt."),
    ("nl", "account", "winkel.example.com", "Voorbeeldwinkel", "Wijziging van onze algemene voorwaarden",
     "Per 1 januari 2027 wijzigen onze algemene voorwaarden. De belangrijkste wijzigingen gaan over de opzegtermijn "
     "en het bewaren van gegevens van inactieve accounts. De nieuwe voorwaarden lees je op onze website. Je hoeft "
     "niets te doen."),
]


def _mail(from_: str, subject: str, body: str, auth: str) -> bytes:
    return _mail8(from_, subject, body, auth, message_id="probe9@example.net")


def _named(analysis: object, expected: str) -> bool:
    families = expected.split("|")
    for f in analysis.findings:  # type: ignore[attr-defined]
        if f.rule == "scam_lure" and dict(f.params).get("how", "") in families:
            return True
        if "account" in families and f.rule in ("brand_lure", "credential_lure") and f.severity != "low":
            return True
    return False


def main() -> int:
    caught: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for lang, cls, expected, name, subject, body in LURES:
        for form, data in (("mail", _mail(f"{name} <info@notice.example.net>", subject, body, UNALIGNED)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            good = hit and _named(a, expected)
            for key in (form, lang, cls, "all"):
                caught[key] += hit
                named[key] += good
            if not good:
                what = "miss " if not hit else "unnamed"
                print(f"{what:<7} {lang} {cls:<8} {form:<5} {a.verdict:<10} want {expected:<18} [{_rules(a)}]")
    flagged: Counter[str] = Counter()
    for lang, cls, domain, name, subject, body in ORDINARY:
        for form, data in (("mail", _mail(f"{name} <info@{domain}>", subject, body, _aligned(domain))),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            if a.verdict != "no_signs":
                for key in (form, lang, cls, "all"):
                    flagged[key] += 1
                print(f"alarm   {lang} {cls:<8} {form:<5} {a.verdict:<10} [{_rules(a)}]")
    n, m = len(LURES), len(ORDINARY)
    per_lang, per_cls = 2 * n // len(LANGS), 2 * n // len(CLASSES)
    print("\nlures caught (named) by language: "
          + ", ".join(f"{k} {caught[k]}/{per_lang} ({named[k]})" for k in LANGS))
    print("lures caught (named) by class:    "
          + ", ".join(f"{k} {caught[k]}/{per_cls} ({named[k]})" for k in CLASSES))
    print("ordinary flagged by language:     " + ", ".join(f"{k} {flagged[k]}" for k in LANGS))
    print("ordinary flagged by class:        " + ", ".join(f"{k} {flagged[k]}" for k in CLASSES))
    print(f"\nlures caught {caught['all']}/{2 * n} (unaligned mail {caught['mail']}/{n}, pasted {caught['paste']}/{n}), "
          f"named with the expected kind {named['all']}/{2 * n} (mail {named['mail']}, pasted {named['paste']}); "
          f"ordinary mail flagged {flagged['all']}/{2 * m} (aligned mail {flagged['mail']}/{m}, "
          f"pasted {flagged['paste']}/{m})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
