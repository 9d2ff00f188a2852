"""Untuned probe of Japanese mail (issue 11, round 11, branch probe11): lures of the kinds Japanese users
received 2020–2026 and their ordinary counterparts.

Written on 2026-12-03 between 20:00 and 20:10 UTC, and committed before its first run, by a helper that had
not read the wording rules (``bot/analysis/rules.py``, ``brands.py``, ``secret_ask.py``), their data
(``bot/analysis/data/*``), the locales, docs/RULES.md, corpus-dev or the texts of any other probe (of
``bench/probe_ja_round10.py`` only the harness was read). Every text was written from knowledge of Japanese
phishing, scam and ordinary mail, including the machine-translated phrasing real lures carry; none is to be
edited after the first run: a miss stays a miss, a false alarm stays a false alarm. Names are reserved or made
up (example.jp/.com/.net/.org hosts, 203.0.113.0/24, 0120-000-000 / 03-0000-0000 style numbers); real brand
names appear in lure texts as lures use them, never as a sender's domain; the ordinary mails' companies are
invented.

64 lures, 16 classes x 4, each with its expected verdict: card (card companies), bank, securities (証券会社),
telecom (通信会社), parcel (宅配), tax (税務署 / 国税庁 / e-Tax), pension (年金), etc (ETC / NEXCO), utility (電力・
ガス), shop (Amazon / 楽天 / メルカリ), tech (Apple / Microsoft), prize (当選・懸賞), sidejob (副業・投資), arrears
(未納料金, 督促, 訴訟告知), callback (架電誘導, no link), sextortion (性的脅迫, a bitcoin address).
Link styles: "text" (the URL written in the body), "html" (the mail is HTML with a button whose href is the
look-alike host; pasted, only the button's label is left: a link text only), "none" (no link at all: a phone
number, a reply, or "ログインはこちら" with nothing behind it).
64 ordinary mails, 4 per class: the genuine counterpart (a card's use notice, a bank's warning, a securities
firm's report, a carrier's bill, a delivery notice, a city tax notice, a pension fund's newsletter, an ETC
statement, an electricity bill, a shop's order confirmation, a cloud service's sign-in notice, a genuine
winner's notice, a seminar invitation, a gym's missed debit, a clinic's booking with a phone number, an IT
department's warning about extortion mail) and personal or work mail on the same topics; newsletters carry
List-Unsubscribe and an HTML alternative.

Each text is analysed twice: as a raw mail and pasted (subject and body, no header). A lure's mail comes from
an unrelated domain (spf pass for it, no DKIM or dmarc none; or softfail with a third party's DKIM), To the
victim or undisclosed-recipients; a sextortion mail is spoofed From the victim with spf fail. An ordinary mail
comes from its own domain with spf, dkim and dmarc pass. "caught"/"flagged": any verdict but ``no_signs``;
"named": caught with the expected verdict.

First run, on main 4b4414d (2026-12-03 20:02 UTC; only this docstring was touched afterwards): lures caught
108/128, named with the expected verdict 78/128; ordinary flagged 8/128 (mail 6/64, pasted 2/64). Mail variant
62/64 (49 named), pasted 46/64 (29). Link style: text 47/50 (41), html button only 24/28 (10), none 37/50 (27).
Caught (named) of 8 by class: card 8 (8), bank 7 (6), securities 7 (7), telecom 7 (6), parcel 8 (6), tax 8 (3),
pension 4 (3), etc 8 (6), utility 6 (4), shop 8 (7), tech 7 (5), prize 7 (2), sidejob 4 (2), arrears 7 (4),
callback 4 (1), sextortion 8 (8); ordinary flagged: bank 1, tax 1, utility 1, tech 1, sidejob 2, callback 2.

    python bench/probe_ja_round11.py           # counts per class, link style and variant, and a total line
    python bench/probe_ja_round11.py --list    # and each miss, wrong name or false alarm with its rules
"""

# ruff: noqa: E501  (the mail texts are data: one sentence a line, as written)
from __future__ import annotations

import sys
import time
from collections import Counter
from email.header import Header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse

CLASSES = ("card", "bank", "securities", "telecom", "parcel", "tax", "pension", "etc", "utility", "shop", "tech",
           "prize", "sidejob", "arrears", "callback", "sextortion")
VICTIM = "taro.yamada@example.jp"

