"""Issue 11, round 11 (branch ja11): Japanese lures by class, their wording and brand carrying the verdict with or
without a link, and the genuine Japanese notices that say the same topics and must stay clean.

The classes (docs/RULES.md "Japanese lures by class, round 11"): card data, a delivery address, a PIN or identity papers
asked on the mail's page; a loss told beside a strong credential ask (「24時間以内に閉鎖されます」 beside 「アカウントを
確認してください」); a call asked to the number the mail gives, for a brand (架電誘導); a refund collected at an ATM by
phone (還付金詐欺); a police or prosecutor's call about the reader's account; legal action threatened for a paid site's
arrears; a free stock study group in a chat app; easy money from a phone (副業); a dead stranger's fortune or a frozen
fund released for a fee (machine-translated or polite); points whose grant is "unfinished". Every genuine notice below
was written for this test (none is a probe's), read pasted and from its own aligned domain; made-up names, reserved
domains and fictional numbers only (real brand names appear in the text only, as a member would paste it)."""
from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyse
from bot.analysis.rules import _ja_call_asked
from tests.analysis.test_scam_topic_round8 import ALIGNED, UNALIGNED, _mail


def _lure_mail(name: str, subject: str, body: str) -> bytes:
    """A lure from an unrelated domain under the name it claims (RFC 2047 encoding left to the reader: UTF-8 8bit)."""
    return (f"Authentication-Results: {UNALIGNED}\nFrom: {name} <info@bulk.example.net>\nTo: taro.yamada@example.jp\n"
            f"Subject: {subject}\nDate: Thu, 03 Dec 2026 10:02:05 +0900\nMessage-ID: <ja11@bulk.example.net>\n"
            'MIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n'
            f"{body}\n").encode()

