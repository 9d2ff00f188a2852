"""Issue 11, round 10 (branch japrec10): genuine Japanese notices pasted or forwarded by a member are no lure.

A genuine notice names a lure's words without asking them, in four ways a lure does not: it warns against acting
(「〜することはありません」「〜しないでください」, a fee denied: 「再配達の手数料は一切かかりません」), it reports what someone
else wrote or said (「『アカウントがロックされました』といったSMS」「〜って書いてある」「〜と言われた」「〜させる手口」), it sends the
reader to its own channel and not to the mail (公式アプリ, マイページ, 会員サービス, 窓口, 同封の返信用封筒, in a text with no
link), or it tells what happened without an ask (a fine paid: 「反則金は今朝銀行で納付した」). Each text below was written for
this test (none is a probe's), each read pasted and from its own aligned domain; the lures beside them keep their
verdict though they carry the same words. Made-up texts, reserved names and fictional numbers only."""
from __future__ import annotations

import pytest

from bot.analysis.brands import normalise
from bot.analysis.pipeline import analyse
from bot.analysis.rules import _denied_ja
from tests.analysis.test_scam_topic_round8 import ALIGNED, UNALIGNED, _mail

# (class, subject, body): a genuine notice, a friend's or a relative's mail
ORDINARY = [
    ('warning', '【重要】当社を装ったSMSにご注意ください',
     'サンプルモバイルをご利用いただきありがとうございます。\n当社を装い「ご利用料金が未払いのため、本日中に回線を停止'
     'します」「アカウントがロックされました」といったSMSを送り、偽のサイトでクレジットカード番号を入力させる手口が'
     '確認されています。\n当社がSMSでカード情報の入力をお願いすることはございません。お心当たりのないSMSのURL'
     'は開かず、削除してください。\nご契約内容やご請求額は、公式アプリ「サンプルモバイル」でご確認いただけます。'),
    ('friend', 'Re: これ本物?',
     '美咲さん\n\nスクショ見ました。「お客様の口座が凍結されました。本人確認のため下記よりログインしてください」って書'
     'いてあるやつですよね。わたしのところにも同じ文面のが来ました。銀行に問い合わせたら、そういうメールは送っていない'
     'そうです。開かずに消しちゃって大丈夫ですよ。\n\n千夏'),
    ('family', 'おじいちゃんのこと',
     'お姉ちゃんへ\n\nおじいちゃんの家に、市役所の職員を名乗る人から「医療費の還付金があるのでATMに行ってください」'
     'と電話があったんだって。おじいちゃんは変だと思って、そのまま交番に相談したそう。被害はなかったから安心して。今度'
     '会ったら、こういう電話は詐欺だってもう一度話しておくね。'),
    ('channel', 'ご登録のお支払い方法について',
     '山田 太郎 様\n\nサンプル動画をご利用いただきありがとうございます。\nご登録のクレジットカードの有効期限が202'
     '6年12月で切れます。引き続きご利用いただくには、公式アプリの「アカウント」画面からお支払い方法の更新をお願いし'
     'ます。\n当社がメールでカード番号をお伺いすることはありません。'),
    ('channel', '年末調整の書類提出について',
     '社員各位\n\n総務部です。年末調整の書類（扶養控除等申告書、保険料控除申告書）は、12月10日までに総務部の窓口へ'
     'ご提出ください。マイナンバーの確認のため、本人確認書類のコピーを同封してください。\nメールでマイナンバーを送らな'
     'いでください。'),
    ('parcel', 'お届け予定のお知らせ',
     '山田 太郎 様\n\nサンプル便です。ご注文のお荷物を12月5日にお届けする予定です。\nお届け日時の変更や再配達のご'
     '依頼は、会員サービスのマイページまたは不在連絡票の二次元コードから承ります。再配達の手数料は一切かかりません。'),
    ('report', '住民税払ったよ',
     'お母さんへ\n\n頼まれてた住民税の第3期、今日コンビニで払っておいたよ。督促状が来る前でよかった。領収書は机の上に'
     '置いておくね。'),
    ('report', '駐車違反の件',
     '部長\n\n先日の社用車の駐車違反ですが、本日、放置違反金の納付書で銀行窓口にて納付を済ませました。領収書は経理に提'
     '出済みです。今後は駐車場の確保を徹底します。\n佐々木'),
    ('benefit', '子育て応援給付金の振込について',
     'サンプル町 子育て支援課です。\n申請いただいた子育て応援給付金（お子さま1人あたり2万円）を、12月18日にご指'
     '定の口座へお振込みします。振込通知はがきを郵送しますので、内容をご確認ください。町の職員が電話で口座番号や暗証番'
     '号をお聞きすることはありません。'),
    ('denial', 'ETCマイレージのポイント還元について',
     'ETCマイレージサービス会員 様\n\n11月分の通行料金に応じたポイントを付与しました。還元額の確認と無料通行分へ'
     'の交換は、会員サイトにログインしてお手続きください。\n当サービスから、未払いの通行料金についてメールやSMSでお'
     '支払いを求めることはございません。'),
    ('denial', 'ネットバンキングのご利用について',
     '例示信用金庫をご利用いただきありがとうございます。\nインターネットバンキングは、ブックマークまたは公式アプリから'
     'ログインしてください。当金庫がメールでパスワードの変更やログインをお願いすることは一切ございません。'),
    ('channel', '国民健康保険料の還付金について',
     'サンプル市 保険年金課です。\n国民健康保険料の過誤納により、還付金（4,200円）が発生しました。同封の還付請求'
     '書に振込先口座をご記入のうえ、返信用封筒で郵送してください。\n市の職員がATMの操作をお願いすることはありません'
     '。'),
    ('friend', '宅配の偽SMS',
     '父さんへ\n\n「お荷物をお届けにあがりましたが不在のため持ち帰りました」っていうSMSが来ても、URLは押さないで'
     'ね。うちは宅配ボックスがあるから、不在で持ち帰りになることはまずないよ。'),
    ('report', 'スピード違反',
     '山田へ\n\n昨日の帰り、高速でスピード違反で捕まった。反則金は1万5千円、今朝銀行で納付した。おまえも来週あの道を'
     '通るなら気をつけて。'),
]