# (class, expected verdict, display name ("" = spoofed from the victim), sender's address, subject, body with
#  "{link}" where the link goes, link ("label|url" for the html style) or None, style: text / html / none)
LURES: list[tuple[str, str, str, str, str, str, str | None, str]] = [
    # --- card: card companies
    ("card", "phishing", "三井住友カード", "info@smbc-card-kakunin.example.net", "【重要】カードご利用確認のお願い",
     "三井住友カードをご利用いただき、ありがとうございます。\n\nお客様のカードに第三者による不正利用の可能性がある取引を検知したため、"
     "ご利用を一時的に制限させていただいております。\n\n下記よりご本人様確認のうえ、制限の解除手続きをお願いいたします。\n{link}\n\n"
     "※24時間以内にご確認いただけない場合、カードのご利用が停止となります。",
     "https://smbc-card-kakunin.jp.net/vpass/login", "text"),
    ("card", "phishing", "エポスカード", "epos@member-notice.example.com", "【エポスカード】ご利用停止のお知らせ",
     "いつもエポスカードをご利用いただきありがとうございます。\n\nこの度、ご登録情報の一部に不備が見つかりました。"
     "お手数ですが、会員情報の更新をお願いします。\n\n{link}\n\n期限までにご更新いただけない場合、カードのご利用を停止いたします。",
     "会員情報を更新する|https://eposcard-kousin.top/member", "html"),
    ("card", "phishing", "JCB", "support@jcb-security.example.org", "【MyJCB】お客様のカードに関する重要なお知らせ",
     "平素より、JCBカードをご愛顧いただき、誠にありがとうございます。\n"
     "弊社では、お客様のアカウントに異常なログインが検出されましたので、安全のためアカウントを凍結いたしました。\n"
     "お手数ですが、以下のリンクからアカウントの確認を行ってください。\n\n{link}\n\n"
     "ご不便をおかけしまして申し訳ございません。今後ともよろしくお願い申し上げます。",
     "https://myjcb-account-verify.com.cn.xyz/", "text"),
    ("card", "phishing", "セゾンカード", "no-reply@saison-info.example.com", "【セゾン】ご本人様確認のお願い",
     "【セゾンカード】お客様のカードの利用を一時制限しております。ご本人様確認のため、Netアンサーにログインのうえ"
     "カード情報をご確認ください。▼ログインはこちら", None, "none"),
    # --- bank
    ("bank", "phishing", "三菱UFJ銀行", "mufg@torihiki-kakunin.example.net", "【三菱UFJ銀行】お取引目的等確認のお願い",
     "平素は三菱UFJ銀行をご利用いただき、誠にありがとうございます。\n\n当行では、犯罪収益移転防止法に基づき、お客さまのお取引目的等を確認させていただいております。"
     "下記URLよりご回答をお願いいたします。\n\n{link}\n\nご回答いただけない場合、お取引を制限させていただく場合がございます。",
     "https://mufg-torihiki-kakunin.info/direct", "text"),
    ("bank", "phishing", "ゆうちょ銀行", "jp-bank@yucho-notice.example.org", "【ゆうちょ銀行】お客さま情報の確認について",
     "ゆうちょダイレクトをご利用のお客さまへ\n\nセキュリティ強化のため、お客さま情報の再登録をお願いしております。"
     "期日までにお手続きがない場合、ゆうちょダイレクトのご利用ができなくなります。\n\n{link}",
     "お手続きはこちら|https://jp-bank-yucho-direct.click/login", "html"),
    ("bank", "phishing", "りそな銀行", "resona@service-info.example.com", "お客様の口座が凍結されました",
     "りそな銀行です。お客様の口座に不審な入出金が確認されたため、一時的に口座を凍結しております。"
     "解除をご希望の場合は、マイゲートへログインし、本人確認を完了してください。\n\n{link}",
     "https://resona-mygate-kaijo.site/", "text"),
    ("bank", "phishing", "三井住友銀行", "smbc@smbc-direct.example.net", "SMBCダイレクト：ワンタイムパスワードの再設定",
     "お客様各位\n\nシステム更新に伴い、ワンタイムパスワードアプリの再設定が必要となりました。"
     "お早めにログインし、再設定を完了させてください。\n\n※本メールは送信専用です。", None, "none"),
    # --- securities
    ("securities", "phishing", "SBI証券", "sbi@sbisec-kakunin.example.org", "【SBI証券】重要：お客様情報の確認",
     "いつもSBI証券をご利用いただきありがとうございます。\n\n最近、お客様の口座への不正アクセスが多発しております。"
     "安全にお取引いただくため、下記よりお客様情報のご確認をお願いいたします。\n\n{link}\n\n株式会社SBI証券",
     "https://sbisec-login-kakunin.com/account", "text"),
    ("securities", "phishing", "楽天証券", "rakuten-sec@notice-sec.example.com", "【楽天証券】ログイン追加認証設定のお願い",
     "楽天証券をご利用のお客様へ\n\n不正ログイン対策として、ログイン追加認証の設定を必須とさせていただきます。"
     "設定がお済みでないお客様は、至急下記より設定してください。\n\n{link}",
     "今すぐ設定する|https://rakuten-sec-ninsho.top/login", "html"),
    ("securities", "phishing", "野村證券", "nomura@kouza-info.example.net", "【野村證券】お取引制限のお知らせ",
     "お客様の口座で異常な取引が検出されました。資産保護のため、一部のお取引を制限しております。\n"
     "制限を解除するには、本人確認書類のアップロードが必要です。\n{link}",
     "https://nomura-kouza-kaijo.info/", "text"),
    ("securities", "phishing", "マネックス証券", "monex@security-monex.example.com", "【マネックス証券】パスワード有効期限のお知らせ",
     "マネックス証券をご利用いただき、ありがとうございます。お客様のログインパスワードの有効期限が近づいております。"
     "会員画面にログインし、パスワードを変更してください。変更しない場合、口座がロックされます。", None, "none"),
    # --- telecom
    ("telecom", "phishing", "NTTドコモ", "docomo@d-account.example.org", "【ドコモ】dアカウントのセキュリティ確認",
     "いつもドコモをご利用いただきありがとうございます。\n\nお客様のdアカウントに不正ログインの疑いがあるため、ご利用を一時停止しました。"
     "以下より確認手続きを行ってください。\n\n{link}\n\nNTTドコモ",
     "https://docomo-daccount-kakunin.com/", "text"),
    ("telecom", "phishing", "au", "billing@au-ryokin.example.net", "【au】ご利用料金のお支払いが確認できません",
     "auをご利用いただきありがとうございます。\n今月のご利用料金のお支払いが確認できておりません。"
     "本日中にお支払いがない場合、回線を停止いたします。\n\n{link}",
     "お支払い手続き|https://au-payment-kakunin.site/pay", "html"),
    ("telecom", "phishing", "ソフトバンク", "sb@softbank-point.example.com", "【ソフトバンク】ポイント還元のお知らせ",
     "いつもソフトバンクをご利用いただき誠にありがとうございます。\n"
     "ご利用感謝キャンペーンとして、PayPayポイント5,000円分を付与いたします。受取期限は本日までです。\n\n{link}",
     "https://softbank-point-uketori.top/", "text"),
    ("telecom", "phishing", "楽天モバイル", "mobile@rakuten-mobile-info.example.org", "楽天モバイル：ご契約内容の確認",
     "楽天モバイルをご利用のお客様。お客様のご契約に関し、本人確認書類の再提出が必要です。"
     "my 楽天モバイルにログインし、書類をアップロードしてください。期限：12月5日", None, "none"),
    # --- parcel
    ("parcel", "phishing", "ヤマト運輸", "kuroneko@yamato-notice.example.net", "お荷物お届けのお知らせ",
     "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。\n{link}",
     "https://kuroneko-yamato-saihaitatsu.com/", "text"),
    ("parcel", "phishing", "佐川急便", "sagawa@sagawa-delivery.example.com", "【佐川急便】配送料金未払いのお知らせ",
     "お客様のお荷物につきまして、配送料金の未払いがございます（330円）。\n"
     "お支払いいただけない場合、お荷物は返送されます。下記よりお支払いください。\n\n{link}",
     "お支払いはこちら|https://sagawa-saihaitatsu.online/pay", "html"),
    ("parcel", "phishing", "日本郵便", "post@japanpost-hokan.example.org", "【日本郵便】お届け物を保管しています",
     "【日本郵便】ご本人様不在のため、お荷物を持ち帰りました。住所が不完全なため再配達ができません。"
     "住所を更新してください。\n{link}",
     "https://japanpost-jp-saihaitatsu.top/address", "text"),
    ("parcel", "phishing", "ヤマト運輸", "info@yamato-unyu.example.com", "お荷物の配達について",
     "ヤマト運輸です。お荷物の住所が不明のため、配達できませんでした。クロネコメンバーズにログインし、"
     "お届け先住所を更新してください。本日中に更新がない場合、返送となります。", None, "none"),
    # --- tax
    ("tax", "phishing", "国税庁", "nta@kokuzei-tsuchi.example.net", "【国税庁】未払い税金のお知らせ",
     "国税庁からのお知らせです。\n\nあなたの所得税（令和6年度）について、未払いの税金があります。"
     "納付期限を過ぎておりますので、直ちにお支払いください。\n\n納付はこちら：{link}\n\n"
     "期限内に納付がない場合、財産の差押えを行います。",
     "https://nta-go-jp-nofu.com/pay", "text"),
    ("tax", "phishing", "e-Tax 国税電子申告", "etax@etax-notice.example.com", "【e-Tax】税務署からのお知らせ【差押最終通知】",
     "【e-Tax】税務署からのお知らせ\n\n再三のお知らせにもかかわらず、未だ納付が確認できておりません。"
     "本通知は差押えの最終通知となります。\n\n{link}\n\n税務署 徴収部門",
     "納付手続きへ進む|https://e-tax-nta-go.info/nofu", "html"),
    ("tax", "phishing", "税務署", "zeimusho@kanpu-kin.example.org", "所得税の還付金について",
     "所得税の還付金（38,400円）があります。受取手続きの期限が迫っておりますので、下記より口座情報をご入力ください。\n{link}",
     "https://kanpukin-uketori.site/", "text"),
    ("tax", "phishing", "国税局", "kokuzei@notice-tax.example.net", "【重要】税金の未納について",
     "国税局です。あなた様の未納税額について、督促状を送付しておりますが、納付が確認できません。"
     "本メール受信後、3日以内にe-Taxにログインのうえ、クレジットカードにて納付をお願いします。", None, "none"),
    # --- pension
    ("pension", "phishing", "日本年金機構", "nenkin@nenkin-kyufu.example.com", "【日本年金機構】年金の追加給付のお知らせ",
     "日本年金機構です。\n\n制度改正に伴い、あなたは年金の追加給付（52,000円）の対象となりました。"
     "受給するには、下記より振込先口座を登録してください。\n\n{link}\n\n受付期限：12月10日",
     "https://nenkin-kikou-kyufu.com/touroku", "text"),
    ("pension", "phishing", "ねんきんネット", "net@nenkin-net.example.org", "ねんきんネット：ご登録情報の更新",
     "ねんきんネットをご利用の皆様へ。システム移行のため、ご登録情報の更新をお願いしております。"
     "更新されない場合、年金記録が閲覧できなくなります。\n{link}",
     "登録情報を更新|https://nenkin-net-koushin.top/", "html"),
    ("pension", "scam", "年金事務所", "jimusho@nenkin-info.example.net", "年金の還付金について（お電話ください）",
     "年金事務所です。あなた様には過去の保険料の還付金があります。お手続きの期限が本日までとなっておりますので、"
     "至急、担当 佐藤 まで下記へお電話ください。\n\n電話：03-0000-0000（受付 9:00〜17:00）", None, "none"),
    ("pension", "phishing", "日本年金機構", "info@nenkin-tsuchi.example.com", "年金受給資格の確認",
     "年金受給資格の確認のため、マイナンバーカード情報の登録が必要です。"
     "ご登録がない場合、年金の支給が停止されます。下記ページよりご登録ください。", None, "none"),
    # --- ETC
    ("etc", "phishing", "ETC利用照会サービス", "etc@etc-meisai.example.org", "ETCサービスは無効になりました",
     "ETCサービスをご利用いただきありがとうございます。\n\nお客様のETCカードの有効期限が切れたため、ETCサービスが無効になりました。"
     "引き続きご利用いただくには、下記のリンクから手続きを行ってください。\n\n{link}\n\n"
     "※このメールは送信専用です。",
     "https://etc-meisai-kakunin.com/login", "text"),
    ("etc", "phishing", "NEXCO", "nexco@etc-mibarai.example.com", "【NEXCO】ETC利用料金未払いのお知らせ",
     "高速道路をご利用いただきありがとうございます。\nお客様のETC利用料金（3,820円）が未払いとなっております。"
     "本日中にお支払いがない場合、法的措置を取らせていただきます。\n\n{link}",
     "未払い料金を支払う|https://nexco-etc-pay.top/", "html"),
    ("etc", "phishing", "ETCマイレージサービス", "mileage@etc-point.example.net", "ETCマイレージポイント失効のお知らせ",
     "ETCマイレージサービスのポイントが失効しようとしています。ポイントの還元手続きは以下から：\n{link}",
     "https://etc-mileage-kangen.info/", "text"),
    ("etc", "phishing", "ETC利用照会", "noreply@etc-service.example.org", "【重要】ETCカードの更新手続き",
     "お客様のETCカードは、セキュリティ上の理由により一時停止されました。高速道路をご利用いただく前に、"
     "ETC利用照会サービスにてカード情報の再登録を行ってください。", None, "none"),
    # --- utility
    ("utility", "phishing", "東京電力エナジーパートナー", "tepco@denki-ryokin.example.com", "【東京電力】電気料金のお支払いについて（送電停止のお知らせ）",
     "いつも東京電力をご利用いただきありがとうございます。\n\n先月分の電気料金のお支払いが確認できておりません。"
     "本日18時までにお支払いがない場合、送電を停止させていただきます。\n\nお支払い：{link}",
     "https://tepco-denki-shiharai.com/", "text"),
    ("utility", "phishing", "東京ガス", "gas@tokyogas-henkin.example.net", "ガス料金過払い分の返金について",
     "東京ガスをご利用のお客様へ\n\nお客様のガス料金に過払いが発生しておりました。返金手続き（4,560円）を行いますので、"
     "下記より返金先口座をご登録ください。\n\n{link}",
     "返金手続きはこちら|https://tokyogas-henkin.site/", "html"),
    ("utility", "scam", "電力会社 料金センター", "center@denki-center.example.org", "電気料金未納による供給停止のご案内",
     "お客様の電気料金が2か月分未納となっております。本日中にご連絡がない場合、明日午前より電気の供給を停止いたします。\n"
     "料金センター：0120-000-000（本日20時まで）", None, "none"),
    ("utility", "phishing", "関西電力", "kepco@hapie-info.example.com", "はぴeみる電 会員情報確認",
     "関西電力「はぴeみる電」会員の皆様へ。会員規約の改定に伴い、お支払い情報の再登録をお願いします。{link}",
     "https://kepco-hapie-kakunin.top/", "text"),
    # --- shop: Amazon / 楽天 / メルカリ
    ("shop", "phishing", "Amazon.co.jp", "account-update@amazon-jp-notice.example.net", "Amazonプライムの自動更新設定を解除いたしました",
     "Amazonプライムをご利用いただきありがとうございます。\n\nお支払いに使用されたカードの有効期限が切れているため、"
     "プライム会員の自動更新を解除いたしました。お支払い方法を更新してください。\n\n{link}\n\nAmazon.co.jp カスタマーサービス",
     "https://amazon-co-jp-prime.shop/ap/signin", "text"),
    ("shop", "phishing", "楽天市場", "rakuten@rakuten-member.example.com", "【楽天市場】お客様のアカウント情報が変更されました",
     "楽天会員様\n\nお客様のアカウントのお支払い情報が変更されました。お心当たりのない場合は、"
     "直ちに下記より変更を取り消してください。\n\n{link}",
     "変更を取り消す|https://rakuten-co-jp-member.xyz/login", "html"),
    ("shop", "phishing", "メルカリ", "mercari@mercari-support.example.org", "【メルカリ】アカウント利用制限のお知らせ",
     "メルカリをご利用いただきありがとうございます。お客様のアカウントで規約違反の疑いがある取引が確認されたため、"
     "ご利用を制限しました。解除するには、本人確認を行ってください。\n{link}",
     "https://mercari-jp-kaijo.top/", "text"),
    ("shop", "phishing", "Amazon", "no-reply@amazon-security.example.com", "お客様のアカウントを一時保留にしました",
     "Amazonをご利用いただきありがとうございます。お客様のアカウントで異常なアクティビティが検出されたため、"
     "アカウントを一時保留にしています。24時間以内にアカウント情報を確認しない場合、アカウントは永久に停止されます。"
     "ご確認はこちらからお願いします。", None, "none"),
    # --- tech: Apple / Microsoft
    ("tech", "phishing", "Apple", "appleid@apple-id-lock.example.net", "Apple IDがロックされました",
     "お客様のApple IDは、セキュリティ上の理由によりロックされています。\n\nアカウントのロックを解除するには、"
     "お客様情報を確認する必要があります。\n\n{link}\n\nApple サポート",
     "https://appleid-apple-com.jp-unlock.com/", "text"),
    ("tech", "phishing", "iCloud", "icloud@storage-full.example.com", "iCloudストレージがいっぱいです",
     "お客様のiCloudストレージの容量が上限に達しました。写真やビデオのバックアップが停止しています。\n"
     "特別オファー：50GBへのアップグレードが今なら無料です。\n\n{link}",
     "今すぐアップグレード|https://icloud-storage-jp.top/upgrade", "html"),
    ("tech", "phishing", "Microsoft アカウント チーム", "account@ms-signin.example.org", "Microsoft アカウントの異常なサインイン アクティビティ",
     "Microsoft アカウント\n\n異常なサインイン アクティビティ\n\nMicrosoft アカウント xx@example.jp に最近サインインがありました。"
     "国/地域: ロシア\nIP アドレス: 203.0.113.77\n\nお客様ご本人でない場合は、アカウントを保護してください。\n{link}",
     "https://microsoft-account-protect.info/", "text"),
    ("tech", "scam", "Microsoft サポート", "support@windows-kansen.example.net", "【警告】お使いのPCがウイルスに感染しています",
     "Windowsセキュリティからの警告：お使いのコンピューターがトロイの木馬に感染しています。個人情報やクレジットカード情報が盗まれる恐れがあります。\n"
     "直ちにMicrosoftサポートへお電話ください：050-0000-0000\nPCの電源を切らないでください。", None, "none"),
    # --- prize
    ("prize", "scam", "懸賞事務局", "kensho@tousen-jimukyoku.example.com", "【当選通知】おめでとうございます！",
     "おめでとうございます！\n\n厳正なる抽選の結果、あなた様が現金300万円の当選者に選ばれました。"
     "当選金を受け取るには、受取手数料3,000円をお支払いのうえ、以下より手続きを完了してください。\n\n{link}",
     "https://tousen-uketori.click/", "text"),
    ("prize", "scam", "ご当選案内センター", "center@present-jp.example.org", "1億円の支援金受取人に選ばれました",
     "こんにちは。私は資産家の者です。社会貢献の一環として、あなた様に1億円をお渡ししたいと考えております。"
     "受取の意思がございましたら、このメールにご返信ください。個人情報は必要ありません。", None, "none"),
    ("prize", "scam", "楽天ポイント事務局", "point@rakuten-point-get.example.net", "【楽天】10,000ポイント当選のお知らせ",
     "楽天会員様\nアンケートにご協力いただいたお客様の中から抽選で、10,000ポイントが当選しました！"
     "受取期限は本日中です。\n{link}",
     "ポイントを受け取る|https://rakuten-point-tousen.top/", "html"),
    ("prize", "scam", "イオン お客様感謝祭", "aeon@kansha-sai.example.com", "イオンカード会員様限定 iPhone 16 プレゼント",
     "いつもありがとうございます。イオンカード会員様限定で、簡単なアンケートに答えるとiPhone 16が抽選で当たります！"
     "送料500円のみご負担ください。{link}",
     "https://aeon-present-campaign.shop/", "text"),
    # --- sidejob / investment
    ("sidejob", "scam", "副業サポート", "fukugyo@side-job.example.net", "スマホで1日5分、月収50万円の副業",
     "誰でもスマホひとつで簡単に稼げる副業をご紹介します！\n\n・1日5分のタップ作業だけ\n・初月から月収50万円も可能\n・完全在宅\n\n"
     "まずはLINEで無料相談：{link}",
     "https://line-fukugyo-kasegu.site/", "text"),
    ("sidejob", "scam", "投資アカデミー 事務局", "academy@toushi-juku.example.com", "【招待】著名投資家の無料勉強会",
     "前澤氏も推薦！株式投資で資産を10倍にした方法を、LINEグループで無料公開中です。"
     "参加者限定で、今月の推奨銘柄をお伝えします。先着50名様まで。\n\n{link}",
     "無料で参加する|https://kabu-toushi-line.pro/", "html"),
    ("sidejob", "scam", "田中", "tanaka.yuki@example.org", "はじめまして",
     "突然のメールすみません。以前お会いした田中です。最近、仮想通貨の投資で月に200万円ほど利益が出ていて、"
     "信頼できる人にだけ教えています。USDTで始められるプラットフォームがあるので、興味があれば返信ください。", None, "none"),
    ("sidejob", "scam", "在宅ワーク事務局", "work@zaitaku-work.example.net", "【急募】在宅データ入力スタッフ",
     "在宅でできるデータ入力のお仕事です。日給2万円以上、未経験OK。\n登録料5,000円のみで始められます。"
     "詳細は090-0000-0000（担当：山本）までお電話ください。", None, "none"),
    # --- arrears: 未納料金
    ("arrears", "scam", "ご利用料金督促センター", "tokusoku@mino-ryokin.example.org", "未納料金のお知らせ",
     "有料動画サイトの利用料金が未納となっております。本日中にご連絡がない場合、法的手続きに移行いたします。\n"
     "お問い合わせ：03-0000-0001 担当 鈴木", None, "none"),
    ("arrears", "phishing", "NHK", "nhk@jushinryo.example.com", "【NHK】受信料のお支払いについて",
     "NHKをご視聴いただきありがとうございます。お客様の受信料のお支払いが確認できておりません。"
     "下記よりお支払い手続きをお願いします。\n\n{link}\n\n期日を過ぎますと割増金が発生します。",
     "https://nhk-jushinryo-pay.com/", "text"),
    ("arrears", "scam", "法務省 管轄支局 民事訴訟管理センター", "minji@houmu-center.example.net", "訴訟最終告知のお知らせ",
     "この度、ご通知したのは、貴方の利用されていた契約会社ないし運営会社から契約不履行による民事訴訟として、"
     "訴状が提出されましたことをご通知致します。このままご連絡なき場合は、原告側の主張が全面的に受理され、"
     "給料差し押さえ及び動産物、不動産物差し押さえを強制執行させていただきます。\n\n取り下げ最終期日：12月5日\n"
     "民事訴訟管理センター 03-0000-0002", None, "none"),
    ("arrears", "phishing", "カード会社 回収部", "kaishu@card-mishu.example.org", "【最終督促】ご請求金額のお支払いのお願い",
     "ご請求金額（12,480円）のお支払いが確認できません。至急下記よりお支払いをお願いします。{link}",
     "お支払いページ|https://card-mishu-pay.top/", "html"),
    # --- callback: no link
    ("callback", "scam", "Amazonカスタマーセンター", "order@amazon-order.example.com", "ご注文の確認：iPhone 16 Pro（189,800円）",
     "Amazon.co.jpでのご注文ありがとうございます。\n\n商品：iPhone 16 Pro 256GB\n金額：189,800円\nお届け予定：12月5日\n\n"
     "このご注文に心当たりがない場合は、24時間以内にカスタマーセンター（050-0000-0001）までお電話ください。キャンセル手続きをいたします。", None, "none"),
    ("callback", "scam", "PayPay 不正利用対策室", "taisaku@paypay-fusei.example.net", "不正利用の可能性がある決済を検知しました",
     "お客様のPayPayアカウントで、不正利用の可能性がある決済（49,800円）を検知しました。"
     "ご本人様のご利用でない場合は、至急、不正利用対策室 0120-000-001 へご連絡ください。", None, "none"),
    ("callback", "scam", "ウイルスバスター更新センター", "renew@security-koushin.example.org", "年間ライセンス自動更新のお知らせ",
     "ご利用中のセキュリティソフトの年間ライセンスが自動更新されました。\n更新料金：39,800円（ご登録のカードから引き落とし）\n\n"
     "解約・返金をご希望の場合は、お電話にてお手続きください。\nサポートセンター：050-0000-0002", None, "none"),
    ("callback", "scam", "警視庁 サイバー犯罪対策課", "cyber@keishicho-info.example.com", "あなたの口座が犯罪に利用されています",
     "警視庁サイバー犯罪対策課です。あなた名義の口座がマネーロンダリングに使われている疑いがあります。"
     "捜査にご協力いただくため、本日中に担当の中村（080-0000-0000）まで電話してください。このことは家族にも口外しないでください。", None, "none"),
    # --- sextortion
    ("sextortion", "scam", "", "taro.yamada@example.jp", "あなたのアカウントはハッキングされました",
     "こんにちは！\n\n私はプロのハッカーで、数ヶ月前にあなたのデバイスにアクセスしました。"
     "あなたがアダルトサイトを見ている間、ウェブカメラであなたを録画しました。\n"
     "この動画をあなたの連絡先全員に送られたくなければ、1,500ドル相当のビットコインを以下のアドレスに送金してください。\n\n"
     "BTCアドレス：bc1qcg4decrk595naupmyjkcs78a7an0m05czq6848\n\n48時間以内にお支払いがない場合、動画を公開します。", None, "none"),
    ("sextortion", "scam", "", "taro.yamada@example.jp", "支払い保留中",
     "あなたのパスワードを知っています。あなたのコンピュータにマルウェアを仕掛け、すべての連絡先とカメラの映像を入手しました。"
     "恥ずかしい映像を拡散されたくないなら、15万円分のビットコインを送ってください。\n"
     "bc1qvwlx4juku6ul5v2dmju76nsdpzfn9fdm2phall\n警察に連絡しても無駄です。", None, "none"),
    ("sextortion", "scam", "匿名", "anon@random-host.example.net", "最終警告",
     "お前がエロサイトを見ているところを撮影した。友人や会社の人間に送られたくなければ、ビットコインで10万円払え。"
     "アドレス：bc1qykklqa9tzz5k2wrnclc4xq3f6tsq4tqcvlfls8　期限は2日。", None, "none"),
    ("sextortion", "scam", "", "taro.yamada@example.jp", "あなたの秘密を知っています",
     "私はあなたのデバイスにトロイの木馬をインストールしました。あなたのメール、SNS、閲覧履歴、そしてウェブカメラの映像をすべて持っています。"
     "動画を削除してほしければ、ビットコインで1,200ドルを支払ってください。支払い方法がわからなければ「ビットコイン 購入」で検索してください。"
     "\nウォレット：bc1q3zvgp29npxehhqxmrkkgawjuqukj3hh9sdrf0k", None, "none"),
]