# (class, subject, body): genuine modern Japanese notices (statements, usage alerts, log-in notices from the service's
# own domain, parcels, e-Tax and pension notices, utilities, points, a bank's call-back line for a charge disowned)
GENUINE = [
    ('statement', '【三井住友カード】ご利用明細確定のお知らせ',
     '山田 太郎 様\n\n三井住友カードをご利用いただきありがとうございます。\n12月分のご利用明細が確定しました。\nお支払'
     '金額：48,320円\nお支払日：2027年1月4日（月）\nご利用明細の詳細は、Vpassアプリまたは会員専用サイトでご確認いた'
     'だけます。\n※本メールは送信専用です。'),
    ('usage', '【楽天カード】カード利用のお知らせ',
     '楽天カードをご利用いただきありがとうございます。\nカードのご利用がありましたのでお知らせします。\nご利用日：2026/'
     '12/03\nご利用先：サンプル書店\nご利用金額：2,640円\nお心当たりのないご利用の場合は、カード裏面に記載のお問い合わ'
     'せ先までご連絡ください。'),
    ('identity-done', '本人確認手続き完了のお知らせ',
     '山田 太郎 様\n\nサンプル銀行です。先日、店頭にてご提出いただいた本人確認書類により、お客様の本人確認手続きが完了し'
     'ました。お手続きは以上で、追加のご対応は不要です。\n今後ともサンプル銀行をよろしくお願いいたします。'),
    ('login', '【サンプル証券】ログインのお知らせ',
     '山田 太郎 様\n\n2026年12月3日 9:41 に、新しい端末からお客様の口座にログインがありました。\nお心当たりがある場合'
     'は、このメールへの対応は不要です。\nお心当たりがない場合は、公式アプリからパスワードを変更のうえ、当社サポートセン'
     'ターへお問い合わせください。当社がメールでパスワードをお伺いすることはございません。'),
    ('login', 'ログイン通知',
     'サンプルモールをご利用いただきありがとうございます。\nお客様のアカウントへのログインを確認しました。\n日時：12月3'
     '日 21:05\n端末：iPhone\nご本人によるログインであれば、このメールは破棄してください。'),
    ('parcel', '【ヤマト運輸】お届け予定日のお知らせ',
     '山田 太郎 様\n\nお荷物のお届け予定をお知らせします。\nお届け予定日時：12月5日 14時～16時\n伝票番号：0000-000'
     '0-0000\nご依頼主：サンプル通販\nお受け取り日時の変更は、クロネコメンバーズのマイページから承ります。'),
    ('parcel', '【日本郵便】ゆうパックのお届けについて',
     '山田 太郎 様\n\n本日、ゆうパックをお届けにあがりましたが、ご不在でしたので郵便局にて保管しております。\n保管期限：'
     '12月10日\n再配達のご依頼は、ご不在連絡票に記載の番号または郵便局のウェブサイトから承ります。再配達の料金はかかり'
     'ません。'),
    ('etax', '【e-Tax】メッセージボックスへの通知のお知らせ',
     '山田 太郎 様\n\ne-Taxのメッセージボックスに、所得税及び復興特別所得税の申告書の受付結果を格納しました。\n内容は、'
     'e-Taxソフト（WEB版）またはスマートフォン用のe-Taxにログインしてご確認いただけます。\n国税庁'),
    ('pension', 'ねんきん定期便の送付について',
     '日本年金機構です。\nお客様の誕生月に、ねんきん定期便を郵送いたします。年金記録は、ねんきんネットでもご確認いただけ'
     'ます。\n年金機構の職員が、電話やメールで口座番号や暗証番号をお伺いすることはありません。'),
    ('utility', '【東京電力】12月分電気ご使用量のお知らせ',
     '山田 太郎 様\n\n12月分の電気ご使用量が確定しました。\nご使用量：312kWh\nご請求予定金額：9,870円\n口座振替日：12'
     '月25日\n詳細は、くらしTEPCO webでご確認いただけます。'),
    ('utility', '【東京ガス】口座振替のお知らせ',
     '11月分のガス料金（6,210円）を、12月22日にご指定の口座から振り替えさせていただきます。\n料金の内訳は、myTOKYOGAS'
     'でご確認いただけます。'),
    ('mobile', '【NTTドコモ】ご利用料金確定のお知らせ',
     'いつもドコモをご利用いただきありがとうございます。\n11月ご利用分の料金が確定しました。\nご請求金額：7,452円\nお支'
     '払方法：クレジットカード\n詳細はMy docomoでご確認ください。'),
    ('points', 'ポイント有効期限のお知らせ',
     'サンプルポイントクラブ会員 様\n\nお持ちのポイントのうち、320ポイントの有効期限が12月31日です。\nお買い物の際に1'
     'ポイント1円としてご利用いただけます。ポイント残高は会員ページでご確認ください。'),
    ('winner', '【当選のお知らせ】年末プレゼントキャンペーン',
     'サンプル珈琲店をご利用いただきありがとうございます。\n厳正なる抽選の結果、山田様がB賞「ドリップバッグセット」にご当'
     '選されました。おめでとうございます。\n賞品はご登録のご住所へ12月下旬に発送いたします。お手続きや送料のご負担はご'
     'ざいません。'),
    ('bank-call', '【例示銀行】お振込みの確認について',
     '山田 太郎 様\n\n本日、お客様の口座から高額のお振込み（80万円）の受付がありました。\nお心当たりのない場合は、例示'
     '銀行お客さまセンター 0120-000-000 までお電話ください（受付 9時～21時）。\nお心当たりがある場合は、このメール'
     'への対応は不要です。'),
    ('bill', '【NTTファイナンス】ご請求金額確定のお知らせ',
     'NTTファイナンスをご利用いただきありがとうございます。\n12月ご請求分の金額が確定しました。\nご請求金額：5,280円\n'
     'お支払日：12月25日\nご請求内容は、会員サイトにログインしてご確認いただけます。'),
    ('city-arrears', '市税の納付について',
     'サンプル市納税課です。\n令和8年度 固定資産税 第3期の納期限は12月25日です。お手元の納付書で、金融機関、コンビニ'
     'エンスストアまたはスマートフォン決済アプリで納付できます。\n市の職員が電話で口座番号をお聞きしたり、ATMの操作を'
     'お願いしたりすることはありません。'),
    ('police', '【注意喚起】還付金詐欺が多発しています',
     'サンプル県警察からのお知らせです。\n市役所や年金事務所の職員を名乗り、「医療費の還付金があります」「お近くのATMで'
     '手続きできます」などと電話をかけ、ATMを操作させて現金を振り込ませる被害が相次いでいます。\nATMで還付金を受け取る'
     'ことはできません。不審な電話は一度切り、警察相談専用電話 #9110 にご相談ください。'),
    ('hr', '副業申請の受付について',
     '社員各位\n\n人事部です。来年度の副業・兼業の申請受付を開始します。在宅でのライティング等、本業と競合しないものに'
     '限ります。申請書は社内ポータルから提出してください。'),
    ('invest', '【サンプル証券】投資セミナー開催のご案内',
     'サンプル証券をご利用いただきありがとうございます。\n12月15日に、NISAの基本をご説明するオンラインセミナーを開催'
     'いたします。参加は無料です。お申し込みはマイページのセミナー一覧から承ります。\n投資には元本割れのリスクがありま'
     'す。'),
    ('address', 'ご登録住所変更のお知らせ',
     '山田 太郎 様\n\nサンプル通販をご利用いただきありがとうございます。\nご登録のお届け先住所の変更を承りました。\nお心'
     '当たりのない場合は、お手数ですがマイページのお問い合わせフォームからご連絡ください。'),
    ('exchange', '【サンプル取引所】ビットコイン送金完了のお知らせ',
     'いつもサンプル取引所をご利用いただきありがとうございます。\nお客様のご依頼により、0.01ビットコインの送金が完了しま'
     'した。送金先への着金には最大48時間かかる場合があります。送金履歴は、あなたのデバイスの公式アプリでご確認いただけ'
     'ます。'),
    ('sextortion-warning', '「動画をばらまく」メールにご注意',
     '情報システム部です。「あなたのデバイスをハッキングした」「恥ずかしい映像を録画しました」「家族に知られたくなければ'
     'ビットコインを支払ってください」などと書いたメールが社内に届いています。返信や支払いはせず、削除してください。'),
    # topic words a lure also says, written by an honest sender: a press release, a friend, a bank, a job site, a landlord
    ('press', '資金調達のお知らせ',
     '株式会社サンプルは、シリーズBラウンドにて総額5000万米ドルの資金調達を実施しましたことをお知らせいたします。'),
    ('friend', '内緒ね', '来月のサプライズパーティーのこと、秘密を守ってね！他言しないでね。費用は50対50で出し合おう。'),
    ('bank-atm', 'ATMのご案内',
     'お近くのATMでご利用いただけます。ATMで行える手続きは入出金と残高照会です。新しいATMの操作方法は店頭でご案内します。'
     '本人確認書類と携帯電話をお持ちのうえご来店ください。'),
    ('jobsite', '新着求人のお知らせ',
     '完全在宅OK、未経験歓迎、月収50万円以上可の求人が届いています。スマホ1台で応募できます。1日5分で完了する適性診断も'
     'どうぞ。'),
    ('rental', '入居審査について',
     '入居審査の申込を受け付けました。保証会社の審査手数料として5,000円がかかります。審査結果は3営業日以内にご連絡します。'),
    ('securities', '今週のマーケット',
     'サンプル証券アナリストの今週の推奨銘柄をお届けします。オンラインの株式勉強会も開催中です。投資は自己責任でお願いし'
     'ます。'),
    ('giftcard-shop', '年末のギフトにギフトカードを',
     'サンプル百貨店です。年末のご挨拶にギフトカードはいかがでしょうか。電子マネーやプリペイドカードも各階のカウンターと'
     'コンビニでお求めいただけます。'),
    ('wifi', 'Re: 週末',
     'おつかれ！週末そっち泊まるけど、Wi-Fiのパスワード教えてくれない？あと駅からの道も送ってほしい。'),
    ('seminar', '資産運用セミナーのお知らせ',
     'サンプル投信です。「3ヶ月で資産が増える仕組みを学ぶ」と題した講演会を開催します。20年の積立で資産が2倍になった例も'
     'ご紹介します。元本割れのリスクもご説明します。'),
    ('friend', 'Re: 変な電話',
     '父さんへ\n\n警察を名乗る人から「あなたの口座が犯罪に使われている。資金を保全するので他言しないで」って電話があった'
     'なら、それは詐欺だよ。本物の警察はそんなこと言わない。もし掛かってきたら、すぐ切って私に連絡してね。'),
]