# (class, subject, body): lures that say the same words and still ask (a quoted button beside a link, My page beside
# a link, a denial in another sentence, a fine demanded by a link, a fee denied beside a data ask)
LURES = [
    ('quote-lure', '本人確認のお願い',
     'お客様の口座が一時停止されました。「本人確認」と書かれたボタンから、下記URLでログインしてください。https'
     '://bank-check.example.net/login'),
    ('channel-link', 'お支払い方法の更新',
     'お支払い方法に問題があり、アカウントを停止しました。マイページからログインしてお支払い方法を更新してください。h'
     'ttps://myp-update.example.net/'),
    ('denial-elsewhere', '還付金のお知らせ',
     '所得税の還付金 28,000円 が未受取です。受け取るには、下記よりカード情報をご入力ください。https://'
     'refund-now.example.net/ ご心配されることはありません。'),
    ('fine-demand', '反則金未納のお知らせ',
     '交通違反の反則金 12,000円 が未納となっております。本日中に下記よりお支払いください。期限を過ぎると刑事手'
     '続きに移行します。https://fine-pay.example.net/'),
    ('fee-denial-lure', '配達のお知らせ',
     'お荷物をお届けにあがりましたが不在のため持ち帰りました。再配達に料金はかかりません。お届け先住所に不備があるため'
     '、下記より住所とカード情報をご入力ください。https://redeliv.example.net/'),
]


def _rules(data: bytes) -> str:
    return ", ".join(f"{f.rule}:{f.severity}" for f in analyse(data).findings)


@pytest.mark.parametrize(("kind", "subject", "body"), ORDINARY, ids=[f"{c[0]}-{c[1]}" for c in ORDINARY])
def test_genuine_notice_stays_clean(kind: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict == "no_signs", (kind, _rules(pasted))
    sent = _mail("info@example.jp", subject, body, ALIGNED.format(d="example.jp"))
    assert analyse(sent).verdict == "no_signs", (kind, _rules(sent))


@pytest.mark.parametrize(("kind", "subject", "body"), LURES, ids=[f"{c[0]}-{c[1]}" for c in LURES])
def test_lure_with_the_same_words_is_caught(kind: str, subject: str, body: str) -> None:
    pasted = f"{subject}\n\n{body}".encode()
    assert analyse(pasted).verdict != "no_signs", (kind, _rules(pasted))
    mail = _mail("info@bulk.example.net", subject, body, UNALIGNED)
    assert analyse(mail).verdict != "no_signs", (kind, _rules(mail))


def _compact(text: str) -> str:
    return normalise(text).replace(" ", "")


def test_reported_words_and_a_fee_denied_ask_nothing() -> None:
    assert _denied_ja(_compact("「口座を一時停止しました」などと記載したメールが届いています。"), normalise("口座を一時停止"))
    assert _denied_ja(_compact("本人確認とか利用停止とか書いてあるけど偽物だよ。"), normalise("本人確認"))
    assert _denied_ja(_compact("再配達に料金はかかりません。"), normalise("再配達"))
    # a lure's sentences quoted whole: the report follows the quotation's end
    quoted = _compact("「お客様の口座が凍結されました。下記よりログインしてください」って書いてあるメールが来た。")
    assert _denied_ja(quoted, normalise("口座が凍結"))
    assert not _denied_ja(_compact("「重要」お客様の口座が凍結されました。下記よりログインしてください。"), normalise("口座が凍結"))
    # a report or a denial in another sentence denies nothing
    assert not _denied_ja(_compact("本人確認が必要です。「本人確認」と書かれたメールにご注意ください。"), normalise("本人確認が必要"))
    assert not _denied_ja(_compact("再配達には手数料が必要です。"), normalise("再配達"))


def test_own_channel_only_without_a_link() -> None:
    notice = ("お支払い方法の更新のお願い\n\nご登録のカードの有効期限が切れています。お手数ですが、公式アプリからログインして"
              "お支払い方法を更新してください。")
    assert "credential_lure" not in _rules(notice.encode())
    # the same ask beside a link in the mail is the lure's (and with a threat beside it, a catch)
    linked = notice + " https://pay-renew.example.net/login"
    assert "credential_lure" in _rules(linked.encode())
    threat = linked.replace("してください。", "してください。本日中に更新がない場合、アカウントを停止します。")
    assert analyse(threat.encode()).verdict != "no_signs", _rules(threat.encode())


def test_a_fine_named_is_asked_for_only_beside_an_ask() -> None:
    told = "反則金\n\n一時停止違反の反則金7,000円を、今日郵便局で払ってきました。"
    assert analyse(told.encode()).verdict == "no_signs", _rules(told.encode())
    demand = "反則金\n\n一時停止違反の反則金7,000円が未納です。本日中に下記よりお支払いください。 https://fine.example.net/pay"
    assert analyse(demand.encode()).verdict != "no_signs", _rules(demand.encode())
