"""Untuned probe (issue 11, tenth round, branch review10): ordinary modern mail against what round 10 added
(form_injection, hidden text read from style sheets, spam10's uninvited offers and bulk-offer phrases, ja10's
Japanese lure families, spelling fold and denials), and the trivial variants of the lures those rules were
written for.

ORDINARY: a shop's order confirmation, a newsletter, a SaaS notice, a personal mail, a bank's genuine warning, a
form's auto-reply that echoes a real person's name and a price, Japanese city, tax and card notices. Each is
analysed as a mail from its own domain with aligned authentication and as pasted body text (as
bench/probe_ordinary_round8.py builds them); HTML cases as an aligned HTML mail only. LURES: each analysed as
an unaligned mail and pasted. Written by the reviewer before reading any result, and never edited afterwards to
make a case pass. Everything is made up (reserved names only). "flagged" is any verdict but ``no_signs``.

    python bench/probe_review10.py            # counts, and each false alarm and miss
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.probe_ordinary_round8 import UNALIGNED, _aligned, _mail, _rules, flag_ordinary
from bot.analysis.pipeline import analyse

# (language, topic, sender domain, display name, subject, body)
ORDINARY: list[tuple[str, str, str, str, str, str]] = [
    # --- a link and a sum of money after a greeting or a name (form_injection)
    ("en", "newsletter greeting", "shop.example.com", "Example Shop", "Winter sale starts now",
     "Hi there 👋 our winter sale is on: $20 off every order over $100 at https://shop.example.com/sale\n"
     "See you soon, the Example Shop team"),
    ("en", "donation receipt", "charity.example.org", "Example Charity", "Thank you for your gift",
     "Dear Anna Example thank you for your gift of $50 to the winter appeal. Your receipt: "
     "https://charity.example.org/receipts/8812\nWith gratitude, Example Charity"),
    ("en", "event ticket", "tickets.example.com", "Example Tickets", "Your ticket is confirmed",
     "Hello Anna — your ticket ($15.00) for the jazz night on 12 December is confirmed "
     "https://tickets.example.com/t/55120\nShow the QR code at the door."),
    ("en", "saas renewal", "app.example.com", "Example App", "Your plan renews next week",
     "Hi team 👋 your Pro plan renews on 10 December at $12/month https://app.example.com/billing\n"
     "Nothing to do if you want to keep it."),
    ("en", "personal money", "example.net", "Bob Example", "pizza",
     "hey Bob I sent you $20 on the app for the pizza lol, the place was www.example.com/pizza btw"),
    ("en", "form echo one line", "shop.example.com", "Example Shop", "We received your order",
     "Thank you for your order. Name: Anna Example Total: $49.00 Receipt: https://shop.example.com/r/40211"),
    ("en", "form echo lines", "yoga.example.com", "Example Yoga", "Booking received",
     "Thanks for booking a class!\nFirst Name: Anna\nLast Name: Example\nClass: Morning flow ($18)\n"
     "Manage: https://yoga.example.com/b/77\nSee you on the mat."),
    ("en", "crypto newsletter", "news.example.com", "Example Crypto Weekly", "Bitcoin this week",
     "Hey crypto fans Bitcoin closed the week at $91,200. Read the full letter www.example.com/weekly\n"
     "You are receiving this because you subscribed. Unsubscribe any time."),
    ("de", "invoice greeting", "shop.example.com", "Beispielshop", "Ihre Rechnung",
     "Hallo Frau Beispiel – Ihre Rechnung über 89,90 € finden Sie hier https://shop.example.com/rechnung/3311"),
    ("ja", "form auto-reply", "form.example.jp", "サンプル教室", "お申し込みありがとうございます",
     "お申し込みを受け付けました。\nお名前：山田 太郎　受講料：12,000円　詳細 https://form.example.jp/r/42\n"
     "担当者よりご連絡いたします。"),
    ("ja", "order confirmation", "shop.example.jp", "サンプル通販", "ご注文ありがとうございます",
     "山田 太郎 様\nご注文金額 3,980円 https://shop.example.jp/orders/20261203\nご注文内容はマイページでご確認いただけます。"),
    ("pt", "greeting receipt", "loja.example.com", "Loja Exemplo", "Recibo do seu pedido",
     "Olá Ana obrigado pela compra de R$ 59,90 https://loja.example.com/pedido/88"),
    # --- style sheets (as text: a pasted newsletter keeps none; the HTML forms are below)
    # --- spam10: offers, a freemail sender, the bulk-offer words in a lawful mail
    ("ja", "card cash advance", "card.example.jp", "サンプルカード", "キャッシングご利用枠変更のご案内",
     "サンプルカードをご利用いただきありがとうございます。お客様のキャッシングご利用枠を変更いたしました。"
     "詳しくは会員サイトでご確認ください。"),
    ("en", "card statement", "bank.example.com", "Example Bank", "Your statement is ready",
     "Your December statement is ready. Purchases $412.20, cash advance $0.00. Learn more about your card "
     "in the app. Minimum payment due 28 December."),
    ("en", "clinic newsletter", "clinic.example.com", "Example Clinic", "Men's health month",
     "This month our doctors offer free prostate checks for men over 50. Book in the app or call reception. "
     "We offer evening appointments too."),
    ("de", "pharmacy reminder", "apotheke.example.com", "Beispiel-Apotheke", "Ihr Rezept liegt bereit",
     "Ihr Medikament liegt zur Abholung bereit. Wir bieten auch Lieferung nach Hause an. "
     "Hinweis: Verschreibungspflichtige Mittel geben wir nicht ohne Rezept ab."),
    ("en", "personal forward", "example.net", "Sam Example", "Fwd: found this",
     "Hi Kim, saw this and thought of you: the shop near the office has a 30% off discount on running shoes "
     "this week. Want to go Saturday? Sam"),
    ("fr", "b2b partnership", "agence.example.com", "Agence Exemple", "Suite à notre rendez-vous",
     "Bonjour Paul, suite à notre réunion de mardi, voici notre proposition de partenariat pour 2027 et le devis "
     "gratuit que vous aviez demandé. Nos services comprennent aussi le référencement naturel. Bien cordialement, Léa"),
    ("en", "conference cfp", "conf.example.org", "Example Conf", "Call for sponsors",
     "Thank you for sponsoring last year. The attendee list is never shared with sponsors. "
     "Sponsorship packages start at $2,000; reply to this email for the prospectus."),
    ("ja", "diet newsletter", "health.example.jp", "サンプル健康通信", "冬の食事と体重管理",
     "寒い季節は体重が増えがちです。無理なく痩せるためのレシピを今週のメルマガでご紹介します。"
     "配信停止はマイページから。"),
    # --- ja10: genuine Japanese notices (a city, tax, a card, a bank warning)
    ("ja", "city tax", "city.example.jp", "サンプル市 税務課", "市民税・県民税の納税通知書を送付しました",
     "令和8年度の市民税・県民税の納税通知書を6月10日に発送しました。第1期の納期限は6月30日です。"
     "納付書にて金融機関またはコンビニエンスストアでお支払いください。口座振替をご利用の方は手続き不要です。"),
    ("ja", "tax refund real", "tax.example.jp", "サンプル税務署", "所得税の還付について",
     "確定申告により所得税の還付金が発生した方には、申告書に記載された銀行口座へ振り込みます。"
     "税務署がメールで口座番号をお尋ねすることは一切いたしません。不審なメールにご注意下さい。"),
    ("ja", "bank warning", "bank.example.jp", "サンプル銀行", "不審なメールにご注意ください",
     "当行を装ったメールが確認されています。当行からメールで暗証番号やカード番号をお尋ねしておりません。"
     "メールのリンクからログインしないようご注意ください。"),
    ("ja", "bank warning 2", "bank.example.jp", "サンプル銀行", "フィッシング詐欺にご注意",
     "「口座が凍結されました」「本人確認のため以下からログイン」などと記載したメールが届いていますが、"
     "当行が送信したものではございません。リンクは開かず削除してください。"),
    ("ja", "card payment reminder", "card.example.jp", "サンプルカード", "お支払い金額確定のお知らせ",
     "12月分のご請求金額が確定しました。ご請求金額 24,310円、お支払日 12月27日。"
     "お支払い口座の残高をご確認ください。明細は会員サイトでご覧いただけます。"),
    ("ja", "utility reminder", "denki.example.jp", "サンプル電力", "電気料金のお支払いについて",
     "11月分の電気料金 6,420円が未払いとなっております。お手数ですが、同封の払込票にて12月20日までにお支払い下さい。"
     "行き違いの場合はご容赦ください。"),
    ("ja", "city benefit", "city.example.jp", "サンプル市 福祉課", "物価高騰対策給付金のご案内",
     "対象となる世帯には給付金3万円を支給します。確認書が届いた方は、必要事項を記入の上、返信用封筒で"
     "返送してください。市職員がATMの操作をお願いすることは絶対にありません。"),
    ("ja", "hotel booking", "hotel.example.jp", "サンプルホテル", "ご予約確認",
     "ご予約ありがとうございます。12月24日 1泊 2名様 合計 32,000円。料金はチェックイン時にお支払いください。"
     "キャンセルの場合は 0120-123-456 までお電話ください。"),
    ("ja", "delivery real", "delivery.example.jp", "サンプル運輸", "お荷物お届けのお知らせ",
     "お荷物をお届けに伺いましたがご不在でした。再配達は無料です。アプリまたはお電話 0570-000-111 で"
     "ご依頼下さい。"),
    ("ja", "subscription receipt", "video.example.jp", "サンプル動画", "自動更新のお知らせ",
     "ご利用のプランが自動更新され、月額 990円が請求されました。解約はいつでもマイページから行えます。"
     "お心当たりのない場合はサポートまでご連絡ください。"),
    # --- second batch (written after the first fixes, before being run)
    ("ja", "card warning", "card.example.jp", "サンプルカード", "カード番号をお尋ねすることはありません",
     "当社がお電話やメールでカード番号や暗証番号をお伺いすることは一切いたしません。"
     "不審な連絡があった場合は、カード裏面の電話番号までご連絡ください。"),
    ("ja", "bank warning 3", "bank.example.jp", "サンプル銀行", "口座番号の入力をお願いすることはございません",
     "当行では、メールやSMSでお客さまの口座番号・暗証番号の入力をお願いすることはございません。"
     "万一入力してしまった場合は、至急当行までご連絡ください。"),
    ("ja", "city refund scam warning", "city.example.jp", "サンプル市 市民課", "還付金詐欺にご注意ください",
     "市役所の職員が、還付金の手続きのためにATMへ行くよう求めることはありません。"
     "不審な電話があった場合は、警察相談専用電話 #9110 にご相談ください。"),
    ("ja", "gas reminder with link", "gas.example.jp", "サンプルガス", "ガス料金のお支払いのお願い",
     "10月分のガス料金 5,120円が未払いとなっております。以下よりお支払い手続きをお願いいたします。"
     "https://gas.example.jp/pay\n既にお支払い済みの場合は、行き違いをご容赦ください。"),
    ("ja", "konbini payment pending", "shop.example.jp", "サンプル通販", "お支払いのお願い",
     "ご注文の代金 4,400円のお支払いが確認できておりません。お支払い期限：12月10日。"
     "お支払い期限を過ぎますと、ご注文は自動的にキャンセルとなります。"),
    ("ja", "points expire today", "shop.example.jp", "サンプル通販", "【本日失効】ポイントの有効期限のお知らせ",
     "保有ポイントのうち 1,200ポイントが本日失効します。お買い物でぜひご利用ください。"
     "https://shop.example.jp/points\n配信停止はこちら"),
    ("ja", "insurance payout", "hoken.example.jp", "サンプル生命", "保険金お支払いのご案内",
     "ご請求いただいた保険金 120,000円を、ご指定の口座へお振込みいたしました。"
     "ご不明な点はカスタマーセンター 0120-000-222 までお問い合わせください。"),
    ("ja", "mobile bill", "mobile.example.jp", "サンプルモバイル", "ご利用料金確定のお知らせ",
     "11月分のご利用料金は 8,250円です。口座振替日は12月26日です。明細は会員サイトでご確認下さい。"),
    ("en", "bank genuine warning", "bank.example.com", "Example Bank", "Protect yourself from scams",
     "We will never ask you to pay a fee to receive a refund. If someone calls asking for your card number or "
     "a one-time code, hang up and call the number on the back of your card."),
    ("en", "ride credit", "ride.example.com", "Example Ride", "A little something for you",
     "Hey there 👋 Here's $5 credit for your next ride https://ride.example.com/promo\n"
     "Unsubscribe: https://ride.example.com/unsub"),
    ("en", "referral", "app.example.com", "Example App", "Invite friends",
     "Hi Anna 👋 Give $20, get $20 when a friend joins https://app.example.com/invite/anna"),
    ("en", "terse personal invoice", "example.net", "Lee Example", "logo",
     "hey Tom $450 as agreed https://pay.example.com/inv/12\nthanks!"),
    ("es", "order greeting", "tienda.example.com", "Tienda Ejemplo", "Pedido confirmado",
     "Hola Lucía tu pedido de 45,00 € ya está confirmado y lo puedes seguir aquí https://tienda.example.com/p/5"),
    # --- third batch: Japanese mail that names the words ja10 added (written before being run)
    ("ja", "member data update", "shop.example.jp", "サンプル通販", "会員情報のご確認のお願い",
     "ご登録のメールアドレスや生年月日は、マイページから更新できます。誕生月にはクーポンをお送りします。"),
    ("ja", "mailbox nearly full", "example.jp", "情報システム部", "メールボックス容量のお知らせ",
     "メールボックスの容量が上限に近づいています。受信トレイの不要なメールを削除するか、情報システム部にご相談ください。"),
    ("ja", "card renewal", "card.example.jp", "サンプルカード", "新しいカードを発送しました",
     "有効期限が近づいたため、新しいカードをお送りしました。カード番号は変わりません。"
     "お受け取り後、裏面にご署名ください。"),
    ("ja", "sale click here", "shop.example.jp", "サンプル通販", "冬のセール開催中",
     "冬のセールを開催中です。詳しくはこちらをクリック https://shop.example.jp/sale\n配信停止はこちら"),
    ("ja", "cash on delivery", "shop.example.jp", "サンプル通販", "ご注文ありがとうございます",
     "ご注文ありがとうございます。商品代金と送料のお支払いは、商品お受け取り時に代金引換にてお願いいたします。"),
    ("ja", "no redelivery fee", "delivery.example.jp", "サンプル運輸", "再配達のご案内",
     "ご不在のためお荷物を持ち帰りました。再配達料はかかりません。ご希望の日時をアプリでお知らせください。"),
    ("ja", "bounce", "example.jp", "Mail Delivery System", "配信エラー",
     "このメッセージは次の宛先に配信できませんでした。宛先のメールアドレスをご確認ください。\n"
     "hanako@example.net"),
    ("ja", "accountant invoice", "kaikei.example.jp", "サンプル会計事務所", "12月分ご請求書の送付",
     "いつもお世話になっております。12月分の顧問料 33,000円のご請求書を添付いたします。"
     "12月末日までにお振込みをお願いいたします。振込先：サンプル銀行 本店 普通 1234567"),
    ("ja", "rent", "kanri.example.jp", "サンプル管理", "家賃のお振込みについて",
     "来月分の家賃 85,000円のお振込をお願いいたします。お振込期限は25日です。"),
    ("ja", "remittance receipt", "pay.example.jp", "サンプルペイ", "送金完了のお知らせ",
     "送金が完了しました。送金額 30,000円、手数料 0円。履歴はアプリでご確認いただけます。"),
    # --- fourth batch: Japanese charge and debit notices that give a phone number for a charge disowned
    ("ja", "bank debit phone", "bank.example.jp", "サンプル銀行", "口座振替のお知らせ",
     "12月27日にご指定の口座から 5,000円が引き落とされました。お心当たりのない場合は 0120-123-456 までお電話ください。"),
    ("ja", "card usage phone", "card.example.jp", "サンプルカード", "カードご利用のお知らせ",
     "サンプルカードのご利用がありました。ご利用金額 12,800円。この金額が請求されます。お心当たりのない場合は、"
     "0120-987-654（24時間受付）までご連絡ください。"),
    ("ja", "utility bill phone", "denki.example.jp", "サンプル電力", "ご請求金額のお知らせ",
     "12月分の電気料金 6,420円を請求いたしました。身に覚えのない請求の場合は 0570-000-111 へお問い合わせください。"),
    ("ja", "contract renewal phone", "tel.example.jp", "サンプル通信", "自動更新のお知らせ",
     "ご契約のプランは自動更新されました。更新料 3,300円が請求されました。お心当たりがない場合はお客様センター "
     "0120-111-222 まで。"),
    ("ja", "order charge phone", "shop.example.jp", "サンプル通販", "ご注文確認",
     "ご注文ありがとうございます。合計 8,800円を請求いたしました。このご注文をしていない場合は 050-1234-5678 まで"
     "ご連絡ください。"),
    # --- fifth batch: a business's own mail naming a spam class's words beside an offer word (spot checks of
    # spam10's uninvited lift; written before being run)
    ("en", "pharmacy pick-up", "pharmacy.example.com", "Example Pharmacy", "Your prescription is ready",
     "Your testosterone prescription is ready for pickup at our Main Street store. Members get a 10% discount on "
     "refills. Questions? Call us."),
    ("en", "clinic reminder", "clinic.example.com", "Example Clinic", "Appointment reminder",
     "Reminder: your prostate screening is on 12 January at 9:00. Please bring your insurance card. We offer free "
     "parking for patients."),
    ("en", "bank money tips", "bank.example.com", "Example Bank", "Money tips",
     "Five ways to avoid payday loans and cash advance fees this winter. Learn more in the app."),
    ("ja", "card cashing limit", "card.example.jp", "サンプルカード", "キャッシング枠のご案内",
     "サンプルカードのキャッシング枠が増額されました。ご利用は会員サイトからお申し込みください。"
     "無料でご利用いただけるATMもございます。"),
    ("en", "cbd order shipped", "shop.example.com", "Example Shop", "Order shipped",
     "Your order of CBD gummies has shipped. Use code THANKS for 10% off your next order. Track it in your account."),
    ("en", "gym classes", "gym.example.com", "Example Gym", "New classes",
     "We offer new classes for belly fat and weight loss this January. Members get a discount on personal training. "
     "Book in the app."),
    ("en", "freight quote asked for", "logistics.example.com", "Example Logistics", "Your shipment quote",
     "Thank you for your request. As your freight forwarder we offer door to door service from Osaka to Hamburg. "
     "Please find our quotation attached."),
]
# (topic, sender domain, subject, HTML): ordinary HTML mail, analysed as an aligned HTML mail only (a style sheet
# that a newsletter or a mail program writes, a form's echo as a table, blocks a template lays out)
HTML_ORDINARY: list[tuple[str, str, str, str]] = [
    ("newsletter sheet", "news.example.com", "This week",
     "<html><head><style>@media only screen and (max-width:600px){.desktop{display:none!important}}"
     ".preheader{display:none;max-height:0;overflow:hidden} p{margin:0 0 12px} h1,h2{display:block}</style></head>"
     "<body><span class='preheader'>Five autumn recipes inside</span><h1>Autumn recipes</h1>"
     + "<p>This week we cooked pumpkin soup, apple cake and three more dishes for cold evenings.</p>" * 8
     + "<p><a href='https://news.example.com/r'>Read them</a> · <a href='https://news.example.com/u'>Unsubscribe</a>"
     "</p></body></html>"),
    ("outlook forward", "example.com", "FW: minutes",
     "<html><head><style><!-- /* Style Definitions */ p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;"
     "font-size:11.0pt} span.EmailStyle17 {mso-style-type:personal-compose} .MsoChpDefault {font-size:10.0pt}"
     " div.WordSection1 {page:WordSection1} --></style></head><body><div class='WordSection1'>"
     "<p class='MsoNormal'>Hi all, minutes of today's meeting below. Budget for Q1 stays at $12,000.</p>"
     "<p class='MsoNormal'>Slides: https://intranet.example.com/q1</p></div></body></html>"),
    ("form echo table", "forms.example.com", "Thank you for your donation",
     "<html><body><p>Thank you! We received the following:</p><table>"
     "<tr><td>Full name</td><td>Anna Example</td></tr><tr><td>Donation</td><td>€25.00</td></tr>"
     "<tr><td>Receipt</td><td>https://forms.example.com/r/77</td></tr></table></body></html>"),
    ("receipt blocks", "shop.example.com", "Your receipt",
     "<html><body><div>Hello</div><div>$49.00 paid with card ending 4242</div>"
     "<div><a href='https://shop.example.com/o/1'>https://shop.example.com/o/1</a></div></body></html>"),
    ("ja form echo table", "form.example.jp", "お問い合わせを受け付けました",
     "<html><body><p>以下の内容で受け付けました。</p><table><tr><th>お名前</th><td>山田 太郎</td></tr>"
     "<tr><th>ご予算</th><td>50万円</td></tr><tr><th>URL</th><td>https://www.example.jp/</td></tr></table>"
     "</body></html>"),
    ("ruby furigana", "city.example.jp", "お知らせ",
     "<html><head><style>rt{font-size:0.5em}</style></head><body><p><ruby>給付金<rt>きゅうふきん</rt></ruby>の"
     "申請は市役所の窓口で受け付けています。詳しくは https://city.example.jp/kyufu をご覧ください。</p></body></html>"),
]


# (language, topic, display name, subject, body): what round 10's rules were written for, varied trivially
LURES: list[tuple[str, str, str, str, str]] = [
    ("ja", "injected 様 greeting", "サンプルサイト", "会員登録ありがとうございます",
     "✅ 受取金額 +198,000円 ➡️ https://pay.example.net/claim 様\nご登録ありがとうございます。"),
    ("en", "sum after the link", "Example Site", "Welcome!",
     "Hello https://pay.example.net/claim you received +$1,989.00,\nThanks for signing up."),
    ("en", "label 'Your Name'", "Example Site", "We got your message",
     "Thanks for contacting us. Your Name: You won 1.3 BTC! https://pay.example.net/btc\nWe reply within a day."),
    ("en", "label 'Username'", "Example Site", "Account created",
     "Username: 💰 $2,500 bonus waiting https://pay.example.net/bonus\nYour account has been created."),
    ("es", "greeting 'Buenos días'", "Sitio Ejemplo", "Gracias por registrarte",
     "Buenos días 💰 Ganaste 2.000 USD https://pay.example.net/usd, gracias por registrarte."),
    ("de", "greeting 'Guten Tag'", "Beispielseite", "Willkommen",
     "Guten Tag 💰 Sie haben 1.500 EUR erhalten https://pay.example.net/eur, willkommen."),
    # --- second batch
    ("en", "greeting then sentence", "Example Site", "Welcome!",
     "Hello 🎁 You have won a $500 gift card → https://pay.example.net/gift\nThanks for registering."),
    ("en", "greeting, a full stop", "Example Site", "Welcome!",
     "Dear 📩 Transfer 1.56 BTC. Go to withdrawal >> https://pay.example.net/btc,\nThanks for registering."),
    ("ja", "form name field", "サンプルショップ", "お問い合わせを受け付けました",
     "以下の内容で受け付けました。\nお名前：＜当選＞50万円 受け取りはこちら https://gift.example.net/r/1\n"
     "メールアドレス：taro.yamada@example.jp"),
    ("ja", "様 without a space", "サンプルサイト", "ご登録ありがとうございます",
     "🎁 300,000円 受取 https://gift.example.net/r/2様\nご登録ありがとうございます。"),
]


def _html_mail(domain: str, subject: str, html: str) -> bytes:
    head = (f"Authentication-Results: {_aligned(domain)}\nFrom: Example <info@{domain}>\nTo: taro.yamada@example.jp\n"
            f"Subject: {subject}\nDate: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <probe10@{domain}>\n"
            'MIME-Version: 1.0\nContent-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + html + "\n").encode()


def main() -> int:
    flagged = flag_ordinary(ORDINARY)
    html_flagged = 0
    for topic, domain, subject, html in HTML_ORDINARY:
        a = analyse(_html_mail(domain, subject, html))
        if a.verdict != "no_signs":
            html_flagged += 1
            print(f"alarm html {topic:<20} mail  {a.verdict:<10} [{_rules(a)}]")
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
    print(f"\nordinary HTML mail flagged {html_flagged}/{len(HTML_ORDINARY)}")
    print(f"ordinary mail flagged {flagged['mail'] + flagged['paste']}/{2 * n} "
          f"(aligned mail {flagged['mail']}/{n}, pasted {flagged['paste']}/{n}); "
          f"lures caught {caught['mail'] + caught['paste']}/{2 * m} "
          f"(unaligned mail {caught['mail']}/{m}, pasted {caught['paste']}/{m})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