# (class, the sender's own domain, display name, subject, body, newsletter)
ORDINARY: list[tuple[str, str, str, str, str, bool]] = [
    # --- card
    ("card", "mikan-card.example.jp", "みかんカード", "【みかんカード】ご利用金額確定のお知らせ",
     "みかんカードをご利用いただき、ありがとうございます。\n\n12月お支払い分のご利用金額が確定しました。\n"
     "お支払い金額：48,320円\nお支払い日：12月27日（金）\n\nご利用明細は、会員サイトまたはアプリでご確認ください。\n"
     "※当社からメールでカード番号や暗証番号をお尋ねすることはありません。", False),
    ("card", "mikan-card.example.jp", "みかんカード", "カードご利用のお知らせ",
     "山田 太郎 様\n\nカードのご利用がありましたのでお知らせします。\nご利用日時：2026/12/02 19:41\nご利用先：コンビニエンスストア\n"
     "ご利用金額：1,280円\n\nお心当たりのない場合は、カード裏面の電話番号までご連絡ください。", False),
    ("card", "sakura-card.example.jp", "さくらカード", "新しいカードを発送しました",
     "いつもさくらカードをご利用いただきありがとうございます。\n有効期限の更新に伴い、新しいカードを簡易書留で発送いたしました。"
     "お手元に届きましたら、裏面にご署名のうえご利用ください。古いカードははさみを入れて破棄してください。", False),
    ("card", "sakura-card.example.jp", "さくらカード", "【さくらカード】ポイント有効期限のお知らせ",
     "さくらカード会員様\n\nお持ちのポイントのうち、1,250ポイントが2026年12月31日に有効期限を迎えます。\n"
     "ポイントは会員サイトで商品やギフト券に交換できます。\nhttps://www.sakura-card.example.jp/point/", False),
    # --- bank
    ("bank", "minato-bank.example.jp", "みなと銀行", "【みなと銀行】振込受付のお知らせ",
     "山田 太郎 様\n\nみなとダイレクトでの振込を受け付けました。\n受付日時：2026年12月3日 9:15\n振込先：ヤマダ ハナコ 様\n"
     "金額：30,000円\n\nお取引に心当たりがない場合は、至急当行までお電話ください。", False),
    ("bank", "minato-bank.example.jp", "みなと銀行", "フィッシング詐欺にご注意ください",
     "みなと銀行をご利用のお客さまへ\n\n最近、当行を装ってお客さま情報の入力を求める不審なメールやSMSが確認されています。"
     "当行がメールやSMSでパスワードや暗証番号の入力をお願いすることはありません。"
     "不審なメールのリンクは開かず、削除してください。", False),
    ("bank", "aozora-shinkin.example.jp", "あおぞら信用金庫", "年末年始の営業について",
     "平素より格別のお引き立てを賜り、厚く御礼申し上げます。\n年末年始は12月31日から1月3日まで窓口を休業いたします。"
     "ATMは一部時間帯を除きご利用いただけます。詳しくは店頭掲示をご覧ください。", False),
    ("bank", "minato-bank.example.jp", "みなと銀行", "お取引目的等のご確認について（郵送でご案内します）",
     "お客さまへ\n\n法令に基づき、定期的にお取引目的等を確認させていただいております。"
     "対象のお客さまには郵送でご案内をお送りしておりますので、同封の書類でご回答ください。"
     "本メールにリンクは記載しておりません。", False),
    # --- securities
    ("securities", "kitaguni-sec.example.jp", "北国証券", "【北国証券】取引報告書交付のお知らせ",
     "いつも北国証券をご利用いただきありがとうございます。\n取引報告書を電子交付いたしました。"
     "ログイン後、「電子交付書面」メニューからご確認ください。", False),
    ("securities", "kitaguni-sec.example.jp", "北国証券 マーケット情報", "週刊マーケットレポート（12月第1週）",
     "今週の日経平均は前週比で小幅高となりました。米国の金利動向や為替の動きに注目が集まっています。\n\n"
     "レポート全文：https://www.kitaguni-sec.example.jp/report/weekly\n\n"
     "配信停止はこちら：https://www.kitaguni-sec.example.jp/mail/stop\n※投資判断はご自身でお願いいたします。", True),
    ("securities", "kitaguni-sec.example.jp", "北国証券", "ログインのお知らせ",
     "山田 太郎 様\n\nお客様のアカウントにログインがありました。\n日時：2026/12/03 07:58\n環境：iPhone アプリ\n\n"
     "お心当たりがない場合は、パスワードを変更のうえ、コールセンターへご連絡ください。", False),
    ("securities", "kitaguni-sec.example.jp", "北国証券", "NISA口座の年間投資枠について",
     "2026年のNISA成長投資枠の残りは、あと 420,000円です。年内のご利用をご検討ください。"
     "残り枠はログイン後のNISAページで確認できます。", False),
    # --- telecom
    ("telecom", "hikari-mobile.example.jp", "ひかりモバイル", "【ひかりモバイル】12月ご請求額のお知らせ",
     "ひかりモバイルをご利用いただきありがとうございます。\n12月のご請求額は 3,278円（税込）です。"
     "ご登録のクレジットカードにて12月26日にお支払いとなります。\n明細はマイページでご確認いただけます。", False),
    ("telecom", "hikari-mobile.example.jp", "ひかりモバイル", "機種変更のお手続きが完了しました",
     "山田 太郎 様\n\n機種変更のお手続きが完了しました。新しい端末は12月5日にお届け予定です。\n"
     "データ移行の方法は、同梱のガイドをご覧ください。", False),
    ("telecom", "hikari-net.example.jp", "ひかりネット", "メンテナンスのお知らせ",
     "ひかりネットをご利用のお客様へ\n12月10日（木）2:00〜5:00に設備メンテナンスを実施します。この間、インターネットが数分間つながりにくくなる場合があります。", False),
    ("telecom", "hikari-mobile.example.jp", "ひかりモバイル", "データ容量が残りわずかです",
     "今月のデータ容量の残りが0.5GBになりました。速度制限を避けるには、My ひかりアプリからデータを追加購入できます。", False),
    # --- parcel
    ("parcel", "hayate-bin.example.jp", "はやて便", "【はやて便】お荷物お届け予定のお知らせ",
     "山田 太郎 様\n\nはやて便です。以下のお荷物をお届けにあがります。\n伝票番号：4401-2231-9908\nお届け予定：12月4日 14時〜16時\n"
     "ご依頼主：書店ヨミモノ\n\nお届け日時の変更は https://www.hayate-bin.example.jp/track/440122319908 から", False),
    ("parcel", "hayate-bin.example.jp", "はやて便", "ご不在連絡票のお知らせ",
     "本日お荷物をお届けにあがりましたが、ご不在でした。お荷物は営業所で保管しております（保管期限：12月10日）。"
     "再配達は、ポストに投函した不在連絡票に記載の番号へお電話いただくか、当社サイトからお申し込みください。", False),
    ("parcel", "hayate-bin.example.jp", "はやて便", "お荷物のお届けが完了しました",
     "伝票番号 4401-2231-9908 のお荷物を、宅配ボックスにお届けしました。ご利用ありがとうございました。", False),
    ("parcel", "example.jp", "花子", "荷物送ったよ",
     "太郎へ\n\nみかん一箱送りました。明日の午前中に着くと思う。伝票番号は 3321-0090-1234 だよ。\n"
     "不在だったら再配達頼んでね。", False),
    # --- tax
    ("tax", "shi-zeimu.example.jp", "みなと市 税務課", "住民税の納付期限について",
     "住民税（普通徴収）第3期の納期限は12月28日です。納付書でのお支払い、または口座振替をご利用ください。\n"
     "納付書を紛失された場合は、市役所税務課までお問い合わせください。", False),
    ("tax", "shi-zeimu.example.jp", "みなと市 税務課", "確定申告会場のご案内",
     "令和8年分の確定申告の相談会場を、2月16日から3月16日まで市民会館に開設します。入場には整理券が必要です。\n"
     "ご自宅からはe-Taxでの申告が便利です。国税庁のホームページをご確認ください。", False),
    ("tax", "zeirishi-office.example.jp", "鈴木税理士事務所", "年末調整書類のご提出について",
     "山田様\n\nいつもお世話になっております。年末調整に必要な書類（保険料控除申告書、住宅ローン残高証明書）を"
     "12月10日までにご郵送いただけますでしょうか。ご不明点はお電話ください。\n\n鈴木税理士事務所", False),
    ("tax", "e-notice.example.jp", "e-Tax お知らせ", "メッセージボックスに新しいメッセージがあります",
     "e-Taxのメッセージボックスに新しいお知らせが格納されました。\n内容を確認するには、e-Taxにログインしてください。"
     "このメールにはリンクを記載しておりません。ブックマーク等から正規のサイトにアクセスしてください。", False),
    # --- pension
    ("pension", "kigyou-nenkin.example.jp", "企業年金基金", "加入者ニュース 冬号",
     "加入者の皆さまへ\n\n冬号では、iDeCoとの併用や、受給開始年齢の選び方について解説しています。\n"
     "https://www.kigyou-nenkin.example.jp/news/winter\n\n配信停止：https://www.kigyou-nenkin.example.jp/unsubscribe", True),
    ("pension", "example.jp", "父", "年金の手続き",
     "太郎へ\n年金事務所から書類が届いたので、来週一緒に手続きに行ってくれないか。マイナンバーカードを持っていくらしい。\n父より", False),
    ("pension", "shakai-hoken.example.jp", "社会保険労務士 佐藤", "年金請求書の記入について",
     "山田様\n\nご依頼いただいた年金請求書の記入例をお送りします。受取口座欄には通帳の名義どおりにご記入ください。"
     "提出は年金事務所の窓口または郵送で可能です。", False),
    ("pension", "kigyou-nenkin.example.jp", "企業年金基金", "加入者番号の通知",
     "このたびは当基金へのご加入ありがとうございます。加入者番号は郵送でお知らせしております。"
     "住所変更があった場合は、勤務先の人事担当までお申し出ください。", False),
    # --- etc
    ("etc", "kousoku-card.example.jp", "高速カード会員センター", "ETC利用明細確定のお知らせ",
     "11月分のETC利用明細が確定しました。\nご利用件数：6件\nご利用金額：8,420円\n\n"
     "明細は会員サイトにログインしてご確認ください。", False),
    ("etc", "kousoku-card.example.jp", "高速カード会員センター", "ETCカード更新のご案内",
     "お客様のETCカードの有効期限が2027年1月末となるため、新しいカードを12月中旬に発送いたします。"
     "お手続きは不要です。届きましたら車載器に差し替えてご利用ください。", False),
    ("etc", "example.jp", "鈴木 一郎", "帰省の高速代",
     "山田さん\n先週の帰省の高速代、ETCで払ってもらった分 6,200円 を来週返します。ありがとう！", False),
    ("etc", "michi-service.example.jp", "みちサービス", "年末年始の渋滞予測",
     "年末年始の高速道路の渋滞予測を公開しました。12月29日と1月3日に大きな渋滞が予想されます。\n"
     "https://www.michi-service.example.jp/jam\n\nメール配信の停止：https://www.michi-service.example.jp/mail/stop", True),
    # --- utility
    ("utility", "kirari-denki.example.jp", "きらり電力", "【きらり電力】11月分電気料金のお知らせ",
     "山田 太郎 様\n\n11月分（10/28〜11/26）の電気料金が確定しました。\nご使用量：312kWh\nご請求金額：9,846円\n"
     "お支払い方法：口座振替（12月15日）\n\n詳細はマイページでご確認いただけます。", False),
    ("utility", "kirari-gas.example.jp", "きらりガス", "ガス設備の定期保安点検のお知らせ",
     "法令に基づくガス設備の定期保安点検を実施します。12月中に係員がお伺いします。係員は必ず社員証を携帯しています。"
     "点検は無料です。料金を請求することはありません。", False),
    ("utility", "kirari-denki.example.jp", "きらり電力", "節電ポイントキャンペーンのご案内",
     "冬の節電にご協力いただいたお客様に、ポイントを進呈します。参加登録はマイページから。\n"
     "配信停止はマイページのメール設定から変更できます。", True),
    ("utility", "suido-kyoku.example.jp", "みなと市 水道局", "水道料金の口座振替日について",
     "12月分の水道料金は、12月22日にご指定の口座から振り替えます。残高のご確認をお願いします。", False),
    # --- shop
    ("shop", "yomimono.example.jp", "書店ヨミモノ", "ご注文ありがとうございます（注文番号 250-8812）",
     "山田 太郎 様\n\nこのたびはご注文ありがとうございます。\n\n・「流浪の月」 1冊 814円\n送料：無料\nお支払い：クレジットカード\n\n"
     "発送準備が整いましたら、あらためてご連絡いたします。\nご注文履歴：https://www.yomimono.example.jp/mypage/orders", False),
    ("shop", "yomimono.example.jp", "書店ヨミモノ", "【ヨミモノ通信】年末年始に読みたい本10選",
     "こんにちは、ヨミモノです。年末年始のお休みにゆっくり読みたい本を、スタッフが選びました。\n"
     "https://www.yomimono.example.jp/feature/newyear\n\nメールマガジンの配信停止：https://www.yomimono.example.jp/mail/unsubscribe", True),
    ("shop", "furugi-ichiba.example.jp", "ふるぎ市場", "商品が発送されました",
     "ご購入いただいた「ウールのコート」が発送されました。商品が届いたら、受取評価をお願いします。\n"
     "取引画面：https://www.furugi-ichiba.example.jp/transaction/77120", False),
    ("shop", "example.jp", "花子", "Amazonで頼んだやつ",
     "太郎、Amazonで頼んだ加湿器届いた？楽天の方が安かったかもって今気づいた笑\nメルカリで売ってもいいかもね。", False),
    # --- tech
    ("tech", "kumo-drive.example.jp", "クモドライブ", "ストレージ容量が80%に達しました",
     "ご利用のクモドライブのストレージが80%に達しました。不要なファイルを削除するか、プランの変更をご検討ください。\n"
     "プランの確認：https://www.kumo-drive.example.jp/settings/plan", False),
    ("tech", "kumo-drive.example.jp", "クモドライブ", "新しいデバイスからのサインイン",
     "お使いのアカウントに新しいデバイスからサインインがありました。\nデバイス：Windows PC\n場所：東京都\n\n"
     "ご自身の操作であれば、対応は不要です。心当たりがない場合は、設定画面からパスワードを変更してください。", False),
    ("tech", "joho-shisutemu.example.jp", "情報システム部", "【全社】Windowsアップデート適用のお願い",
     "社員各位\n\n今月のセキュリティ更新プログラムが公開されました。本日中にPCを再起動し、更新を適用してください。"
     "不明点は内線2200までお問い合わせください。\n\n情報システム部", False),
    ("tech", "app-store.example.jp", "アプリストア", "領収書（ご購入ありがとうございます）",
     "ご注文番号：MX7712093\nご注文日：2026/12/02\n\n写真編集アプリ 年額プラン  3,000円\n\n"
     "サブスクリプションの管理は、端末の設定画面から行えます。", False),
    # --- prize
    ("prize", "okashi-maker.example.jp", "おかしメーカー キャンペーン事務局", "【当選のお知らせ】冬のプレゼントキャンペーン",
     "山田 太郎 様\n\nこのたびは「冬のプレゼントキャンペーン」にご応募いただき、誠にありがとうございました。"
     "厳正なる抽選の結果、山田様がA賞（お菓子詰め合わせ）にご当選されました。\n賞品は12月中旬に、ご応募時のご住所へ発送いたします。"
     "お手続きや費用は一切不要です。", False),
    ("prize", "shoutengai.example.jp", "みなと商店街", "福引き抽選会のお知らせ",
     "年末恒例の福引き抽選会を12月26日から開催します。商店街でのお買い物500円ごとに補助券1枚をお渡しします。", False),
    ("prize", "example.jp", "母", "宝くじ",
     "太郎へ\n年末ジャンボ、お父さんと一緒にあんたの分も買っておいたよ。当たったら山分けね（笑）\n母", False),
    ("prize", "okashi-maker.example.jp", "おかしメーカー", "アンケートご協力のお礼",
     "アンケートにご協力いただきありがとうございました。お礼として、抽選で100名様にオリジナルグッズをお送りします。"
     "当選者の発表は発送をもってかえさせていただきます。", False),
    # --- sidejob
    ("sidejob", "kitaguni-sec.example.jp", "北国証券 セミナー事務局", "初心者向け 資産形成オンラインセミナーのご案内",
     "北国証券では、12月12日（土）に初心者向けの資産形成セミナーを開催します。参加無料・事前申込制です。\n"
     "お申し込み：https://www.kitaguni-sec.example.jp/seminar\n\n※投資には元本割れのリスクがあります。\n配信停止：https://www.kitaguni-sec.example.jp/mail/stop", True),
    ("sidejob", "example.jp", "高橋", "副業の件",
     "山田さん\nこの前話してた副業の件、就業規則を確認したら届け出れば大丈夫みたいです。"
     "週末だけWebデザインの仕事を受けてみようと思ってます。", False),
    ("sidejob", "kaisha.example.jp", "人事部", "副業・兼業の届出について",
     "社員各位\n\n副業・兼業を行う場合は、事前に所定の届出書を人事部へ提出してください。様式は社内ポータルに掲載しています。", False),
    ("sidejob", "toushi-news.example.jp", "マネー新聞", "今週の注目ニュース：NISA口座数が過去最高に",
     "NISA口座数が過去最高を更新しました。一方で、「必ず儲かる」とうたう投資詐欺の被害も増えています。"
     "SNSで知り合った人からの投資の勧誘には十分ご注意ください。\n\n"
     "https://www.toushi-news.example.jp/article/1203\n購読解除：https://www.toushi-news.example.jp/unsubscribe", True),
    # --- arrears
    ("arrears", "sports-club.example.jp", "みなとスポーツクラブ", "会費お引き落としができませんでした",
     "山田 太郎 様\n\n12月分の会費（7,700円）のお引き落としができませんでした。"
     "お手数ですが、次回ご来館時にフロントでお支払いいただくか、1月分と合わせてのお引き落としとなります。", False),
    ("arrears", "toshokan.example.jp", "みなと市立図書館", "返却期限を過ぎた資料があります",
     "貸出中の資料のうち、返却期限を過ぎたものが1点あります。\n「やさしい家庭菜園」（返却期限：11月30日）\n"
     "お早めにご返却ください。", False),
    ("arrears", "hikari-mobile.example.jp", "ひかりモバイル", "【ひかりモバイル】お支払い確認のお願い",
     "11月分のご利用料金（3,278円）のお支払いが確認できておりません。"
     "郵送した払込票にてコンビニでお支払いください。すでにお支払い済みの場合は、行き違いですのでご容赦ください。", False),
    ("arrears", "example.jp", "鈴木 一郎", "飲み会の精算",
     "山田さん\n忘年会の会費、まだの人が何人かいて、山田さんも4,000円お願いします！PayPayでも現金でも大丈夫です。", False),
    # --- callback
    ("callback", "kaisha.example.jp", "総務部 佐藤", "来客対応のお願い",
     "山田さん\n明日10時に取引先の方が来社されます。受付から電話があったら内線3100に回してください。\nよろしくお願いします。", False),
    ("callback", "clinic-minato.example.jp", "みなとクリニック", "ご予約の確認",
     "山田 太郎 様\n\n12月8日（火）15:00のご予約を承りました。ご変更・キャンセルの際は、03-0000-1234までお電話ください。", False),
    ("callback", "fudousan.example.jp", "みなと不動産", "内見日程について",
     "山田様\nお問い合わせいただいた物件の内見ですが、土曜日の午後はいかがでしょうか。"
     "ご都合のよい時間をお知らせください。お急ぎの場合は担当携帯 090-0000-1234 へどうぞ。", False),
    ("callback", "mikan-card.example.jp", "みかんカード", "お電話でのご本人確認について",
     "先ほどはお電話にてご本人確認にご協力いただき、ありがとうございました。カードのご利用制限は解除されております。"
     "当社からお客様に暗証番号をお尋ねすることはありません。", False),
    # --- sextortion-counterpart: personal / privacy topics
    ("sextortion", "example.jp", "花子", "写真ありがとう",
     "この前の旅行の写真ありがとう！動画もいいね。みんなに送ってもいい？", False),
    ("sextortion", "kaisha.example.jp", "情報システム部", "【注意喚起】脅迫メールについて",
     "社員各位\n\n「あなたのPCをハッキングした」「ビットコインを支払え」という内容の脅迫メールが届いているとの報告がありました。"
     "これは無差別に送られている詐欺メールです。支払いや返信はせず、削除してください。", False),
    ("sextortion", "example.jp", "弟", "ビットコイン",
     "兄ちゃん、ビットコインって今から買っても遅いかな？会社の先輩が少しずつ積み立ててるって言ってた。", False),
    ("sextortion", "security-news.example.jp", "セキュリティニュース", "今週のセキュリティトピック",
     "今週のトピック：Webカメラの乗っ取りは本当にある？ パスワードの使い回しを避けましょう。\n"
     "https://www.security-news.example.jp/weekly/48\n配信停止：https://www.security-news.example.jp/stop", True),
]