# (class, expected kind, subject, body): the lure of each class, worded apart from any probe's
LURES = [
    ('card-data', 'phishing', '【エポスカード】カード情報再登録のお願い',
     'エポスカードをご利用いただきありがとうございます。\nシステム更新に伴い、カード番号、有効期限、セキュリティコードの'
     '再登録が必要となりました。下記よりご入力ください。\nhttps://epos-renew.example.net/card\n期限内にご登録がない場合、'
     'カードのご利用を停止いたします。'),
    ('address', 'phishing', '【郵便局】お届け先住所の確認',
     'お届け先の住所が不完全なため、お荷物を保管しております。下記より住所を更新してください。\n'
     'https://post-redeliver.example.com/'),
    ('mailbox-threat', 'phishing', 'アカウント確認のお願い',
     'お客様のメールアカウントは認証が完了していません。以下からアカウントを確認してください。\n'
     'https://mail-verify.example.net/\n48時間以内にご対応がない場合、アカウントはロックされます。'),
    ('call', 'phishing', '【りそな銀行】お取引の確認',
     'りそな銀行です。お客様の口座で第三者による不正利用の疑いがある取引を検知しました。確認のため、至急 03-0000-1111 '
     'までお電話ください。'),
    ('atm-refund', 'scam', '保険料の還付について',
     '年金事務所の者です。保険料の払い過ぎがあり、還付金 34,500円をお返しします。お近くのATMで手続きできますので、携帯電'
     '話をお持ちのうえ 03-0000-2222 までご連絡ください。'),
    ('police', 'scam', '捜査へのご協力のお願い',
     '検察庁の者です。逮捕した容疑者の所持品から、あなた名義の口座が犯罪に利用されていたことが分かりました。共犯の疑いを晴'
     'らすため、口座の資金を保全する必要があります。本件は他言しないでください。担当 03-0000-3333'),
    ('paid-site', 'scam', '【最終通告】未払い料金について',
     'ご利用の有料サイトの登録料が未払いとなっております。本日中にご連絡がない場合、法的手続きに移行し、調査費用を含めて請'
     '求いたします。\n連絡先：03-0000-4444'),
    ('stock-group', 'scam', '無料投資勉強会のご案内',
     '有名投資家が講師の株式勉強会にご招待します。LINEグループで毎日推奨銘柄を無料配信中、参加者の多くが利益を出してい'
     'ます。ご希望の方はお名前と電話番号をご返信ください。'),
    ('side-job', 'scam', '【在宅ワーク】スマホだけで月収30万円',
     '完全在宅、スマホ1台で1日たった10分の簡単作業。未経験でも月収30万円以上の実績多数！先着20名様限定でノウハウを無料'
     '公開中です。\nhttps://easy-work.example.net/'),
    ('fund-fee', 'scam', '保留資金のお受け取りについて',
     'お客様名義の保留されている資金（1,500万円）のお受け取り手続きが完了していません。資金の凍結を解除するには、解除手数'
     '料 19,800円のお振込みが必要です。'),
    ('estate-mt', 'scam', '極秘のご提案',
     'こんにちは。私は銀行の役員です。死亡した顧客の口座に1200万米ドルが残っており、あなたを受取人として申請したいです。'
     '50対50で分けましょう。秘密を守ってください。あなたのフルネームと電話番号を送ってください。'),
    ('sextortion', 'scam', 'あなたの秘密について',
     'あなたのパソコンにウイルスを仕込み、カメラであなたの恥ずかしい映像を録画しました。家族や同僚に知られたくなければ、'
     '72時間以内に5万円分のビットコインを支払ってください。'),
    ('mailbox-reply', 'phishing', 'メールアカウント停止のお知らせ',
     'お使いのメールアカウントは規約違反のため停止されます。停止を解除するには、このメールにユーザー名とパスワードを記入し'
     'て返信してください。'),
    ('tap-job', 'scam', '【高収入】スマホで簡単',
     'スマホでタップするだけで日給3万円！誰でもできる簡単なお仕事です。登録料3,000円で今すぐ始められます。'),
    ('line-takeover', 'phishing', 'ひさしぶり',
     '久しぶり！今ちょっと手が離せないから、スマホに届いた認証番号を教えてくれない？'),
    ('gift-card', 'scam', 'お願い',
     '今忙しい？コンビニでGoogle Playカードを5万円分買ってきてほしいんだけど。買ったら裏のコードを写真で送って。'),
    ('prize-fee', 'scam', '【当選】Amazonギフト券',
     'Amazonギフト券10万円分が当選しました！受け取りは送料500円をお支払いいただくだけ。\nhttps://present-box.example.net'),
    ('tip', 'scam', '特別なご案内',
     'あなたにだけ特別な投資情報をお伝えします。1ヶ月で資産が3倍になった会員が続出中。LINE登録はこちら\n'
     'https://toushi.example.net'),
    ('points-grant', 'phishing', '【PayPay】ポイント付与のお知らせ',
     'PayPayポイント5,000pt付与の手続きが未完了です。以下よりログインのうえ、本日中にお受け取りください。\n'
     'https://pay-point.example.com/'),
]


