"""Untuned probe of Japanese mail (issue 11, round 10, branch japrobe10): does phishbot read Japanese
text that no rule was written against?

Written on 2026-12-03 between 17:30 and 17:40 UTC, and committed before its first run, by a helper that
had not read the wording rules (``bot/analysis/rules.py``, ``bot/analysis/brands.py``), their data
(``bot/analysis/data/*``), the locales, docs/RULES.md or the text lists of any earlier probe; only the
harness of ``bench/probe_round9.py`` (how a mail and a pasted text are built, how ``analyse`` is called
and counted) was looked at. Every text was written from knowledge of Japanese scam, phishing and
ordinary mail of 2024–2026; none is to be edited after the first run: a miss stays a miss, a false
alarm stays a false alarm. Names are reserved or made up (example.jp/.com/.net hosts, 192.0.2.0/24,
0120-000-000 / 03-0000-0000 style numbers); brand names of real companies appear in the text only as
lures and genuine notices use them, never as a sender's domain.

48 lures: 12 classes x 4, each with its expected verdict (phishing or scam) beside it; styles vary
(formal keigo, machine-translated Japanese, short SMS-like text, with and without a brand name; with a
link, or with only a reply address or a phone number):
  card      card or bank account: identity check / use suspended, with a link
  card_call the same without a link: reply with the card details, or call a number
  parcel    delivery failed / redelivery, small fee or address confirmation
  mailbox   webmail quota full, password expiry
  tax       tax office / e-Tax / national tax: arrears or refund
  benefit   government benefit, subsidy, support money to receive
  prize     prize, sweepstake, survey reward
  advance   inheritance, assets to hand over, funds to release for a fee (419)
  invest    investment, crypto, side job
  callback  bill / arrears / fee, a phone number the only way out
  points    points expiring / points to be granted
  fine      traffic fine, ETC toll arrears, police, court
48 ordinary mails, the genuine counterpart of each class (a card company's use notice, a bank's warning
that says not to click links, a carrier's missed-delivery notice, an IT department's quota notice, an
e-Tax notice, a city's benefit announcement, a shop's genuine winner notice, a family mail about an
inheritance, a securities firm's newsletter, an invoice that points to "My page", a points expiry
reminder, a police warning about scams) and personal or work mail that merely mentions these topics.

Each text is analysed twice: pasted (subject and body, no header) and as a mail (RFC 5322 headers; an
ordinary mail comes from its own domain with spf, dkim and dmarc pass for it; a lure from an unrelated
domain with spf pass for that domain and no DKIM signature or DMARC policy). "caught"/"flagged": any
verdict but ``no_signs``; "named": caught with the expected verdict.

First run, on main 2cbbd06 (2026-12-03 17:35 UTC; only this docstring was touched afterwards): lures caught
60/96 (unaligned mail 33/48, pasted 27/48), named with the expected verdict 47/96; ordinary flagged 14/96
(aligned mail 6/48, pasted 8/48). Caught (named) of 8 by class: card 8 (6), card_call 3 (2), parcel 8 (5),
mailbox 4 (3), tax 6 (6), benefit 6 (3), prize 6 (6), advance 0 (0), invest 4 (4), callback 3 (3),
points 5 (5), fine 7 (4); ordinary flagged: card 3, parcel 1, tax 2, benefit 4, fine 4.

    python bench/probe_ja_round10.py           # counts per class, per variant, and a total line
    python bench/probe_ja_round10.py --list    # and each miss, wrong name or false alarm with its rules
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from email.header import Header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.analysis.pipeline import analyse

CLASSES = ("card", "card_call", "parcel", "mailbox", "tax", "benefit", "prize", "advance", "invest", "callback",
           "points", "fine")

# (class, expected verdict, sender's display name, sender's address on an unrelated domain, subject, body)
LURES: list[tuple[str, str, str, str, str, str]] = [
    # --- card: identity check / suspension, with a link
    ("card", "phishing", "三井住友カード", "info@vpass-secure.example.net", "【重要】カードご利用確認のお願い",
     "三井住友カードをご利用いただき、誠にありがとうございます。\n\n"
     "このたび、ご本人様以外の第三者による不正利用の可能性があるお取引を検知いたしましたため、"
     "誠に勝手ながらお客様のカードのご利用を一時的に制限させていただいております。\n"
     "お手数ではございますが、下記URLよりログインのうえ、ご本人様確認のお手続きをお願いいたします。\n\n"
     "▼ご本人様確認はこちら\nhttps://vpass-secure.example.net/jp/login\n\n"
     "※24時間以内にご確認いただけない場合、カードのご利用を停止させていただきますので、あらかじめご了承ください。\n\n"
     "三井住友カード株式会社"),
    ("card", "phishing", "楽天カード株式会社", "service@rakuten-card-jp.example.com", "お客様のアカウントは制限されています",
     "尊敬するお客様\n\nお客様のアカウントは制限されています。\n"
     "最近、お客様のカードに異常なログインが検出されたので、安全のため、アカウントを一時停止しております。"
     "下記のリンクをクリックして、お客様の情報を更新してください。\n"
     "更新しない場合は、お客様のアカウントが永久に利用できないになりますのでご注意ください。\n\n"
     "http://192.0.2.44/rakuten/update.php\n\n楽天カード株式会社"),
    ("card", "phishing", "MUFG", "no-reply@mufg-kakunin.example.net", "口座凍結のお知らせ",
     "【三菱UFJ銀行】お客様の口座が一時凍結されました。取引を再開するには本人確認が必要です。"
     "https://mufg-kakunin.example.net/k"),
    ("card", "phishing", "カード会員サービス", "support@member-check.example.com", "【必ずご確認ください】お支払い方法の確認",
     "いつもご利用ありがとうございます。\n"
     "ご登録のお支払い方法に問題が発生したため、現在カードのご利用を停止しております。"
     "引き続きご利用いただくには、会員ページにてカード番号・有効期限・セキュリティコードを再登録してください。\n"
     "https://member-check.example.com/card/renew\n"
     "本メール送信後72時間以内にお手続きが確認できない場合、会員資格を失効いたします。"),
    # --- card_call: the same without a link
    ("card_call", "phishing", "カードセンター セキュリティ担当", "security@cardcenter-desk.example.net",
     "【至急】不正利用の疑いがあるお取引について",
     "お客様のクレジットカードにおいて、海外サイトでの高額なご利用(198,000円)が確認されました。"
     "ご本人様によるご利用か確認が取れるまで、カードのご利用を一時停止しております。\n"
     "本日中に下記の専用ダイヤルまでお電話いただき、オペレーターにカード番号と暗証番号をお伝えください。\n\n"
     "不正利用専用ダイヤル:0120-000-000(24時間受付)\n\nご連絡がない場合、カードは自動的に解約となります。"),
    ("card_call", "phishing", "JCBカスタマーセンター", "jcb-info@mail-desk.example.com", "ご本人様確認のお願い",
     "平素よりJCBカードをご利用いただき誠にありがとうございます。\n"
     "定期的なセキュリティ確認のため、本メールにご返信のうえ、以下の情報をお知らせくださいますようお願い申し上げます。\n\n"
     "・カード番号(16桁)\n・有効期限\n・セキュリティコード(裏面3桁)\n・生年月日\n・ご登録の電話番号\n\n"
     "ご返信いただけない場合、お客様のカードのご利用を制限させていただく場合がございます。"),
    ("card_call", "phishing", "PayPay銀行", "alert@ppbank-notice.example.net", "PayPay銀行からのお知らせ",
     "【PayPay銀行】お客様の口座で不審な取引がありました。確認のため至急 03-0000-0000 までお電話ください。"),
    ("card_call", "phishing", "銀行カスタマー", "kokyaku@bk-customer.example.com", "貴方の口座についての重要な連絡",
     "貴方の銀行口座は、不正な取引のために停止されます。\n"
     "停止を解除したいなら、このメールに返信して、貴方の名前、口座番号、暗証番号と住所を送ってください。\n"
     "私たちは確認してから、すぐに口座を回復します。\nありがとうございます。"),
    # --- parcel
    ("parcel", "phishing", "ヤマト運輸", "info@kuroneko-redeliver.example.net", "お荷物お届けのお知らせ",
     "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。"
     "https://kuroneko-redeliver.example.net/r?k=7731"),
    ("parcel", "phishing", "日本郵便", "post@jp-post-delivery.example.com", "【日本郵便】配達できなかったお荷物について",
     "いつも日本郵便をご利用いただきありがとうございます。\n\n"
     "ご指定の住所が不完全であったため、お荷物をお届けすることができませんでした。"
     "お手数ですが、下記ページにて配送先住所をご確認のうえ、再配達手数料(¥330)のお支払いをお願いいたします。\n\n"
     "お問い合わせ番号:4821-0933-1170\n再配達のお申し込み:https://jp-post-delivery.example.com/redelivery\n\n"
     "保管期限を過ぎますと、お荷物は差出人様へ返送されますのでご了承ください。"),
    ("parcel", "phishing", "佐川急便", "sagawa@delivery-update.example.net", "住所の更新が必要です",
     "【佐川急便】お客様のお荷物の住所は不完全のため、配達することができません。\n"
     "お客様の住所を更新してください。48時間以内に更新しないと、荷物は送り主に返送されます。\n"
     "住所を更新する: https://delivery-update.example.net/sagawa\n"),
    ("parcel", "phishing", "国際配送センター", "customs@intl-parcel.example.com", "関税のお支払いについて",
     "海外からのお荷物が税関で保留されています。お受け取りには関税(¥200)のお支払いが必要です。"
     "下記よりクレジットカードでお支払いください。\nhttps://intl-parcel.example.com/pay/duty\n期限:本日中"),
    # --- mailbox
    ("mailbox", "phishing", "メールサーバー管理者", "admin@mailbox-admin.example.net", "メールボックスの容量が上限に達しました",
     "taro.yamada@example.jp 様\n\n"
     "お使いのメールボックスの容量が上限(99%)に達しました。このままでは新しいメールを受信できなくなります。\n"
     "下記のリンクからログインし、ストレージの容量を無料で増やしてください。\n\n"
     "容量を増やす:https://mailbox-admin.example.net/owa/upgrade\n\n"
     "受信できなかったメール:14件\nこのメッセージはシステムから自動送信されています。"),
    ("mailbox", "phishing", "システム管理部", "it-desk@account-portal.example.com", "【要対応】パスワードの有効期限について",
     "taro.yamada@example.jp のパスワードの有効期限は本日(2026年12月3日)で切れます。\n"
     "現在のパスワードを引き続き使用するには、以下のボタンから手続きを行ってください。\n\n"
     "[現在のパスワードを維持する] https://account-portal.example.com/keep?u=taro.yamada\n\n"
     "手続きを行わない場合、アカウントはロックされます。"),
    ("mailbox", "phishing", "Webメールサポート", "support@webmail-verify.example.net", "アカウント確認の通知",
     "親愛なるユーザー、\nあなたのメールアカウントは確認されていない為、24時間以内に閉鎖されます。"
     "閉鎖を避けるには、ここをクリックしてアカウントを確認してください。\n"
     "http://webmail-verify.example.net/verify\nWebメールチーム © 2026"),
    ("mailbox", "phishing", "Microsoft 365", "noreply@m365-signin.example.com", "保留中のメッセージが 7 件あります",
     "Microsoft 365 から taro.yamada@example.jp へのお知らせ\n\n"
     "サインインに複数回失敗したため、7 件の受信メッセージが保留されています。"
     "メッセージを受信するには、アカウントを再認証してください。\n\n"
     "メッセージを確認する\nhttps://m365-signin.example.com/common/oauth2\n\n"
     "このリンクは 12 時間後に無効になります。"),
    # --- tax
    ("tax", "phishing", "国税庁", "info@nta-notice.example.net", "【国税庁】未納税金のお知らせ(最終通知)",
     "あなたの令和6年度分の所得税について、納付期限を過ぎても納付が確認できておりません。\n"
     "本通知は差押予告の最終通知となります。下記URLより速やかに納付してください。\n\n"
     "未納額:38,700円(延滞税を含む)\n納付期限:令和8年12月5日\n"
     "納付手続き:https://nta-notice.example.net/nozei\n\n"
     "期限までに納付が確認できない場合、財産の差押えを執行いたします。"),
    ("tax", "phishing", "e-Tax", "etax@etax-refund.example.com", "還付金の受取手続きのご案内",
     "e-Tax(国税電子申告・納税システム)をご利用いただきありがとうございます。\n"
     "令和7年分の所得税の還付金が確定しましたが、受取口座の情報に不備があるため、還付金をお振込みできません。\n"
     "下記より受取口座とご本人様確認のためのクレジットカード情報をご入力ください。\n"
     "https://etax-refund.example.com/kanpu\n"),
    ("tax", "phishing", "国税庁", "sms@nta-kanpu.example.net", "還付金のお知らせ",
     "【国税庁】所得税の還付金 38,400円 が未受取です。受取期限は本日までです。https://nta-kanpu.example.net"),
    ("tax", "scam", "税務署 管理課", "kanri@zeimusho-desk.example.com", "還付金の件でご連絡です",
     "税務署管理課の者です。\n"
     "医療費の還付金(29,800円)のお受け取り手続きがまだ済んでいないようです。本日が受付の最終日になっております。\n"
     "手続きはお近くのATMで行えますので、携帯電話をお持ちのうえ、下記までお電話ください。担当者がATMの操作をご案内します。\n"
     "還付金担当:03-0000-0000"),
    # --- benefit
    ("benefit", "phishing", "デジタル庁", "info@digital-kyufu.example.net", "【デジタル庁】給付金受取手続きのお知らせ",
     "マイナンバーカードをお持ちの方を対象とした特別給付金(50,000円)のお受け取り手続きが完了していません。\n"
     "下記サイトより、マイナンバーカードの暗証番号と受取口座を登録してください。\n"
     "https://digital-kyufu.example.net/myna\n受付期限:12月10日"),
    ("benefit", "phishing", "給付金事務局", "jimukyoku@kyufukin-center.example.com", "物価高騰対策給付金 受取手続きのご案内",
     "このたびの物価高騰対策給付金につきまして、お客様は支給対象となっております。\n"
     "つきましては、以下のURLより振込先口座情報およびご本人様確認書類をご登録いただきますようお願い申し上げます。\n"
     "https://kyufukin-center.example.com/apply\n"
     "期限内にご登録がない場合、受給資格を放棄したものとみなします。"),
    ("benefit", "phishing", "内閣府", "cao@shienkin-jp.example.net", "支援金受取",
     "【内閣府】緊急支援金10万円の受け取り手続きが未完了です。こちらから手続き http://shienkin-jp.example.net"),
    ("benefit", "scam", "補助金申請サポート", "support@hojokin-help.example.com", "補助金の申請を代行いたします",
     "突然のご連絡失礼いたします。\n"
     "現在、個人事業主の方を対象に最大200万円の補助金が受け取れる制度がございます。"
     "当社では面倒な申請をすべて代行いたします。\n"
     "ご希望の方は、事前の審査手数料として5,000円を下記口座へお振込みのうえ、本メールにご返信ください。\n"
     "振込先:サンプル銀行 本店営業部 普通 0000000"),
    # --- prize
    ("prize", "phishing", "Amazon", "prize@amazon-present.example.net", "【おめでとうございます】アンケート謝礼のご案内",
     "Amazonをご利用いただきありがとうございます。\n"
     "先日のお客様満足度アンケートにご回答いただいたお礼として、抽選で最新スマートフォンが当たりました!\n"
     "賞品は無料ですが、送料(¥200)のみご負担いただきます。下記ページでお届け先とカード情報をご入力ください。\n"
     "https://amazon-present.example.net/reward\n※本日23:59まで有効"),
    ("prize", "scam", "懸賞当選事務局", "tousen@lucky-win.example.com", "当選確定のご連絡",
     "おめでとうございます!あなたは厳正なる抽選の結果、1,000万円の当選者に選ばれました。\n"
     "賞金のお受け取りには、受取手続き手数料として3,000円が必要となります。"
     "電子マネー(ギフトカード)でのお支払いも可能です。本メールにご返信いただければ、手続きの詳細をお送りします。"),
    ("prize", "scam", "プレゼント", "gift@campaign-now.example.net", "当選のお知らせ",
     "おめでとうございます!あなたは抽選でiPhoneに当選しました。受取はこちら https://campaign-now.example.net/w"),
    ("prize", "scam", "国際宝くじ委員会", "lottery@intl-lotto.example.com", "あなたのメールアドレスが当選しました",
     "親愛なる当選者様、\n"
     "あなたのメールアドレスは、国際電子メール宝くじで第1位に選ばれ、賞金85万米ドルを獲得しました。"
     "賞金を受け取るには、あなたの氏名、住所、電話番号を私たちに返信してください。"
     "送金のための手数料は、当選者が負担することになります。\n宝くじ委員会 担当者"),
    # --- advance
    ("advance", "scam", "弁護士事務所", "lawoffice@legal-estate.example.net", "ご親族の遺産相続に関するご連絡",
     "突然のご連絡失礼いたします。私は海外在住の日本人顧客の遺産管理を担当している弁護士です。\n"
     "昨年亡くなられた当方の顧客が、貴殿と同じ姓であり、遺言がないまま約4億円の預金を残しております。"
     "法定相続人が見つからないため、貴殿を近親者としてお手続きを進めたく存じます。\n"
     "本件は合法的に処理できますので、ご関心があれば本メールにご返信ください。"
     "なお、書類作成費用および送金手数料として事前に一部ご負担いただく必要がございます。"),
    ("advance", "scam", "Mr. Director", "director@bank-audit.example.com", "極秘の取引提案",
     "こんにちは、私の友人。\n私はある銀行の監査部長です。死亡した顧客の口座に850万米ドルが残っています。"
     "誰もこのお金を請求しませんので、あなたを受取人として申請したいです。私たちは50対50で分けます。"
     "これは100%安全で、合法的です。\nあなたのフルネーム、住所、電話番号を送ってください。"
     "送金のための少しの手数料が必要です。秘密を守ってください。"),
    ("advance", "scam", "高橋 花", "hana@personal-mail.example.net", "私の財産をお譲りしたいのです",
     "はじめまして。突然のメールで驚かせてしまい申し訳ありません。\n"
     "私は夫に先立たれ、子どももおりません。先日、医師から余命を告げられました。"
     "残された財産の一部(約2,800万円)を、信頼できる方にお譲りしたいと考えております。\n"
     "お受け取りいただけるのであれば、ご返信ください。受け取りに必要な手続き費用だけはご負担いただくことになりますが、"
     "詳しくは担当の者からご説明いたします。"),
    ("advance", "scam", "資金管理センター", "center@fund-release.example.com", "未受取資金のお受け取りについて",
     "お客様名義で保留されている資金3,000万円のお受け取り手続きが完了していません。\n"
     "資金の凍結を解除するには、解除手数料28,000円のお振込みが必要です。"
     "お振込みが確認でき次第、ただちに全額をお客様の口座へ送金いたします。\n"
     "本日中にご返信いただけない場合、権利は消滅します。"),
    # --- invest
    ("invest", "scam", "副業サポート事務局", "info@fukugyo-easy.example.net", "スマホで1日5分、月収50万円",
     "【完全在宅】スマホ1台で1日たった5分の作業、未経験でも月収50万円以上が可能です!\n"
     "すでに3,000人以上が成功しています。今なら先着30名様に限り無料でノウハウをお教えします。\n"
     "LINEで友だち追加してください → https://fukugyo-easy.example.net/line\n"),
    ("invest", "scam", "AIトレード事務局", "ai@crypto-profit.example.com", "AI自動売買で月利30%保証",
     "ビットコインのAI自動売買システムのご案内です。元本保証・月利30%。"
     "ほったらかしで毎日利益が出ます。今だけ初回入金5万円から始められます。\n"
     "登録はこちら:https://crypto-profit.example.com/start\n定員になり次第締め切ります。"),
    ("invest", "scam", "株式投資研究会", "study@kabu-salon.example.net", "無料株式勉強会のご招待",
     "こんにちは。有名投資家が講師を務める無料の株式勉強会(LINEグループ)にご招待いたします。\n"
     "講師が毎日推奨銘柄を無料で配信しており、参加者の多くが月に100万円以上の利益を得ています。\n"
     "参加をご希望の方は、本メールにお名前と携帯電話番号をご返信ください。アシスタントからご連絡いたします。"),
    ("invest", "scam", "暗号資産取引所サポート", "support@coin-exchange.example.com", "出金手続きについて",
     "お客様の口座残高は 1,250万円 です。\n"
     "出金をご希望の場合、事前に税金(利益の15%)および出金手数料をお支払いいただく必要があります。"
     "お支払いが確認でき次第、出金処理を行います。\n"
     "支払い先のUSDTアドレス:T0000000000000000000000000000000000\n本件は担当マネージャーまでお問い合わせください。"),
    # --- callback
    ("callback", "scam", "動画サイト運営事務局", "jimukyoku@douga-pay.example.net", "未払い料金のご連絡",
     "お客様がご利用された有料動画サイトの料金が未払いとなっております。\n"
     "本日中にご連絡がない場合、法的手続きに移行し、延滞金と調査費用を含めて請求させていただきます。\n"
     "退会・お支払いのご相談は下記まで。\n担当:03-0000-0000(受付 9時〜18時)"),
    ("callback", "scam", "料金センター", "ryokin@billing-center.example.com", "【重要】ご利用料金未納のお知らせ",
     "平素は格別のご高配を賜り厚く御礼申し上げます。\n"
     "お客様のご利用料金につきまして、お支払いが確認できておりません。"
     "本メール受信後、速やかに下記サポートセンターまでご連絡くださいますようお願い申し上げます。\n\n"
     "お問い合わせ先:料金サポートセンター 0120-000-000\n受付時間:平日 9:00〜17:00\n\n"
     "※期日までにご連絡がない場合、法的措置を取らせていただく場合がございます。"),
    ("callback", "scam", "ノートン", "renew@security-renewal.example.net", "ご契約の自動更新が完了しました",
     "ノートン 360 のご契約が自動更新されました。\n"
     "ご請求金額:49,800円\nご注文番号:NT-000-000\n"
     "本更新にお心当たりがない場合、または解約・返金をご希望の場合は、24時間以内に下記までお電話ください。\n"
     "返金窓口:0120-000-001"),
    ("callback", "scam", "NTTファイナンス", "info@ntt-billing.example.com", "未払い料金の連絡",
     "【NTTファイナンス】ご利用料金の未払いがあります。本日中にご連絡下さい。03-0000-0001"),
    # --- points
    ("points", "phishing", "楽天ポイント", "point@rakuten-point-jp.example.net", "【楽天】本日失効予定のポイントがあります",
     "楽天会員 様\n\n"
     "お客様の保有ポイントのうち、12,500ポイントが本日失効予定です。\n"
     "下記からログインしていただくと、ポイントの有効期限を延長できます。\n"
     "https://rakuten-point-jp.example.net/login\n\n楽天グループ株式会社"),
    ("points", "phishing", "dポイントクラブ", "club@dpoint-bonus.example.com", "dポイント付与のお知らせ",
     "dポイントクラブ会員の皆様へ\n"
     "いつもご利用ありがとうございます。キャンペーン特典として5,000ポイントを付与いたします。"
     "ポイントの受け取りには、dアカウントでのログインとご本人様確認が必要です。\n"
     "受け取り手続き:https://dpoint-bonus.example.com/get\n受付は12月5日までとなります。"),
    ("points", "phishing", "au PAY", "aupay@au-pt.example.net", "ポイント付与",
     "【au PAY】3,000pt付与の手続きが未完了です。本日まで https://au-pt.example.net"),
    ("points", "phishing", "ポイントサービス", "service@point-expire.example.com", "あなたのポイントは期限切れようとしています",
     "親愛なる会員様\n"
     "あなたのポイントは期限が切れようとしています。あなたのポイント8,930を失われないように、"
     "今すぐアカウントにログインしてポイントを交換してください。\n"
     "http://point-expire.example.com/exchange\nありがとうございます。"),
    # --- fine
    ("fine", "phishing", "ETC利用照会サービス", "etc@etc-meisai.example.net", "ETCサービスは無効になりました",
     "ETC利用照会サービスをご利用いただきありがとうございます。\n"
     "お客様のETCカードの有効期限が切れているため、ETCサービスは無効になりました。"
     "また、未払いの通行料金が確認されています。引き続きご利用いただくには、下記より情報を更新してください。\n"
     "https://etc-meisai.example.net/update\n"
     "期限内に手続きがない場合、高速道路の利用ができなくなります。"),
    ("fine", "phishing", "交通反則通告センター", "notice@koutsu-ihan.example.com", "【交通違反】反則金未納のお知らせ",
     "あなたの車両による速度超過違反について、反則金(15,000円)の納付が確認できておりません。\n"
     "納付期限を過ぎた場合、刑事手続きに移行します。以下のURLからクレジットカードで納付してください。\n"
     "https://koutsu-ihan.example.com/pay\n"),
    ("fine", "scam", "警視庁 捜査二課", "sousa@keishicho-desk.example.net", "捜査へのご協力のお願い",
     "警視庁捜査二課の者です。\n"
     "現在捜査中の詐欺事件で逮捕した容疑者が、あなた名義の銀行口座を犯罪に利用していたことが判明しました。"
     "あなたにも共犯の疑いがかかっています。\n"
     "口座の資金を保全するため、本日中に下記の担当刑事まで連絡してください。この件は他言しないでください。\n"
     "担当:03-0000-0002"),
    ("fine", "scam", "民事訴訟管理センター", "court@minji-soshou.example.com", "訴訟最終通知書",
     "貴殿が契約された会社から、契約不履行による民事訴訟が提起されたことを通知いたします。\n"
     "裁判取り下げ期日を過ぎますと、給料・動産・不動産の差し押さえを強制執行させていただきます。\n"
     "取り下げのご相談は、下記までご連絡ください。\n"
     "民事訴訟管理センター 03-0000-0003\n取り下げ最終期日:令和8年12月4日"),
]

# (class, the sender's own domain, display name, subject, body)
ORDINARY: list[tuple[str, str, str, str, str]] = [
    # --- card
    ("card", "card.example.jp", "サンプルカード", "【サンプルカード】カードご利用のお知らせ",
     "山田 太郎 様\n\nサンプルカードをご利用いただきありがとうございます。\n"
     "お客様のカードのご利用がありましたのでお知らせいたします。\n\n"
     "ご利用日時:2026/12/02 19:42\nご利用先:サンプルスーパー\nご利用金額:3,280円\n\n"
     "ご利用内容の詳細は、会員専用サイトでご確認いただけます。"
     "お心当たりのないご利用の場合は、カード裏面に記載の電話番号までお問い合わせください。\n\n"
     "※本メールは送信専用のため、ご返信いただいてもお答えできません。"),
    ("card", "bank.example.jp", "例示銀行", "【ご注意】当行を装った不審なメールにご注意ください",
     "例示銀行をご利用いただきありがとうございます。\n\n"
     "最近、当行を装い「口座を一時停止しました」「本人確認が必要です」などと記載したメールやSMSが送られ、"
     "偽のログイン画面に誘導してパスワードやワンタイムパスワードを盗み取る事例が多発しています。\n"
     "当行がメールやSMSでインターネットバンキングのログインを求めたり、暗証番号をお尋ねしたりすることはありません。"
     "不審なメールに記載されたリンクは絶対にクリックしないでください。\n"
     "ログインの際は、ブックマークまたは公式アプリをご利用ください。"),
    ("card", "example.jp", "鈴木 一郎", "Re: 変なメール",
     "太郎へ\n\n転送ありがとう。見たけど、それたぶん偽物だよ。本人確認とか利用停止とか書いてあるけど、"
     "送信元がカード会社のアドレスじゃないし、リンクも変なところに飛ぶみたい。"
     "うちにも似たようなのが先週来てた。リンクは開かずに削除して、心配ならカードの裏の番号に電話してみて。\n\n一郎"),
    ("card", "card.example.jp", "サンプルカード", "新しいカードを発送いたしました",
     "山田 太郎 様\n\nいつもサンプルカードをご利用いただきありがとうございます。\n"
     "お持ちのカードの有効期限が近づいているため、新しいカードを簡易書留にて発送いたしました。"
     "12月中旬までにお届けの予定です。\n"
     "お受け取り後、カード裏面にご署名のうえ、公共料金などのお支払い先に登録されている場合は、"
     "必要に応じて新しい有効期限へのご変更をお願いいたします。旧カードははさみを入れて破棄してください。"),
    # --- card_call
    ("card_call", "bank.example.jp", "例示銀行 お客さまセンター", "お電話でのご確認について",
     "山田 太郎 様\n\n先ほどはお電話に出られなかったようでしたので、メールにてご連絡いたします。\n"
     "12月2日のお振込み(50万円)について、念のためご本人様のお手続きかどうか確認させていただきたく、"
     "お電話を差し上げました。お手すきの際に、キャッシュカード裏面に記載のお客さまセンターまでご連絡ください。\n"
     "なお、当行の行員が暗証番号やインターネットバンキングのパスワードをお伺いすることは一切ございません。"),
    ("card_call", "corp.example.jp", "経理部 田中", "法人カードの利用停止手続きについて",
     "各位\n\n経理部の田中です。\n来月退職・異動される方が利用している法人カードは、"
     "最終出社日までに経理部へ返却をお願いします。経理部からカード会社へ利用停止の手続きを行います。\n"
     "返却時にカード番号などをメールで送る必要はありません。カードそのものを封筒に入れて経理部の箱に入れてください。\n"
     "不明点は内線 1234 まで。"),
    ("card_call", "example.jp", "山田 花子", "お母さんの件",
     "お兄ちゃんへ\n\n昨日、お母さんのところに銀行を名乗る人から電話があって、"
     "「カードが不正利用されているので暗証番号を教えてほしい」と言われたんだって。"
     "お母さんは怪しいと思ってすぐ切って、銀行に直接電話して確認したら、そんな電話はしていないとのこと。\n"
     "念のためカードは止めてもらったよ。お兄ちゃんからも一度電話してあげて。"),
    ("card_call", "card.example.jp", "サンプルカード", "ご登録電話番号の変更を承りました",
     "山田 太郎 様\n\nご登録の電話番号の変更を承りました。\n"
     "変更日時:2026年12月2日 21:05\n\n"
     "このお手続きにお心当たりがない場合は、お手数ですがカード裏面のお問い合わせ窓口までお電話ください。"
     "お心当たりがある場合は、このメールへの対応は不要です。"),
    # --- parcel
    ("parcel", "unyu.example.jp", "サンプル運輸", "【サンプル運輸】ご不在連絡",
     "山田 太郎 様\n\n本日 14:20 にお荷物をお届けにあがりましたが、ご不在でしたので持ち帰りました。\n\n"
     "伝票番号:0000-0000-0000\nご依頼主:サンプル通販\n保管期限:12月10日\n\n"
     "再配達のご依頼は、会員サービスまたはドライバーの携帯電話(不在連絡票に記載)にて承ります。"
     "再配達に料金はかかりません。"),
    ("parcel", "shop.example.jp", "サンプル通販", "ご注文商品を発送いたしました",
     "山田 太郎 様\n\nこの度はサンプル通販をご利用いただき、誠にありがとうございます。\n"
     "ご注文の商品を本日発送いたしました。\n\n"
     "ご注文番号:SMP-20261203-0042\n配送業者:ヤマト運輸\n送り状番号:0000-1111-2222\n"
     "お届け予定日:12月5日(午前中)\n\n"
     "配送状況は、ヤマト運輸のお荷物問い合わせサービスで送り状番号を入力してご確認ください。"),
    ("parcel", "unyu.example.jp", "サンプル運輸", "再配達のご依頼を承りました",
     "山田 太郎 様\n\n再配達のご依頼を承りました。\n\n"
     "伝票番号:0000-0000-0000\nお届け希望日時:12月4日 19時〜21時\n\n"
     "ご依頼内容の変更はマイページから可能です。当社から再配達の料金をご請求することはありません。"),
    ("parcel", "example.jp", "佐藤 健", "荷物の受け取りお願い",
     "お疲れさま。明日の午前中に実家から米が届く予定なんだけど、仕事で家にいないので受け取ってもらえる?\n"
     "もし不在票が入ってたら、再配達を夜に頼んでおいてくれると助かる。送料は向こう持ちだから払わなくていいよ。"),
    # --- mailbox
    ("mailbox", "corp.example.jp", "情報システム部", "【情報システム部】メールボックス容量のお知らせ",
     "山田 太郎 さん\n\n情報システム部です。\n"
     "山田さんのメールボックスの使用量が上限の90%を超えています。上限に達すると新しいメールを受信できなくなります。\n"
     "不要なメールや大きな添付ファイルを削除するか、アーカイブ機能をご利用ください。\n"
     "容量の増加が必要な場合は、社内ポータルの申請フォームからお申し込みください。\n"
     "※このお知らせに返信してパスワードを送る必要はありません。"),
    ("mailbox", "corp.example.jp", "情報システム部", "パスワード変更ルールの見直しについて",
     "全社員各位\n\n"
     "情報システム部より、パスワードの運用ルール変更についてお知らせします。\n"
     "来年1月から、定期的なパスワード変更(90日ごと)を廃止し、代わりに多要素認証を全員必須とします。\n"
     "設定手順は社内ポータルの「セキュリティ」ページに掲載しています。"
     "メールのリンクからパスワードの入力を求めることはありませんので、そのようなメールが届いた場合は情報システム部へ転送してください。"),
    ("mailbox", "mail.example.net", "サンプルメール サポート", "メンテナンスのお知らせ(12月8日)",
     "サンプルメールをご利用のみなさまへ\n\n"
     "サーバーのメンテナンスのため、下記の時間帯にWebメールがご利用いただけません。\n"
     "日時:2026年12月8日(火)2:00〜5:00\n"
     "メンテナンス中に届いたメールは、終了後に順次配信されます。お客様の操作は必要ありません。"),
    ("mailbox", "corp.example.jp", "高橋", "共有フォルダの容量について",
     "山田さん\n\nお疲れさまです。営業部の共有フォルダがいっぱいになりかけているみたいで、"
     "情シスから整理してほしいと連絡がありました。\n"
     "2023年以前の見積書のフォルダはアーカイブに移してもよいでしょうか?金曜までにご確認いただけると助かります。\n\n高橋"),
    # --- tax
    ("tax", "e-tax.example.jp", "e-Tax", "メッセージボックスへの格納のお知らせ",
     "山田 太郎 様\n\n"
     "e-Tax(国税電子申告・納税システム)のメッセージボックスに、お知らせを格納しました。\n"
     "e-Taxにログインのうえ、メッセージボックスの内容をご確認ください。\n\n"
     "※このメールは送信専用です。国税庁では、メールやSMSで税金の納付を求めたり、"
     "還付金の受取のために口座情報やカード情報の入力を求めたりすることはありません。"),
    ("tax", "zeirishi.example.jp", "サンプル税理士事務所", "確定申告のご準備について",
     "山田 太郎 様\n\nいつもお世話になっております。サンプル税理士事務所です。\n"
     "令和8年分の確定申告の時期が近づいてまいりましたので、ご準備をお願いいたします。\n"
     "医療費の領収書、ふるさと納税の受領証明書、生命保険料控除証明書などを、1月末までに郵送またはご持参ください。\n"
     "昨年は医療費控除で還付がありましたので、今年も領収書は捨てずに保管しておいてください。"),
    ("tax", "city.example.jp", "サンプル市 市民税課", "住民税の納付書について",
     "サンプル市市民税課です。\n"
     "令和8年度 個人住民税(普通徴収)の第4期の納期限は、令和9年1月31日です。\n"
     "お手元の納付書により、金融機関・コンビニエンスストア・スマートフォン決済アプリで納付できます。\n"
     "市役所から電話やメールで税金の振込先を指定することはありませんので、ご注意ください。"),
    ("tax", "example.jp", "山田 次郎", "還付金入ってた",
     "兄さん\n\n確定申告の還付金、今日口座に入ってたよ。思ってたより早かった。"
     "e-Taxで出したから楽だった。来年もやり方教えてね。\n次郎"),
    # --- benefit
    ("benefit", "city.example.jp", "サンプル市 福祉課", "物価高騰対策給付金のご案内",
     "サンプル市福祉課です。\n"
     "令和8年度住民税非課税世帯を対象に、1世帯あたり3万円の物価高騰対策給付金を支給します。\n"
     "対象の世帯には12月中旬に確認書を郵送します。確認書に必要事項をご記入のうえ、同封の返信用封筒でご返送ください。\n"
     "市や国の職員が、給付金の手続きでATMの操作をお願いしたり、手数料の振込を求めたりすることは絶対にありません。"
     "不審な電話やメールにご注意ください。"),
    ("benefit", "jutaku.example.jp", "サンプル住宅", "省エネ改修の補助金申請について",
     "山田 太郎 様\n\nいつもお世話になっております。サンプル住宅の担当です。\n"
     "先日ご相談いただいた窓の断熱改修について、国の補助金の対象となる見込みです。"
     "申請は当社が登録事業者として行いますので、お客様のご負担は書類へのご署名のみです。\n"
     "次回の打ち合わせの際に、本人確認書類のコピーをご用意ください。"),
    ("benefit", "npo.example.net", "NPO法人サンプル", "支援金のご報告とお礼",
     "ご支援者の皆さまへ\n\n"
     "先月呼びかけた災害支援金には、全国から312万円のご寄付をいただきました。心より御礼申し上げます。\n"
     "いただいた支援金は、被災地の避難所への物資購入と、ボランティアの交通費に充てています。"
     "収支の詳細は年度末の報告書で公開いたします。"),
    ("benefit", "example.jp", "佐藤 由美", "給付金の確認書",
     "お母さんへ\n\n市役所から給付金の確認書が届いてたよ。書いて返送すれば、来月口座に振り込まれるみたい。"
     "口座番号は通帳を見て書けば大丈夫。電話で何か聞かれても答えないでね。週末に一緒に書こうか。\n由美"),
    # --- prize
    ("prize", "shop.example.jp", "サンプル通販", "【当選のお知らせ】冬のプレゼントキャンペーン",
     "山田 太郎 様\n\n"
     "先日は「冬のプレゼントキャンペーン」にご応募いただき、誠にありがとうございました。\n"
     "厳正なる抽選の結果、山田様がA賞「電気ケトル」にご当選されましたのでお知らせいたします。\n"
     "賞品は、ご登録のご住所へ12月中旬に発送いたします。お客様のお手続きや送料のご負担はございません。\n"
     "今後ともサンプル通販をよろしくお願いいたします。"),
    ("prize", "research.example.jp", "サンプルリサーチ", "アンケート謝礼ポイント付与のお知らせ",
     "モニター会員 様\n\n先日は「食生活に関するアンケート」にご協力いただき、ありがとうございました。\n"
     "謝礼として 300ポイント を付与いたしました。ポイントの残高はマイページでご確認いただけます。\n"
     "次回の調査のご案内も、どうぞよろしくお願いいたします。"),
    ("prize", "shop.example.jp", "サンプル通販", "抽選結果のお知らせ",
     "山田 太郎 様\n\n"
     "このたびは限定モデルの抽選販売にお申し込みいただき、ありがとうございました。\n"
     "厳正なる抽選の結果、誠に残念ながら今回はご希望に添えない結果となりました。"
     "またのご応募を心よりお待ちしております。"),
    ("prize", "corp.example.jp", "中村", "懸賞当たった!",
     "山田さん\n\nこの前話してた雑誌の懸賞、まさかの当選でした(笑)。"
     "QUOカード千円分なんですけど、ちゃんと当選通知のハガキが来ました。今度お菓子でも買って差し入れしますね。\n中村"),
    # --- advance
    ("advance", "shihoshoshi.example.jp", "サンプル司法書士事務所", "相続登記のお手続きについて",
     "山田 太郎 様\n\nいつもお世話になっております。サンプル司法書士事務所です。\n"
     "お父様の相続に伴う不動産の名義変更(相続登記)について、必要書類が揃いましたので法務局へ申請いたしました。\n"
     "登記完了までおよそ2週間の見込みです。完了後、登記識別情報通知をお渡しいたします。\n"
     "報酬および登録免許税のご請求書は、先日お渡ししたお見積りのとおりです。"),
    ("advance", "example.jp", "山田 花子", "遺産分割の話",
     "お兄ちゃんへ\n\nおばあちゃんの遺産の件、弁護士さんと話して、預金は三人で等分、家は叔父さんが相続する方向で"
     "まとまりそう。遺産分割協議書の案が来週届くから、内容を見て署名してね。\n"
     "相続税はかからない見込みだって。何か意見があれば、今週中に教えて。"),
    ("advance", "bank.example.jp", "例示銀行", "相続手続きのご案内",
     "山田 太郎 様\n\nこのたびはご愁傷様でございます。\n"
     "故人様名義の預金口座の相続手続きには、戸籍謄本、遺産分割協議書、相続人の印鑑証明書などが必要となります。\n"
     "必要書類の詳細は、同封の「相続手続きのご案内」をご覧いただくか、お取引店の窓口にご相談ください。"
     "手続きに伴い当行が手数料を前払いで求めることはございません。"),
    ("advance", "example.jp", "小林", "遺品整理のこと",
     "山田さん\n\n先日はお忙しいところ、祖父の葬儀に来ていただきありがとうございました。\n"
     "来月、実家の遺品整理をする予定です。古い釣り道具がたくさん出てきそうなので、"
     "もしよければ山田さんにお譲りしたいのですが、いかがですか。\n小林"),
    # --- invest
    ("invest", "shoken.example.jp", "サンプル証券", "【サンプル証券】マーケット週報 12月第1週",
     "サンプル証券をご利用いただきありがとうございます。\n\n"
     "今週の日経平均株価は前週比で小幅に上昇しました。来週は日銀の金融政策決定会合に注目が集まります。\n"
     "新NISAの年間投資枠の残りは、マイページの「NISA口座」から確認できます。\n\n"
     "※本メールは情報提供を目的としたものであり、投資勧誘を目的としたものではありません。"
     "投資にあたっては、元本割れのリスクがあることをご理解のうえ、ご自身の判断でお願いいたします。"),
    ("invest", "coin.example.jp", "サンプル暗号資産取引所", "定期メンテナンスのお知らせ",
     "いつもサンプル暗号資産取引所をご利用いただきありがとうございます。\n"
     "システムの定期メンテナンスのため、12月9日(水)0:00〜4:00の間、すべてのサービスを停止いたします。\n"
     "メンテナンス中は、暗号資産の入出金および取引がご利用いただけません。ご不便をおかけしますが、ご理解のほどお願いいたします。"),
    ("invest", "corp.example.jp", "人事部", "副業に関する社内規程の改定について",
     "社員各位\n\n人事部です。\n"
     "来年4月より、副業・兼業に関する社内規程を改定し、事前届出制とします。"
     "副業を希望する方は、所定の届出書を人事部へ提出してください。"
     "なお、当社の業務と競合する副業や、勤務時間中の副業は引き続き禁止です。\n"
     "説明会は12月15日に開催します。"),
    ("invest", "example.jp", "伊藤", "NISAの件",
     "山田へ\n\nこの前話してたNISA、結局インデックスの投資信託を毎月3万円で積み立て始めたよ。"
     "SNSで「絶対儲かる」みたいな投資の話がたくさん流れてくるけど、ああいうのは詐欺が多いらしいから気をつけて。\n伊藤"),
    # --- callback
    ("callback", "denki.example.jp", "サンプル電力", "【サンプル電力】11月分 電気料金のお知らせ",
     "山田 太郎 様\n\n11月分の電気料金が確定しました。\n\n"
     "ご使用量:312kWh\nご請求金額:9,846円\nお支払い予定日:12月25日(口座振替)\n\n"
     "詳しい内訳はマイページでご確認いただけます。お問い合わせは、カスタマーセンター 0120-000-000 "
     "(平日 9:00〜17:00)までお願いいたします。"),
    ("callback", "isp.example.jp", "サンプルネット", "お支払い確認のお願い",
     "山田 太郎 様\n\n11月分のご利用料金(5,500円)について、ご指定のクレジットカードでの決済ができませんでした。\n"
     "カードの有効期限が切れている可能性がございます。"
     "お手数ですが、会員サポートページにログインし、お支払い方法をご確認ください。\n"
     "ご不明な点は、サポートセンター 0120-000-001 までお問い合わせください。"),
    ("callback", "soft.example.jp", "サンプルソフト", "ご契約更新のお知らせ",
     "山田 太郎 様\n\nいつもサンプルセキュリティをご利用いただきありがとうございます。\n"
     "ご契約は2027年1月10日に自動更新されます(年額 5,280円)。"
     "自動更新を停止したい場合は、更新日の前日までにマイページの「契約情報」から設定を変更してください。\n"
     "当社から電話で解約や返金のご案内をすることはありません。"),
    ("callback", "corp.example.jp", "総務 小川", "未払いの請求書について",
     "山田さん\n\nお疲れさまです。総務の小川です。\n"
     "サンプル印刷さんから、10月分の請求書(名刺印刷 12,100円)が未払いになっていると電話がありました。"
     "山田さんの部署宛てのものだと思うので、経費精算の状況を確認していただけますか。\n小川"),
    # --- points
    ("points", "point.example.jp", "サンプルポイントクラブ", "ポイント有効期限のお知らせ",
     "山田 太郎 様\n\nいつもサンプルポイントクラブをご利用いただきありがとうございます。\n"
     "お客様の保有ポイントのうち、1,200ポイントが2026年12月31日に有効期限を迎えます。\n"
     "期限内にお買い物でご利用いただくか、提携先のポイントへの交換をご検討ください。\n"
     "保有ポイントと有効期限は、公式アプリまたは会員サイトでご確認いただけます。"),
    ("points", "point.example.jp", "サンプルポイントクラブ", "キャンペーンポイント付与のお知らせ",
     "山田 太郎 様\n\n「秋の買い回りキャンペーン」の特典ポイント 500ポイント を付与いたしました。\n"
     "付与日:2026年12月1日\n有効期限:2027年2月28日(期間限定ポイント)\n"
     "お手続きは不要です。引き続きサンプルポイントクラブをよろしくお願いいたします。"),
    ("points", "super.example.jp", "サンプルスーパー", "今週のお得情報",
     "サンプルスーパー会員の皆さまへ\n\n"
     "今週末(12月5日・6日)はポイント5倍デーです。冬の鍋セットや年末の準備に、ぜひご利用ください。\n"
     "年内で失効するポイントがある方は、この機会にお使いください。"),
    ("points", "example.jp", "山田 花子", "ポイント",
     "お兄ちゃん、前に言ってたドラッグストアのポイント、今月末で切れるらしいよ。"
     "3,000ポイントくらい残ってたはずだから、洗剤とかまとめ買いしておいたら?"),
    # --- fine
    ("fine", "police.example.jp", "サンプル県警察本部", "【注意喚起】警察官をかたる詐欺にご注意ください",
     "サンプル県警察からのお知らせです。\n\n"
     "県内で、警察官を名乗る者から「あなたの口座が犯罪に使われている」「逮捕状が出ている」などと電話があり、"
     "現金やキャッシュカードをだまし取られる被害が相次いでいます。\n"
     "警察が電話やメール、SNSで現金の振込みや口座の暗証番号を求めることは絶対にありません。"
     "不審な電話は一度切り、最寄りの警察署または警察相談専用電話 #9110 にご相談ください。"),
    ("fine", "etc.example.jp", "サンプルETC利用照会", "ETC利用明細 確定のお知らせ",
     "山田 太郎 様\n\n2026年11月分のETCご利用明細が確定しました。\n"
     "ご利用件数:6件\nご利用金額合計:8,420円\n\n"
     "明細は、登録済みのIDでログインのうえご確認ください。"
     "本サービスがメールでカード情報の入力を求めたり、サービスの停止をお知らせしたりすることはありません。"),
    ("fine", "example.jp", "山田 次郎", "反則金払ってきた",
     "兄さん\n\n先週、一時停止を見落として捕まった件、今日郵便局で反則金(7,000円)を払ってきた。"
     "青切符と一緒にもらった納付書で払えたよ。点数も2点引かれたから、しばらく安全運転する。\n次郎"),
    ("fine", "bengoshi.example.jp", "サンプル法律事務所", "第2回口頭弁論期日のご案内",
     "山田 太郎 様\n\nいつもお世話になっております。サンプル法律事務所です。\n"
     "ご依頼いただいている損害賠償請求事件について、第2回口頭弁論期日が令和9年1月20日(水)午前10時に決まりました。\n"
     "ご本人の出席は必須ではありませんが、事前の打ち合わせを1月上旬にお願いしたく存じます。"
     "ご都合のよい日時をお知らせください。"),
]


def _encoded(text: str) -> str:
    """A header phrase as Japanese mailers write it: RFC 2047 B-encoded UTF-8 unless it is ASCII."""
    return text if text.isascii() else Header(text, "utf-8").encode()


def _mail(name: str, address: str, subject: str, body: str, auth: str, n: int) -> bytes:
    head = (f"Authentication-Results: {auth}\nFrom: {_encoded(name)} <{address}>\nTo: taro.yamada@example.jp\n"
            f"Subject: {_encoded(subject)}\nDate: Thu, 03 Dec 2026 10:02:05 +0900\n"
            f"Message-ID: <ja10.{n}@{address.rpartition('@')[2]}>\nMIME-Version: 1.0\n"
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n')
    return (head + body + "\n").encode()


def _aligned(domain: str) -> str:
    return (f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass header.from={domain}")


def _unaligned(domain: str) -> str:
    return f"mx.example.jp; spf=pass smtp.mailfrom={domain}; dkim=none; dmarc=none header.from={domain}"


def _rules(analysis: object) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" + (f":{how}" if (how := dict(f.params).get("how", "")) else "")
                     for f in analysis.findings)  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    started = time.perf_counter()
    caught: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for n, (cls, expected, name, address, subject, body) in enumerate(LURES):
        domain = address.rpartition("@")[2]
        for form, data in (("mail", _mail(name, address, subject, body, _unaligned(domain), n)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            hit = a.verdict != "no_signs"
            good = hit and a.verdict in expected.split("|")
            for key in (form, cls, "all"):
                caught[key] += hit
                named[key] += good
            if listing and not good:
                what = "miss" if not hit else "wrong"
                print(f"{what:<5} {cls:<9} #{n:<2} {form:<5} {a.verdict:<10} want {expected:<8} [{_rules(a)}]")
    flagged: Counter[str] = Counter()
    for n, (cls, domain, name, subject, body) in enumerate(ORDINARY):
        for form, data in (("mail", _mail(name, f"info@{domain}", subject, body, _aligned(domain), 100 + n)),
                           ("paste", f"{subject}\n\n{body}".encode())):
            a = analyse(data)
            if a.verdict != "no_signs":
                for key in (form, cls, "all"):
                    flagged[key] += 1
                if listing:
                    print(f"alarm {cls:<9} #{n:<2} {form:<5} {a.verdict:<10} [{_rules(a)}]")
    nl, no = len(LURES), len(ORDINARY)
    print(f"\n{'class':<10} {'lures caught (named)':<22} ordinary flagged")
    for cls in CLASSES:
        per_l = 2 * sum(1 for x in LURES if x[0] == cls)
        per_o = 2 * sum(1 for x in ORDINARY if x[0] == cls)
        print(f"{cls:<10} {caught[cls]:>2}/{per_l} ({named[cls]:>2}){'':<13} {flagged[cls]}/{per_o}")
    print(f"\nvariant mail (lures unaligned, ordinary aligned): lures {caught['mail']}/{nl} ({named['mail']}), "
          f"ordinary {flagged['mail']}/{no}")
    print(f"variant paste: lures {caught['paste']}/{nl} ({named['paste']}), ordinary {flagged['paste']}/{no}")
    print(f"\ntotal: lures caught {caught['all']}/{2 * nl}, named with the expected verdict {named['all']}/{2 * nl}; "
          f"ordinary flagged {flagged['all']}/{2 * no}  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