def _encoded(text: str) -> str:
    """A header phrase as Japanese mailers write it: RFC 2047 B-encoded UTF-8 unless it is ASCII."""
    return text if text.isascii() else Header(text, "utf-8").encode()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _texts(body: str, link: str | None, style: str) -> tuple[str, str | None]:
    """The plain text (what a user pastes) and, for the html style, the HTML the mail carries."""
    if style == "text" and link:
        return body.replace("{link}", link), None
    if style == "html" and link:
        label, _, url = link.partition("|")
        html = ("<html><body><div style='font-size:14px'>"
                + _esc(body).replace("\n", "<br>\n").replace(
                    "{link}", f'<a href="{url}" style="background:#c00;color:#fff;padding:8px 16px">{_esc(label)}</a>')
                + "</div></body></html>")
        return body.replace("{link}", label), html
    return body.replace("{link}", ""), None


def _lure_mail(n: int, name: str, address: str, subject: str, text: str, html: str | None) -> bytes:
    domain = address.rpartition("@")[2]
    if not name:
        auth = (f"mx.example.jp; spf=fail smtp.mailfrom={domain} smtp.helo=host-{n}.example.org; dkim=none; "
                f"dmarc=fail header.from={domain}")
        sender, to = address, VICTIM
    else:
        auth = (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=none; dmarc=none header.from={domain}" if n % 2
                else f"mx.example.jp; spf=softfail smtp.mailfrom=bounce{n}.example.org; dkim=pass "
                     f"header.d=sender{n}.example.net; dmarc=fail header.from={domain}")
        sender, to = f"{_encoded(name)} <{address}>", VICTIM if n % 3 else "undisclosed-recipients:;"
    head = (f"Received: from host-{n}.example.org (unknown [203.0.113.{n % 250 + 1}])\n"
            f"\tby mx.example.jp (Postfix) with ESMTP id 6J{n:05d}; Thu, 03 Dec 2026 0{n % 10}:31:02 +0000\n"
            f"Authentication-Results: {auth}\nFrom: {sender}\nTo: {to}\nSubject: {_encoded(subject)}\n"
            f"Date: Thu, 03 Dec 2026 0{n % 10}:31:00 +0000\nMessage-ID: <{n:04d}.j11@host-{n}.example.org>\n"
            "MIME-Version: 1.0\n")
    if html is None:
        return (head + 'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
                + text + "\n").encode()
    return (head + 'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + html + "\n").encode()


def _ordinary_mail(n: int, domain: str, name: str, subject: str, body: str, newsletter: bool) -> bytes:
    local = f"user{n}" if domain == "example.jp" else ("news" if newsletter else "info")
    head = (f"Received: from out-{n}.{domain} (out-{n}.{domain} [198.51.100.{n % 250 + 1}])\n"
            f"\tby mx.example.jp (Postfix) with ESMTPS id 7K{n:05d}; Thu, 03 Dec 2026 09:{n % 60:02d}:10 +0900\n"
            f"Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}\nFrom: {_encoded(name)} <{local}@{domain}>\nTo: {VICTIM}\n"
            f"Subject: {_encoded(subject)}\nDate: Thu, 03 Dec 2026 09:{n % 60:02d}:05 +0900\n"
            f"Message-ID: <{n:04d}.k11@{domain}>\nMIME-Version: 1.0\n")
    if not newsletter:
        return (head + 'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
                + body + "\n").encode()
    b = f"=_k11_{n}"
    html = "<html><body>" + "<br>\n".join(
        " ".join(f'<a href="{w}">{w}</a>' if w.startswith("https://") else _esc(w) for w in line.split(" "))
        for line in body.replace("：https://", "： https://").split("\n")) + "</body></html>"
    head += (f"List-Unsubscribe: <https://www.{domain}/list/unsubscribe?m={n}>, <mailto:unsubscribe@{domain}>\n"
             "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n")
    return (head + f'Content-Type: multipart/alternative; boundary="{b}"\n\n--{b}\n'
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + body + f"\n\n--{b}\n"
            'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + html + f"\n--{b}--\n").encode()


def _rules(analysis: object) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" + (f":{how}" if (how := dict(f.params).get("how", "")) else "")
                     for f in analysis.findings)  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    started = time.perf_counter()
    caught: Counter[str] = Counter()
    named: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for n, (cls, expected, name, address, subject, body, link, style) in enumerate(LURES):
        text, html = _texts(body, link, style)
        for form, data in (("mail", _lure_mail(n, name, address, subject, text, html)),
                           ("paste", f"{subject}\n\n{text}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            good = a.verdict in expected.split("|")
            verdicts[f"{expected}->{a.verdict}"] += 1
            for key in (form, cls, f"style:{style}", "all"):
                seen[key] += 1
                caught[key] += hit
                named[key] += good
            if listing and not good:
                what = "miss" if not hit else "wrong"
                print(f"{what:<5} {cls:<10} #{n:<2} {style:<4} {form:<5} {a.verdict:<10} want {expected:<8} [{_rules(a)}]")
    flagged: Counter[str] = Counter()
    oseen: Counter[str] = Counter()
    for n, (cls, domain, name, subject, body, newsletter) in enumerate(ORDINARY):
        for form, data in (("mail", _ordinary_mail(n, domain, name, subject, body, newsletter)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            for key in (form, cls, "all"):
                oseen[key] += 1
                flagged[key] += hit
            if listing and hit:
                print(f"alarm {cls:<10} #{n:<2} {form:<5} {a.verdict:<10} [{_rules(a)}]")
    print(f"\n{'class':<11} {'lures caught (named)':<22} ordinary flagged")
    for cls in CLASSES:
        print(f"{cls:<11} {caught[cls]:>2}/{seen[cls]:<2} ({named[cls]:>2}){'':<12} {flagged[cls]}/{oseen[cls]}")
    for style in ("text", "html", "none"):
        k = f"style:{style}"
        print(f"link style {style:<5} lures {caught[k]}/{seen[k]} ({named[k]})")
    print("verdicts of lures (expected->given): " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    for form in ("mail", "paste"):
        print(f"variant {form}: lures {caught[form]}/{seen[form]} ({named[form]}), ordinary {flagged[form]}/{oseen[form]}")
    print(f"\ntotal: lures caught {caught['all']}/{seen['all']}, named with the expected verdict "
          f"{named['all']}/{seen['all']}; ordinary flagged {flagged['all']}/{oseen['all']}  "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