def _rules(data: bytes) -> list[str]:
    return [f"{f.rule}:{f.severity}" for f in analyse(data).findings]


@pytest.mark.parametrize(("kind", "subject", "body"), GENUINE, ids=[f"{c[0]}-{c[1]}" for c in GENUINE])
def test_genuine_japanese_notice_stays_clean(kind: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict == "no_signs", (kind, _rules(pasted))
    sent = _mail("info@example.jp", subject, body, ALIGNED.format(d="example.jp"))
    assert analyse(sent).verdict == "no_signs", (kind, _rules(sent))


@pytest.mark.parametrize(("kind", "expected", "subject", "body"), LURES, ids=[f"{c[0]}-{c[2]}" for c in LURES])
def test_japanese_lure_is_caught_and_named(kind: str, expected: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict != "no_signs", (kind, _rules(pasted))
    name = subject.split("】", 1)[0].lstrip("【") if subject.startswith("【") else "お客様窓口"
    mail = _lure_mail(name, subject, body)
    report = analyse(mail)
    assert report.verdict == expected, (kind, report.verdict, _rules(mail))


def test_a_call_to_the_mails_own_number_is_asked_but_a_charge_disowned_is_not() -> None:
    assert _ja_call_asked("確認のため至急03-0000-0000までお電話ください。") is not None
    assert _ja_call_asked("口座の確認のため、0120-000-000にお電話をお願いします。") is not None
    # the genuine alert's line for a charge disowned, its enquiries, the card's back
    assert _ja_call_asked("お心当たりのない場合は、0120-000-000までお電話ください。") is None
    assert _ja_call_asked("ご不明な点は、0120-000-000までお電話ください。") is None
    assert _ja_call_asked("カード裏面の番号までお電話ください。") is None


def test_a_warnings_quotation_of_the_callers_words_is_reported() -> None:
    warning = ("注意喚起\n\n警察官を名乗る者から「あなたの口座が犯罪に使われている」「逮捕状が出ている」などと電話があり、"
               "現金をだまし取られる被害が相次いでいます。")
    assert analyse(warning.encode()).verdict == "no_signs", _rules(warning.encode())
    demand = ("捜査のお願い\n\n警視庁の者です。あなたの口座が犯罪に使われていることが判明しました。共犯の疑いがあります。"
              "資金を保全するため、本日中に下記までご連絡ください。03-0000-5555")
    assert analyse(demand.encode()).verdict == "scam", _rules(demand.encode())
