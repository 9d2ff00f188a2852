"""The analysis rules (SPEC §3). Each is a small pure function: facts in, findings out.

Rule ids are a contract: the CLI JSON, docs/RULES.md and the Discord embed quote them.
Sentences live in the locale catalogues under ``rule.<id>``; findings carry only parameters,
already masked and defanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

from bot.analysis.brands import (
    PhraseList,
    TextIndex,
    _compact_cjk,
    brands_named_in,
    catalogue,
    first_token,
    normalise,
    service_for_tag,
    token_index,
    tokens_in,
)
from bot.analysis.domains import (
    edit_distance,
    has_known_tld,
    org_domain,
    public_suffix,
    scripts,
    skeleton,
    to_unicode_host,
    under,
)
from bot.analysis.facts import Facts
from bot.analysis.hostnames import pinyin_name
from bot.analysis.links import CELL, defang_host
from bot.analysis.models import Brand, Finding, Link, Severity
from bot.analysis.privacy import mask_address, strip_invisible
from bot.analysis.safe_text import present_text
from bot.analysis.scoring import WEIGHTS
from bot.analysis.secret_ask import secret_asks

MAX_PER_RULE = 5  # findings one rule may add: a link-dense digest gets a sign, not hundreds
DIGEST_DOMAINS = 10  # links to this many sites: a digest or an article, not one sender's call to action


def _f(rule: str, severity: Severity, evidence: tuple[str, ...] = (), **params: object) -> Finding:
    return Finding(rule, severity, tuple((k, str(v)) for k, v in params.items()), evidence)


def _brand_name(brand: Brand) -> str:
    """The brand id: sentences name it in the reader's language (reporting.finding_detail)."""
    return brand.id


def _list(items: list[str], limit: int = 3) -> str:
    shown = items[:limit]
    more = len(items) - len(shown)
    return ", ".join(shown) + (f" (+{more})" if more > 0 else "")


# --- sender ----------------------------------------------------------------------------------


def self_sent(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    if frm is None or not frm.address:
        return []
    if any(r.address == frm.address for r in f.sender.recipients):
        # Forged when the envelope is someone else's (or DMARC failed); a list or a newsletter
        # sent to its own address with an aligned envelope is a fact, not a forgery sign.
        env_org = org_domain(f.sender.envelope_domain) if f.sender.envelope_domain else None
        aligned = env_org is not None and env_org == org_domain(frm.domain) and f.sender.auth.dmarc != "fail"
        severity: Severity = "low" if f.sender.bulk or aligned else "medium"
        return [_f("self_sent", severity, address=mask_address(frm.address))]
    return []


def envelope_mismatch(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    if from_org is None:
        return []
    envelope = f.sender.envelope_domain
    env_org = org_domain(envelope) if envelope else None
    # with the receiving server's results, only signatures it verified count: anyone can write a
    # DKIM-Signature header naming the From domain
    signers = f.sender.auth.dkim_domains if f.sender.auth.trusted else f.sender.dkim_domains
    dkim_orgs = [o for o in (org_domain(d) for d in signers) if o]
    if env_org is None and not dkim_orgs:
        return []
    if env_org == from_org or from_org in dkim_orgs:
        return []
    via = env_org or dkim_orgs[0]
    # Mailing lists re-send with their own envelope: a fact, weaker as evidence. A brand's own
    # domain sent unaligned is spoofing: brands sign and bounce for their own domains.
    severity: Severity = "low" if f.sender.bulk else "medium"
    if severity == "medium" and catalogue().is_official(from_org):
        severity = "high"
    return [_f("envelope_mismatch", severity, from_domain=defang_host(from_org), via=defang_host(via))]


def auth_failures(f: Facts) -> list[Finding]:
    auth = f.sender.auth
    out: list[Finding] = []
    if not auth.trusted:
        return out
    server = defang_host(auth.authserv_id) if auth.authserv_id else "?"
    if auth.dmarc == "fail":
        out.append(_f("dmarc_fail", "high", server=server))
    if auth.spf == "fail":
        out.append(_f("spf_fail", "medium", result="fail", server=server))
    elif auth.spf == "softfail":
        out.append(_f("spf_fail", "low", result="softfail", server=server))
    if auth.dkim == "fail":
        out.append(_f("dkim_fail", "medium", server=server))
    return out


def display_name_brand(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    if frm is None or not frm.display_name:
        return []
    cat = catalogue()
    from_org = org_domain(frm.domain) if frm.domain else None
    named = brands_named_in(TextIndex(_compact_cjk(frm.display_name)))
    for brand in cat.brands if named else ():  # catalogue order: stable output (no walk when none is named)
        if brand.id in named and not brand.owns(from_org):
            domain = from_org or frm.domain or "?"
            return [_f("display_name_brand", "high", brand=_brand_name(brand), domain=defang_host(domain))]
    shown = f.brand
    if shown is not None and not f.brand_official and not shown.owns(from_org) and _abbreviates(frm.display_name, shown):
        # the start of the name the text gives the brand ("三 井 住 友" for 三井住友カード): weaker than the name
        return [_f("display_name_brand", "medium", brand=_brand_name(shown), domain=defang_host(from_org or frm.domain or "?"))]
    return []


_KANJI_KANA = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]{3,12}")


def _abbreviates(display_name: str, brand: Brand) -> bool:
    """A Japanese display name that is the start of one of the brand's names (三井住友 → 三井住友カード)."""
    short = normalise(_compact_cjk(display_name)).replace(" ", "")
    if not _KANJI_KANA.fullmatch(short):
        return False
    return any(k.text.startswith(short) and k.text != short for k in catalogue().keywords.get(brand.id, ()))


def brand_from_mismatch(f: Facts) -> list[Finding]:
    """The subject and the text present a brand, the From address is not the brand's (and the
    display name, which display_name_brand reads, does not name it): a lure that needs no link."""
    brand = f.brand
    frm = f.sender.from_addr
    if brand is None or frm is None or not frm.domain or f.brand_official or f.sender.bulk or f.sender.list_id:
        return []
    where = set(f.brand_where)
    if "display_name" in where or not {"subject", "body"} <= where or _sender_is_other_org(f):
        return []
    from_org = org_domain(frm.domain)
    if brand.owns(from_org):
        return []
    return [_f("brand_from_mismatch", "medium", brand=_brand_name(brand), domain=defang_host(from_org or frm.domain))]


def _named_brand(f: Facts) -> Brand | None:
    """The brand the mail presents, else the catalogued brand its text names most (catalogue order
    breaks ties): a pasted body names its brand once, in the greeting or the signature."""
    if f.brand is not None:
        return f.brand
    found = f.text.brand_keywords()
    if not found:
        return None
    cat = catalogue()
    return max((b for b in cat.brands if b.id in found), key=lambda b: len(found[b.id]), default=None)


_LOWER: dict[Severity, Severity] = {"high": "medium", "medium": "low", "low": "low", "info": "info"}


@lru_cache(maxsize=1)
def _ja_events() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """The Japanese event families of ``phrases.toml`` ``[brand_lure.ja_events]``, compiled once, each
    with the words that, in the same clause, make it a genuine notice's (``ja_unless``) and, for the
    families told only when asked, the request their clause must hold (``ja_asking``)."""
    import os

    from bot.analysis.datafiles import load_toml

    path = os.path.join(os.path.dirname(__file__), "data", "phrases.toml")
    table = load_toml(path).get("brand_lure", {})
    unless = table.get("ja_unless", {})
    asking = table.get("ja_asking", {})
    request = re.compile(asking["request"]) if isinstance(asking.get("request"), str) else None
    asked = set(asking.get("families", ()))
    return tuple(
        (name, re.compile(pattern), re.compile(unless[name]) if isinstance(unless.get(name), str) else None,
         request if name in asked else None)
        for name, pattern in table.get("ja_events", {}).items() if isinstance(pattern, str)
    )


CLAUSE_CHARS = 40  # how far a clause reaches either side of an event when no 「。」 ends it (a title, a footer)


def _ja_event(compact: str, pattern: re.Pattern[str], unless: re.Pattern[str] | None,
              request: re.Pattern[str] | None) -> str | None:
    """The first telling of a family's event in a (compacted) Japanese text whose clause neither
    tells of a genuine notice's occasion (``unless``) nor fails to ask when asking is required."""
    for m in pattern.finditer(compact):
        if _JA_DENIAL.search(_after_ja(compact, m.start(), m.end())) is not None:
            continue  # round 10 (japrec10): denied or reported (「『口座を一時停止しました』などと記載した」)
        if unless is None and request is None:
            return m.group(0)
        start = max(compact.rfind("。", max(0, m.start() - CLAUSE_CHARS), m.start()) + 1, m.start() - CLAUSE_CHARS, 0)
        end = compact.find("。", m.end(), m.end() + CLAUSE_CHARS)
        end = m.end() + CLAUSE_CHARS if end < 0 else end
        if unless is not None and unless.search(compact, start, end):
            continue
        if request is not None and not request.search(compact, m.start(), end):
            continue
        return m.group(0)
    return None


# an organisation a Japanese text speaks for when it is not in the catalogue (信用金庫, a regional
# bank, a utility, a card company's signature): a name of 2-10 kanji, katakana or Latin letters
# right before what such names end with, or a 株式会社 name; general words before those endings
# ("ご登録の銀行", "指定銀行", "都市ガス") are not names
_JA_ORG = re.compile(
    r"([\u4e00-\u9fffァ-ヶーa-z0-9&]{2,10}?)(銀行|信用金庫|信用組合|労働金庫|証券|電力|ガス|運輸|急便|事務局|市役所|区役所|"
    r"税務署|年金機構)(?![\u4e00-\u9fff])|株式会社([\u4e00-\u9fffァ-ヶーa-z0-9&]{2,12})|([\u4e00-\u9fffァ-ヶーa-z0-9&]{2,12})株式会社"
)
_NOT_A_NAME = frozenset({
    "指定", "登録", "提携", "取引", "振込先", "振込", "各種", "主要", "国内", "海外", "民間", "地方", "ネット", "都市", "電気",
    "金融", "全国", "一部", "最寄り", "利用", "ご利用", "該当", "当該", "同", "その他", "プロパン",
})
_KANA = re.compile("[\u3041-\u30ff]")
LURE_SCAN_CHARS = 20_000  # the part of a (compacted) text the Japanese families read: a lure says it early
_REQUEST_END = ("ください", "下さい", "お願い", "願います")


@lru_cache(maxsize=1)
def _asking_phrases() -> tuple[str, ...]:
    """credential_lure's telling phrases that hold a request to act (brand_lure's weak words)."""
    cat = catalogue()
    lure, table = cat.phrases.get("credential_lure"), cat.phrases.get("brand_lure")
    if lure is None or table is None:
        return ()
    return tuple(p for p in lure.strong if any(w in p for w in table.weak))


def _asked(compact: str, phrase: str) -> bool:
    """Whether a Japanese phrase is said as a request ("ログインしてご確認ください"), not as what one
    may do ("ログインしてご確認いただけます", a statement's way of pointing to its site)."""
    key = phrase.replace(" ", "")
    start = compact.find(key)
    while start >= 0:
        window = compact[start + len(key): start + len(key) + 40].split("。", 1)[0]  # the rest of its sentence
        if any(end in window for end in _REQUEST_END):
            return True
        start = compact.find(key, start + 1)
    return False


# round 10: Japanese denies after the words, in the same sentence: 「手数料の振込みを求めることは絶対にありません」,
# 「メールに記載の番号にはお電話しないでください」 (a city's or a bank's warning names the lure's words to warn).
# Round 10 (japrec10), two more ways a genuine notice says a lure's words without asking them: a fee denied
# (「再配達に料金はかかりません」, 「手数料は一切不要です」) and words reported as someone else's, the lure's own quoted
# by a warning or a friend (「『口座を一時停止しました』などと記載したメール」, 「本人確認とか利用停止とか書いてある」,
# 「『暗証番号を教えてほしい』と言われた」), or told as a fraud's method (「カード番号を入力させる手口」)
_JA_DENIAL = re.compile(r"(?:こと|事)は(?:一切|絶対に|決して)?(?:ありません|ございません|ない|いたしません|致しません)"
                        r"|しないでください|なさらないでください|しないようにしてください|ないようご注意"
                        # review 10: 「暗証番号をお尋ねしておりません」, 「お伺いすることは一切いたしません」
                        r"|(?:お尋ね|お伺い|おうかがい|お聞き|お願い|要求|請求)(?:して|いたして|致して)おりません"
                        r"|(?:料金|費用|手数料|送料)(?:は|も)(?:一切)?(?:かかりません|不要です|いただきません)"
                        r"|[」』]?(?:など|とか|って|と)と?(?:書い|書か|記載|言わ|言っ|名乗|称し|いった"
                        r"|いう(?:メール|sms|電話|内容|文面|連絡|手口))|などの(?:メール|sms|文面|電話|手口)|手口"
                        # round 11 (ja11): a warning's or a relative's quotation of the caller's words (「『あなたの口座が
                        # 犯罪に使われている』などと電話があり」, 「『他言しないで』って電話があった」)
                        r"|[」』](?:など|とか|って|と)と?(?:電話|連絡|メール|sms|うそ|嘘|偽|だま|騙)")
# review 10: the fee itself said free right after its name: 「再配達料はかかりません」 (a carrier's own notice), not
# a denial anywhere later in the sentence (「再配達料をお支払いいただければ送料無料で…」 is the lure's)
# Review 11: and a promise said not given right after its words: 「投資信託は元本保証ではありません」 is every fund's
# disclaimer, not the lure's 「元本保証」
_JA_NO_FEE = re.compile(r"(?:は|も)(?:一切)?(?:かかりません|無料|不要|いただきません|いただいておりません)"
                        r"|(?:では|じゃ)(?:ありません|ございません|ない)")
JA_DENIAL_CHARS = 40  # how far after a phrase, within its sentence, a denial reaches


def _denial_after(after: str) -> bool:
    """What follows a phrase in its sentence (``_after_ja``) denies or reports it, or says its fee free."""
    return _JA_DENIAL.search(after) is not None or _JA_NO_FEE.match(after) is not None


JA_QUOTE_CHARS = 80  # how far a quotation 「…」 around a phrase reaches either side


def _after_ja(compact: str, start: int, end: int) -> str:
    """What follows the words ``compact[start:end]`` in their sentence, where a denial or a report would stand: the
    next forty characters before 「。」, or, for words inside a quotation 「…」 (a lure's sentences quoted whole,
    「お客様の口座が凍結されました。本人確認のため…」って書いてある), what follows the quotation's end."""
    opened = max(compact.rfind("「", max(0, start - JA_QUOTE_CHARS), start),
                 compact.rfind("『", max(0, start - JA_QUOTE_CHARS), start))
    if opened >= 0 and max(compact.rfind("」", opened, start), compact.rfind("』", opened, start)) < 0:
        closes = [i for i in (compact.find("」", end, end + JA_QUOTE_CHARS), compact.find("』", end, end + JA_QUOTE_CHARS))
                  if i >= 0]
        if closes:
            close = min(closes)
            return compact[close: close + JA_DENIAL_CHARS].split("。", 1)[0]
    return compact[end: end + JA_DENIAL_CHARS].split("。", 1)[0]


def _denied_ja(compact: str, phrase: str, cap: int = 20) -> bool:
    """Every occurrence of a Japanese ``phrase`` is followed, in its sentence (before 「。」) and within forty
    characters, by a denial or a report of someone else's words (``_JA_DENIAL``); past ``cap`` occurrences the
    phrase is not denied."""
    return _every_occurrence(compact, phrase, lambda idx, end: _denial_after(_after_ja(compact, idx, end)), cap)


def _every_occurrence(compact: str, phrase: str, test: Callable[[int, int], bool], cap: int = 20) -> bool:
    """``phrase`` (spaces dropped) occurs in ``compact`` and ``test(start, end)`` holds at every occurrence;
    past ``cap`` occurrences it does not (a flood of the phrase is no notice's)."""
    key = phrase.replace(" ", "")
    seen = 0
    idx = compact.find(key)
    while idx >= 0:
        if seen >= cap:
            return False
        end = idx + len(key)
        if not test(idx, end):
            return False
        seen += 1
        idx = compact.find(key, end)
    return seen > 0


def _ja_said_not_asked(compact: str, start: int, end: int) -> bool:
    """The Japanese words ``compact[start:end]`` are denied or reported (``_JA_DENIAL``) in their sentence."""
    return _denial_after(_after_ja(compact, start, end))


def _ja_denials(f: Facts) -> bool:
    """Whether a Japanese text says a denial anywhere (the cheap test before ``_denied_ja``)."""
    return not f.text.text.isascii() and _ja_marks(f.text.compact[:LURE_SCAN_CHARS])[0]


# round 10 (japrec10): a genuine Japanese notice sends the reader to its own channel, never to the mail: the app,
# My page, the official site, a bookmark, the counter, the post (「マイページからご確認ください」「同封の返信用封筒で
# ご返送ください」「打ち合わせの際に本人確認書類をご用意ください」); an ask said only so, in a text with no link, asks
# nothing of a lure's. A sentence that also points into the mail (a reply, an attachment, a link, 「下記」「こちら」) is no
# such pointer.
_JA_CHANNEL = re.compile(r"マイページ|公式(?:アプリ|サイト|ウェブサイト|ホームページ)|会員(?:サイト|サービス|専用サイト)"
                         r"|ブックマーク|窓口|郵送|同封|返信用封筒|持参|打ち合わせ|不在連絡票|裏面")
_JA_IN_MAIL = re.compile(r"返信(?!用封筒)|添付|url|リンク|こちら|下記|以下|このメール|本メール|http|送信|送って|お送りください")


def _channel_clause_ja(compact: str, idx: int, end_of: int) -> bool:
    """The sentence around ``compact[idx:end_of]`` names the sender's own channel and points nowhere in the mail."""
    start = max(compact.rfind("。", max(0, idx - CLAUSE_CHARS), idx) + 1, idx - CLAUSE_CHARS, 0)
    end = compact.find("。", end_of, end_of + CLAUSE_CHARS)
    clause = compact[start:end_of + CLAUSE_CHARS if end < 0 else end]
    return _JA_CHANNEL.search(clause) is not None and _JA_IN_MAIL.search(clause) is None


@lru_cache(maxsize=16)
def _ja_marks(head: str) -> tuple[bool, bool]:
    """(a denial, report or free fee anywhere; a pointer to the sender's own channel anywhere) in a Japanese
    text's head: searched once per text, not at every rule's call (the patterns have no literal prefix), and
    not at all in a text without a character from U+3000 on (a European text's accents: ``max`` is one C loop)."""
    if not head or max(head) < "\u3000":
        return False, False
    denials = _JA_DENIAL.search(head) is not None or _JA_NO_FEE.search(head) is not None
    return denials, _JA_CHANNEL.search(head) is not None


def _said_not_asked_ja(f: Facts, phrases: list[str], cap: int = 20) -> list[str]:
    """The Japanese phrases of ``phrases`` a genuine notice says without asking them left out: at every occurrence
    (up to ``cap``) denied or reported (``_JA_DENIAL``) or, in a text with no link, said in a sentence that points
    to the sender's own channel (``_JA_CHANNEL``); other phrases kept as found."""
    if not phrases or f.text.text.isascii() or all(p.isascii() for p in phrases):
        return phrases  # only Japanese phrases are read so (a European text's accents make it non-ASCII)
    compact = f.text.compact
    denials, channel_words = _ja_marks(compact[:LURE_SCAN_CHARS])
    channels = not f.links and channel_words
    if not denials and not channels:
        return phrases

    def said_at(idx: int, end: int) -> bool:
        return bool((denials and _denial_after(_after_ja(compact, idx, end)))
                    or (channels and _channel_clause_ja(compact, idx, end)))

    def said(phrase: str) -> bool:
        return _every_occurrence(compact, phrase, said_at, cap)

    return [p for p in phrases if p.isascii() or not said(p)]


def brand_lure(f: Facts) -> list[Finding]:
    """The text speaks for a catalogued brand and tells of an event on the reader's account, card,
    payment, points or parcel that asks for action (a restriction, a detected misuse, a failed or
    unpaid payment, a cancellation, points about to lapse, a parcel held), while nothing shows the
    brand sent it: no header at all (a pasted body: the sender could not be checked), or a From
    that is not the brand's, or the brand's own domain unauthenticated. The wording and the brand
    carry the verdict when no link is left (issue 11, fourth round). A brand's own authenticated
    mail tells of the same events and is left alone."""
    if f.brand_official or f.prepared.bare_links:
        return []
    cat = catalogue()
    table = cat.phrases.get("brand_lure")
    if table is None:
        return []
    told: dict[str, str] = {}  # family (or phrase) -> the words shown
    for phrase in _said_not_asked_ja(f, f.text.count_phrases(table.strong)):
        told.setdefault(phrase, phrase)
    compact = ""
    if not f.text.text.isascii() and _KANA.search(f.text.text, 0, LURE_SCAN_CHARS) is not None:  # Japanese text only
        compact = f.text.compact[:LURE_SCAN_CHARS]
        for family, pattern, unless, request in _ja_events():
            said = _ja_event(compact, pattern, unless, request)
            if said is not None:
                told.setdefault(family, said)
    # credential_lure's phrases that ask to act ("ログインして確認", "以下のリンクをクリックして"), not
    # advice a genuine alert gives ("パスワードを変更してください") nor a statement's pointer to its site
    asks = [p for p in _said_not_asked_ja(f, f.text.count_phrases(_asking_phrases()))
            if p.isascii() or _asked(compact or f.text.compact, p)]
    if compact and (call := _ja_call_asked(compact)) is not None:
        asks.append(call)
    if not told and not asks:
        return []
    brand = _named_brand(f)
    frm = f.sender.from_addr
    org = None
    from_org = org_domain(frm.domain) if frm is not None and frm.domain else None
    free_mailbox = from_org is not None and frm is not None and frm.domain == from_org and from_org in cat.freemail
    if brand is None:
        # a pasted body (no sender to weigh), or a mail from a free mailbox (no organisation sends its
        # notices from one), speaking for an organisation the catalogue lacks
        org = _japanese_org(compact) if compact and (from_org is None or free_mailbox) else None
        if org is None:
            return []
    if asks:
        told.setdefault("ask", asks[0])
    actions = _beside(f.text.count_phrases(table.weak), list(told.values()))
    if len(told) >= 2 and (actions or asks):
        severity: Severity = "high"
    elif actions or asks or len(told) >= 2:  # two events told for a brand are a lure without a verb
        severity = "medium"
    else:
        severity = "low"
    if len(f.text.text) >= LURE_TEXT_CHARS:
        severity = _LOWER[severity]  # a long text (a digest, an article) mentions; a lure is short
    if from_org is None:
        how = "unchecked"  # pasted without its header: who sent it cannot be checked
    elif brand is None:
        how = "free_mailbox"
        if f.sender.bulk or f.sender.list_id:
            severity = "low"
    else:
        how = "unverified" if brand.owns(from_org) else "other_sender"  # unverified: no authentication
        # a list's message or a bulk mailing that names a brand discusses it, and a sender whose
        # name is someone else's (a shop, a newspaper) writes about it
        if f.sender.bulk or f.sender.list_id or (how == "other_sender" and _sender_is_other_org(f)):
            severity = "low"
    shown = list(dict.fromkeys(told.values()))
    name = _brand_name(brand) if brand is not None else org
    return [_f("brand_lure", severity, tuple(shown[:5]), brand=name, phrases=_list(shown), how=how)]


# round 11 (ja11): the call asked to a number the mail gives (「確認のため至急 03-0000-0000 までお電話ください」): the
# 架電誘導 lure's one way out, link or none. A genuine alert sends the reader to the number on the card's back or
# the official site, or gives its own line for the charge disowned (「お心当たりのない場合は 0120-… までお電話ください」,
# 「ご不明な点は…までお問い合わせください」): those clauses are left alone
_JA_CALL = re.compile(r"\d{2,5}-?\d{1,4}-?\d{3,4}[)）]?(?:まで|に|へ)(?:至急|すぐに|直ちに|ただちに|今すぐ)?"
                      r"(?:お|ご)?(?:電話|架電|折り返し)(?:を)?(?:ください|下さい|お願い|願います|して(?:ください|下さい))")
_JA_CALL_UNLESS = re.compile(r"心当たり|身に覚え|不明な点|ご不明|お問い合わせ|問合せ|裏面|公式")


def _ja_call_asked(compact: str) -> str | None:
    """The first call asked to a number written in the (compacted) Japanese text, in a clause that disowns no
    charge and names no official line."""
    for m in _JA_CALL.finditer(compact):
        start = max(compact.rfind("。", max(0, m.start() - CLAUSE_CHARS), m.start()) + 1, m.start() - CLAUSE_CHARS, 0)
        if _JA_CALL_UNLESS.search(compact, start, m.end()) is None:
            return m.group(0)
    return None


def _japanese_org(compact: str) -> str | None:
    """The first organisation name of a (compacted) Japanese text, if any: 「〇〇信用金庫」, 「〇〇電力」,
    「株式会社〇〇」."""
    for m in _JA_ORG.finditer(compact[:LURE_SCAN_CHARS]):
        if m.group(1) is not None:
            name = m.group(1)
            if name in _NOT_A_NAME or any(name.endswith(w) for w in _NOT_A_NAME if len(w) >= 2):
                continue
            return name + m.group(2)
        name = m.group(3) or m.group(4) or ""
        if name and name not in _NOT_A_NAME:
            return name
    return None


def freemail_reply_to(f: Facts) -> list[Finding]:
    cat = catalogue()
    frm = f.sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    recipients = {r.address for r in f.sender.recipients}
    for reply in f.sender.reply_to:
        org = org_domain(reply.domain) if reply.domain else None
        if not org or org not in cat.freemail or reply.address in recipients:
            continue  # answers to the group the mail was sent to: a list's habit
        if from_org not in cat.freemail and org != from_org:
            return [_f("freemail_reply_to", "medium", reply_to=mask_address(reply.address))]
        if from_org in cat.freemail and frm is not None and reply.address != frm.address and not f.sender.bulk:
            # one free mailbox writes, another collects the answers: the sender's is borrowed or forged
            return [_f("freemail_reply_to", "medium", reply_to=mask_address(reply.address))]
    return []


# --- links -----------------------------------------------------------------------------------


def _authenticated_sender_org(f: Facts) -> str | None:
    """From's organisational domain when the receiving server authenticated it (DMARC pass, or a
    verified DKIM signature of that domain); None otherwise."""
    frm = f.sender.from_addr
    org = org_domain(frm.domain) if frm and frm.domain else None
    auth = f.sender.auth
    if org is None or not auth.trusted:
        return None
    if auth.dmarc == "pass" or org in {org_domain(d) for d in auth.dkim_domains}:
        return org
    return None


def _web_links(f: Facts) -> list[Link]:
    return [link for link in f.links if not link.is_ip and link.registrable_domain]


def brand_link_mismatch(f: Facts) -> list[Finding]:
    if f.brand is None or f.brand_official:
        return []
    cat = catalogue()
    brand = f.brand
    own = _authenticated_sender_org(f)
    foreign: list[str] = []
    for link in _web_links(f):
        dom = link.registrable_domain
        # the brand's domains, its redirectors, and the authenticated sender's own site are not foreign
        if brand.owns(dom) or link.host in cat.redirectors or dom in cat.benign or (own is not None and dom == own):
            continue
        if dom and dom not in foreign:
            foreign.append(dom)
    if not foreign:
        return []
    # "presents itself as": strongly by the display name, or by a subject the body backs up;
    # a subject alone is a mention ("Apple Pay now accepted"), the body alone weaker still
    where = set(f.brand_where)
    if "display_name" in where or ({"subject", "body"} <= where and not _sender_is_other_org(f)):
        severity: Severity = "high"
    elif "subject" in where:
        severity = "medium"
    else:
        severity = "low"
    if f.sender.list_id and "display_name" not in where:
        severity = "low"  # a list's message that names a brand discusses it; it does not present itself as it
    frm = f.sender.from_addr
    if frm and brand.owns(org_domain(frm.domain or "")) and not f.sender.auth.trusted:
        severity = "low"  # the brand's own domain, unverifiable (no authentication results)
    return [
        _f(
            "brand_link_mismatch", severity,
            tuple(defang_host(d) for d in foreign[:10]),
            brand=_brand_name(f.brand), domains=_list([defang_host(d) for d in foreign]),
        )
    ]


_ROLE_WORDS = frozenset(
    [
        "support", "service", "services", "security", "team", "customer", "customers", "account", "accounts",
        "notification", "notifications", "alert", "alerts", "billing", "admin", "administrator", "info",
        "information", "help", "desk", "helpdesk", "center", "centre", "noreply", "no-reply", "reply",
        "department", "dept", "update", "updates", "verification", "verify", "mail", "email", "e-mail",
        "message", "messages", "system", "systems", "online", "official", "care", "member", "members",
        "membership", "rewards", "reward", "payments", "payment", "office", "management", "manager", "the",
        "your", "our", "de", "du", "la", "le", "des", "der", "die", "das", "und", "and", "of", "for", "from",
        "via", "team.", "inc", "inc.", "ltd", "llc", "co", "corp",
    ]
)


def _sender_is_other_org(f: Facts) -> bool:
    """The display name names someone other than the brand (a newspaper writing about Microsoft):
    words that are neither the brand nor role words ("Security Team", "Customer Service")."""
    frm = f.sender.from_addr
    if frm is None or not frm.display_name or f.brand is None:
        return False
    if any(r.address == frm.address for r in f.sender.recipients):
        return False  # self-sent: the name is the victim's own
    words = [w for w in re.findall(r"[^\W\d_]{2,30}", frm.display_name.lower()) if w not in _ROLE_WORDS]
    return bool(words)


def _label(domain: str) -> str:
    suffix = public_suffix(domain) or ""
    return domain[: -len(suffix) - 1] if suffix and domain.endswith("." + suffix) else domain.partition(".")[0]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` characters deleted. Two deletions are built once each (the
    characters at i < j), not in both orders from every one-deletion variant."""
    out = {word}
    if depth <= 0:
        return out
    ones = [word[:i] + word[i + 1 :] for i in range(len(word))]
    out.update(ones)
    if depth == 1:
        return out
    frontier = set(ones)
    if depth == 2:
        out.update(one[:j] + one[j + 1 :] for i, one in enumerate(ones) for j in range(i, len(one)))
        return out
    for _ in range(depth - 1):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


@lru_cache(maxsize=1)
def _official_index() -> tuple[dict[str, tuple[str, str, str]], dict[str, list[tuple[str, str, str, int]]]]:
    """Official labels by skeleton, and a deletion index (SymSpell) of those long enough for
    the edit-distance check: a candidate shares a deletion variant, then is verified."""
    by_skeleton: dict[str, tuple[str, str, str]] = {}
    deletions: dict[str, list[tuple[str, str, str, int]]] = {}
    for domain, bids in catalogue().official.items():
        label = _label(domain)
        if len(label) < 3:
            continue
        skel = skeleton(label)
        by_skeleton.setdefault(skel, (label, skel, bids[0]))
        if len(label) >= 6:
            cap = 1 if len(label) < 10 else 2
            entry = (label, skel, bids[0], cap)  # one tuple for all its variants
            for variant in _deletions(skel, cap):
                deletions.setdefault(variant, []).append(entry)
    return by_skeleton, deletions


MAX_SKELETON = 40


@lru_cache(maxsize=1)
def _token_index() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Brand tokens by skeleton, and their one-deletion variants (tokens of 5 letters or more)."""
    by_skeleton: dict[str, str] = {}
    deletions: dict[str, list[tuple[str, str]]] = {}
    for token, bid in catalogue().tokens:
        if len(token) < 4 or not token.isalpha():
            continue
        skel = skeleton(token)
        by_skeleton.setdefault(skel, bid)
        if len(token) >= 6 and token not in catalogue().name_ambiguous:
            for variant in _deletions(skel, 1):
                deletions.setdefault(variant, []).append((skel, bid))
    return by_skeleton, deletions


@lru_cache(maxsize=8192)
def _token_typo(piece: str) -> tuple[str, str] | None:
    if not 4 <= len(piece) <= 30:
        return None
    skel = skeleton(piece)
    by_skeleton, deletions = _token_index()
    if skel in by_skeleton and skel != piece.replace("i", "l"):
        return by_skeleton[skel], "confusable"  # only when a character was swapped (ae0n), not the word itself
    if len(piece) < 6:
        return None
    # every candidate, the nearest (then the first by name) chosen: a set's order changes from run
    # to run, and a piece one edit from two names (paypaiy: PayPal, PayPay) must name one always
    found = sorted({(edit_distance(skel, token_skel, 1), token_skel, bid)
                    for variant in _deletions(skel, 1) & deletions.keys() for token_skel, bid in deletions[variant]
                    # a word inside the name (account in daccount) is that word, not the name misspelt
                    if skel not in token_skel})
    if found and found[0][0] <= 1:
        return found[0][2], "edit"
    return None


@lru_cache(maxsize=4096)
def _lookalike_of(host: str, loose: bool = False) -> tuple[str, str] | None:
    """(brand id, why) when a non-official host imitates a brand. Pure, so cached per host.
    ``loose``: a link pasted alone, where a brand token anywhere in a label counts (aeonfgse.com)."""
    cat = catalogue()
    reg = org_domain(host)
    if reg is None or cat.is_official(reg) or host in cat.redirectors:
        return None
    # infrastructure named for a brand (amazonses.com) imitates no one; a customer's page on it as
    # a free host (a bucket: smbc-x.s3.ap-northeast-1.amazonaws.com) is read before the platform's name
    if _under(host, cat.infrastructure) and not (loose and _under(host, cat.free_hosting)):
        return None
    labels = host.split(".")
    pieces = [p for label in labels for p in label.split("-")]
    # the platform's own name in a page it hosts (x.github.io) names the platform, not a look-alike — in a
    # mail too (round 11: a forum's signed notice linking a member's GitHub Pages blog read "phishing")
    platform = _under(host, cat.free_hosting) or ""
    # (a brand in the customer's own labels still counts: github-login.github.io)
    customer = host[: -len(platform) - 1] if platform and host.endswith("." + platform) else host
    found = [(token, bid) for token, bid in tokens_in(customer) if token not in platform or customer != host]
    # a token that is a whole label or hyphen piece first (aeon-ne-jp.iiiiicloud.com is AEON's)
    for token, bid in found:
        if token in pieces:
            return bid, "token"
    for token, bid in found:
        # a prefix or suffix of a label only for tokens long enough not to start ordinary words
        # (dpd in dpdk.org, nhk in nhkbook): short ones must stand alone
        # a prefix or suffix only for tokens long enough, and not ordinary words (applecore)
        if len(token) >= 4 and token not in cat.name_ambiguous and any(
            label.startswith(token) or label.endswith(token) for label in labels
        ):
            return bid, "token"
        if len(token) >= 6 or (loose and len(token) >= 4 and token not in cat.name_ambiguous and (
            len(token) >= 5 or any(p.startswith((token, "my" + token)) or p.endswith(token) for p in pieces)
            or _link_signs_of_host(host, "", True)
        )):
            # four letters inside a word (bluebay: ebay) only on a host that looks made, or after "my",
            # the way services name a member's pages (myebayshop: My eBay)
            return bid, "token"
    if loose:  # a link alone: a brand's token across a hyphen (pay-pay) or misspelt (ae0n, merceri)
        joined = [label.replace("-", "") for label in labels if "-" in label]
        for token, bid in _tokens_in_any(joined):
            if len(token) >= 5 and token.isalpha() and token not in cat.name_ambiguous:
                return bid, "token"
        for piece in pieces:
            hit = _token_typo(piece)
            if hit is not None:
                return hit
    reg_label = _label(reg)
    if len(reg_label) > 63:
        return None
    reg_skel = skeleton(to_unicode_host(reg_label))
    if len(reg_skel) > MAX_SKELETON:  # NFKD can grow a label tenfold (U+FDFA): no brand name is that long
        return None
    by_skeleton, deletions = _official_index()
    same = by_skeleton.get(reg_skel)
    if same is not None:
        return (same[2], "confusable") if same[0] != reg_label else None
    near = _near_officials(reg_skel, reg_label, deletions)
    return (near[0][2], "edit") if near else None


def _near_officials(reg_skel: str, reg_label: str, deletions: dict[str, list[tuple[str, str, str, int]]]
                    ) -> list[tuple[int, str, str]]:
    """(edit distance, official skeleton, brand id) of the official labels within their edit cap
    of ``reg_skel``, sorted. Only the deletion variants the index holds are read (one set
    intersection in C, not a look-up per variant); sorted, the candidates' order does not matter."""
    return sorted((distance, off_skel, bid)
                  for variant in _deletions(reg_skel, 2 if len(reg_skel) >= 9 else 1) & deletions.keys()
                  for off_label, off_skel, bid, cap in deletions[variant]
                  if off_label != reg_label and (distance := edit_distance(reg_skel, off_skel, cap)) <= cap)


def lookalike_domain(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts: list[str] = [link.host for link in _web_links(f)]
    frm = f.sender.from_addr
    if frm and frm.domain:
        hosts.append(frm.domain)
    hosts.extend(r.domain for r in f.sender.reply_to if r.domain)
    if f.sender.envelope_domain:
        hosts.append(f.sender.envelope_domain)
    seen: set[str] = set()
    out: list[Finding] = []
    for host in hosts:
        if host in seen:
            continue
        seen.add(host)
        hit = _lookalike_of(host, f.prepared.bare_links)
        if hit is None:
            continue
        if f.brand_official and f.brand is not None and hit[0] == f.brand.id:
            continue  # the brand's own verified mail linking to its other sites (aboutamazon.jp)
        if hit[1] == "edit" and (f.brand is None or f.brand.id != hit[0]) and not (
            f.prepared.bare_links and _link_signs_of_host(host, "", True)
        ):
            # one letter from a brand's name, in a mail that never names that brand, is a coincidence
            # (lindows.com); a misspelt brand on a host that looks made-up (amzaon.co.jp.x7q.cn) is not
            continue
        brand = cat.by_id[hit[0]]
        out.append(_f("lookalike_domain", "high", (defang_host(host),), host=defang_host(host),
                      brand=_brand_name(brand), how=hit[1]))
        if len(out) >= 5:
            break
    if not out and f.prepared.bare_links:
        out = _kit_host_brand(f) or _brand_in_path(f) or _brand_before_key(f) or _brand_subdomain(f) \
            or _kit_host_brand(f, loosely=True) \
            or _kit_fingerprint_brand(f) or _kit_host_brand(f, scrambled=True)
    if out and f.prepared.bare_links:
        out = [_page_over_host(f, finding) for finding in out]
    return out


def _page_over_host(f: Facts, finding: Finding) -> Finding:
    """A kit's host reused for another brand's page (``myjcb.x7q.cn/aeon``,
    ``smbc.co.jp.x7q.com/aeon``): the page names the brand it imitates, not the host."""
    cat = catalogue()
    params = dict(finding.params)
    for link in _web_links(f)[:20]:
        if defang_host(link.host) != params.get("host"):
            continue
        segments = [s for s in link.url.split("://", 1)[-1].partition("/")[2].partition("#")[0].partition("?")[0]
                    .split("/") if s]
        if not 0 < len(segments) <= 3 or not _brand_page(segments[0][:80]) \
                or not _kit_link(link, _link_signs(link, True)):
            continue
        m = _path_names().match(segments[0])
        word = m.group(1).lower() if m else ""
        bid = cat.bare_words.get(word) or cat.token_brand.get(word, "")
        if bid in cat.by_id and _brand_name(cat.by_id[bid]) != params.get("brand"):
            return _f("lookalike_domain", "high", finding.evidence, host=params["host"],
                      brand=_brand_name(cat.by_id[bid]), how="path")
    return finding


@lru_cache(maxsize=1)
def _kit_fingerprints() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, bool], ...]:
    """(brand id, path pattern, query pattern or None, path of ordinary words) of
    ``data/kits.toml``, compiled once."""
    from bot.analysis.brands import _load

    out = []
    for entry in _load("kits.toml").get("kit", []):
        if isinstance(entry, dict) and isinstance(entry.get("brand"), str) and isinstance(entry.get("path"), str):
            query = entry.get("query")
            out.append((entry["brand"], re.compile(entry["path"]),
                        re.compile(query) if isinstance(query, str) else None, entry.get("words") is True))
    return tuple(out)


def _kit_fingerprint_of(link: Link, words: bool = True) -> str | None:
    """The brand whose kit's address shape (``data/kits.toml``) a link has, if any; with ``words``
    false, not the shapes made of words a site's own pages use (``/ja/main``)."""
    rest = link.url.split("://", 1)[-1].partition("/")[2].partition("#")[0]
    path, _, query = rest.partition("?")
    path = path.lower()[:200]
    for bid, path_re, query_re, plain in _kit_fingerprints():
        if plain and not words:
            continue
        if path_re.fullmatch(path) and (query_re is None or (query_re.fullmatch(query[:200]) and not _word_query(query))):
            return bid
    return None


# words a site's own pages take as a bare query (a router's ?admin, a page's ?print): the Apple ID
# kit's five random letters (?kxzaz) are none of them (review of round 6)
_SITE_QUERY_WORDS = frozenset({
    "admin", "login", "logon", "logout", "debug", "reset", "print", "token", "setup", "start", "index", "check",
    "about", "users", "pages", "trace", "error", "share", "embed", "email", "staff", "guest", "audio",
    "video", "image", "photo", "media", "stats", "state", "cache", "clear", "close", "reply", "write", "order",
    "cart", "books", "store", "event", "terms", "legal", "https", "utf-8", "light", "theme", "noamp", "nojs",
})


def _word_query(query: str) -> bool:
    """A query that is a word a site's own page takes (``?admin``, ``?login``), not a kit's key."""
    return query.lower() in _SITE_QUERY_WORDS


def _flagged_alone(link: Link, signs: tuple[str, ...]) -> bool:
    """A link pasted alone that its own rules flag whatever it names: an address, a dynamic-DNS
    host, or a kit's signs strong enough (a page on free hosting alone is not flagged)."""
    return link.is_ip or _under(link.host, catalogue().dynamic_dns) is not None or _bare_severity(link.host, signs) == "high"


def _kit_fingerprint_brand(f: Facts) -> list[Finding]:
    """A link pasted alone that a kit made, whose address has the shape of one kit's links
    (``data/kits.toml``: ``/tetsuzuki/login.htm`` is MyJCB's kit, a root with a five-letter
    query the Apple ID kit's): the brand that kit imitates, when nothing in the link names one."""
    cat = catalogue()
    for link in [link for link in f.links if link.is_ip or link.registrable_domain][:20]:
        signs = _link_signs(link, True)
        if cat.is_official(link.registrable_domain) or _under(link.host, cat.infrastructure) \
                or not _flagged_alone(link, signs):
            continue
        # an address or a dynamic-DNS name flags a link by itself, but a member's own device there
        # (a NAS, a router) has pages of ordinary words too: those name a brand only on a name
        # a kit made (bsokgdaznk.duckdns.org/ja/main), never on an address or a chosen name
        bid = _kit_fingerprint_of(link, words=not link.is_ip and _kit_made_name(link.host))
        if bid in cat.by_id:
            return [_f("lookalike_domain", "high", (defang_host(link.host),), host=defang_host(link.host),
                       brand=_brand_name(cat.by_id[bid]), how="kit")]
    return []


def _kit_made_name(host: str) -> bool:
    """Whether a host's own name is one a kit made: any host not on a dynamic-DNS provider (its
    other signs are read elsewhere), or on one a name before the provider's that is random,
    unreadable, pinyin or a kit's step (``bsokgdaznk.duckdns.org``; not ``myhome.duckdns.org``)."""
    platform = _under(host, catalogue().dynamic_dns)
    if platform is None:
        return True
    labels = [lab for lab in host[: -len(platform) - 1].split(".") if lab and lab != "www"] if host != platform else []
    return any(_randomish(lab) or _unreadable_word(lab) or pinyin_name(lab) or _KIT_SUBDOMAIN.search(lab)
               for lab in labels)


def _brand_subdomain(f: Facts) -> list[Finding]:
    """A link pasted alone whose sub-domain is a brand's short name on someone else's site
    (``epos.x7q-shop.com``, ``amex.x7q-design.co.jp``, ``jcbb.x7q.com``): a page made for that
    brand on a borrowed or bought domain. Only the brands' bare words and three-letter names
    without vowels count here (their tokens count anywhere in the host already)."""
    cat = catalogue()
    for link in _web_links(f)[:20]:
        reg = link.registrable_domain or ""
        if cat.is_official(reg) or _under(link.host, cat.infrastructure) or not link.host.endswith("." + reg):
            continue
        platform = _under(link.host, cat.free_hosting) or _under(link.host, cat.dynamic_dns)
        sub = link.host[: -len(platform or reg) - 1]
        bid = _short_name_in(tuple(p for label in sub.split(".") for p in label.split("-") if p))
        if bid in cat.by_id:
            return [_f("lookalike_domain", "high", (defang_host(link.host),), host=defang_host(link.host),
                       brand=_brand_name(cat.by_id[bid]), how="token")]
    return []


def _tokens_in_any(texts: list[str]) -> list[tuple[str, str]]:
    """(token, brand id) of the catalogue tokens inside any of ``texts``, in the catalogue's order."""
    if not texts:
        return []
    index = token_index()
    at = sorted({i for text in texts for i in index.positions(text)})
    tokens = catalogue().tokens
    return [tokens[i] for i in at]


@lru_cache(maxsize=1)
def _three_letter_names() -> tuple[tuple[str, str], ...]:
    """The catalogue's three-letter tokens without vowels that are not ordinary words (jcb, dhl),
    in the catalogue's order: the only tokens a kit's host piece is read for by its ends."""
    cat = catalogue()
    return tuple((token, bid) for token, bid in cat.tokens
                 if len(token) == 3 and not _VOWELS.intersection(token) and token not in cat.bare_ordinary)


def _short_name_in(pieces: tuple[str, ...]) -> str | None:
    """The brand a piece of a sub-domain names by a bare word (whole; or starting it, four letters
    or more, or three with at most two more: ``jcbb``, ``eki1``) or a three-letter name without
    vowels at either end of a readable piece (``maajcb``)."""
    cat = catalogue()
    for piece in pieces:
        for word, bid in cat.bare_words.items():
            if word in cat.bare_ordinary:  # eki.example.jp is a station guide; saisonscardid. is not
                if piece.startswith(word) and len(piece) >= len(word) + 3:
                    return bid
            elif piece == word or (piece.startswith(word) and (len(word) >= 4 or len(piece) <= len(word) + 2)):
                return bid
        for token, bid in _three_letter_names():
            if piece != token and not _randomish(piece) and (piece.startswith(token) or piece.endswith(token)):
                return bid
    return None


def _kit_link(link: Link, signs: tuple[str, ...]) -> bool:
    """A link pasted alone that already shows what kits do: a sign of its own, an address, or a
    host on a dynamic-DNS or free-hosting name (judged by their own rules)."""
    cat = catalogue()
    if link.is_ip or _under(link.host, cat.dynamic_dns) is not None or _under(link.host, cat.free_hosting) is not None:
        return True
    return _bare_severity(link.host, signs) == "high"


def _kit_host_brand(f: Facts, loosely: bool = False, scrambled: bool = False) -> list[Finding]:
    """A link pasted alone, made by a kit, whose host writes a brand in a way too loose to count
    anywhere else: a Japanese domain written into its sub-domains (``www.e-tax.nta.go.jp.x7q.cn``,
    ``ekii-co-jp.x7q.cn``, ``no-reply-aern-ne-jp.x7q.com``: the name before it, misspelt or not),
    a brand's short name as a hyphen piece (``orico.x7q.cn``, ``saisonscard-x.x7q.cn``), or a
    three-letter name without vowels at either end of one (``maajcb.x7q.sbs``)."""
    cat = catalogue()
    for link in _web_links(f)[:20]:
        if cat.is_official(link.registrable_domain) or _under(link.host, cat.infrastructure) \
                or not _kit_link(link, _link_signs(link, True)):
            continue
        if scrambled:  # the loosest reading: only on a link its own signs already flag
            bid = _brand_scrambled_in(link.host) if _flagged_alone(link, _link_signs(link, True)) else None
        else:
            bid = _brand_loosely_written_in(link.host) if loosely else _brand_written_in(link.host)
        if bid in cat.by_id:
            return [_f("lookalike_domain", "high", (defang_host(link.host),), host=defang_host(link.host),
                       brand=_brand_name(cat.by_id[bid]), how="token")]
    return []


_JP_SECOND_LEVEL = frozenset({"co", "ne", "or", "go", "ac", "ed", "gr", "lg"})
# official labels that are ordinary words or a product line, not the brand's name (post.ch,
# office.com, blog.google, inter.co): they name nothing in a kit's host
_GENERIC_LABELS = frozenset({"group", "global", "login", "mail", "home", "account", "secure", "online", "info",
                             "support", "service", "member", "members", "card", "bank", "mypage", "news", "post",
                             "blog", "office", "cloud", "live", "inter", "family", "store", "shop", "web", "mobile",
                             "money", "point", "points", "admin", "index", "link", "open", "plus", "smart", "portal"})


@lru_cache(maxsize=1)
def _written_names() -> tuple[dict[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str, str], ...]]:
    """How a kit writes a brand in a host: (every token and official label without hyphens and the
    brands' ``bare_words``, as whole pieces -> brand id; the tokens of five letters or more and
    the bare words of four, as the start of a longer piece, longest first; all of four letters or
    more with their skeletons, for misspellings)."""
    cat = catalogue()
    names: dict[str, str] = dict(cat.bare_words)
    prefixes: dict[str, str] = {w: b for w, b in cat.bare_words.items() if len(w) >= 4}
    for token, bid in cat.tokens:
        if token not in cat.name_ambiguous:
            names.setdefault(token.replace("-", ""), bid)
            if len(token.replace("-", "")) >= 5:
                prefixes.setdefault(token.replace("-", ""), bid)
    for domain, bids in cat.official.items():
        suffix = public_suffix(domain) or ""
        label = _label(domain).replace("-", "")
        if len(label) >= 4 and label.isalnum() and label not in _GENERIC_LABELS and label not in cat.name_ambiguous \
                and suffix not in cat.token_brand:  # blog.google, group.softbank: a brand's own TLD
            names.setdefault(label, bids[0])
    # names that are also ordinary words (apple, yamato): they start a name only before random letters
    for word in sorted(cat.name_ambiguous):  # sorted: a set's order changes from run to run
        bid = cat.token_brand.get(word) or next((bids[0] for d, bids in cat.official.items() if _label(d) == word), "")
        if len(word) >= 4 and bid:
            prefixes.setdefault(word + "?", bid)
    by_length = sorted(prefixes.items(), key=lambda nb: -len(nb[0]))
    fuzzy = tuple((n, skeleton(n), b) for n, b in sorted(names.items(), key=lambda nb: -len(nb[0])) if len(n) >= 4)
    return names, tuple(by_length), fuzzy


@lru_cache(maxsize=1)
def _names_by_look() -> dict[str, tuple[str, str]]:
    """The whole names of ``_written_names`` (three letters or more) by what they look like
    (``skeleton``: i, l and 1 merged, 0 read as o) -> (name, brand id), for names written with a
    look-alike letter."""
    out: dict[str, tuple[str, str]] = {}
    for name, bid in _written_names()[0].items():
        if len(name) >= 3:
            out.setdefault(skeleton(name), (name, bid))
    return out


def _looks_written(piece: str) -> str | None:
    """The brand a piece writes with a look-alike letter (``ae0n``, ``ek1``, ``ekl``): never a piece
    that writes letters where the brand's name has digits (``rios`` is a word, not ``r10s``)."""
    found = _names_by_look().get(skeleton(piece))
    if found is None:
        return None
    name, bid = found
    if len(name) == len(piece) and any(a != b and b.isdigit() and a.isalpha() for a, b in zip(piece, name, strict=True)):
        return None
    return bid


def _written_brand(name: str, domain_like: bool, chosen: bool = False) -> str | None:
    """The brand a piece of a kit's host names: the name itself, or a longer piece starting with
    it (``saisonscardid``, ``tepcojp``, ``ekiinc``, ``ts3canbic``), or the name misspelt: before a
    Japanese domain one edit, two from seven letters on (``aern``, ``epocerd``); elsewhere only
    names of eight letters or more, one edit, two from ten on (``japrnpost``, ``kuroekoymato``)."""
    if name in _GENERIC_LABELS or _KIT_SUBDOMAIN.search(name):
        return None  # a kit's own words (login-jp., admin-co-jp.) name no brand
    names, prefixes, fuzzy = _written_names()
    # ``chosen``: a name a person chose on a dynamic-DNS provider (no kit's sign in it), where an
    # ordinary bare word starts a longer piece only before three more characters (as a sub-domain)
    if name in names:
        return names[name]
    looks = _looks_written(name) if len(name) >= 3 else None
    if looks is not None:  # a letter swapped for one that looks like it (ekl-net, ek1.com., ae0n)
        return looks
    if not 4 <= len(name) <= 40:
        return None
    cat = catalogue()
    for cand, bid in prefixes:
        if cand.endswith("?"):  # an ordinary word: only before letters no language writes (applelswlqod)
            word = cand[:-1]
            rest = name[len(word):]
            if name.startswith(word) and len(rest) >= 4 and (_unreadable_word(rest) or _randomish(rest)):
                return bid
        elif name.startswith(cand) and not (chosen and cand in cat.bare_ordinary and len(name) < len(cand) + 3):
            return bid  # (a home server's chosen name: mynas is "my NAS", not マイナ)
    if (m := _NAME_AND_NUMBER.fullmatch(name)) and m.group(1) in names and m.group(1) not in _GENERIC_LABELS:
        return names[m.group(1)]  # a whole name numbered as a kit numbers its hosts (yamaha01)
    for word, bid in cat.bare_words.items():  # ekiinc, ufjbank, ts3canbic (not a random name: ufjxnjh)
        if len(word) == 3 and name.startswith(word) and not _randomish(name):
            return bid
    if not domain_like and len(name) < 8:
        return None
    skel = skeleton(name)
    for cand, cand_skel, bid in fuzzy:
        if (not domain_like and len(cand) < 8) or name in cand:  # a word inside a name (international)
            continue
        cap = 2 if min(len(cand), len(name)) >= (7 if domain_like else 10) else 1
        if (abs(len(cand) - len(name)) <= cap and edit_distance(name, cand, cap) <= cap) or (
            abs(len(cand_skel) - len(skel)) <= cap and edit_distance(skel, cand_skel, cap) <= cap
        ):
            return bid
    return None


@lru_cache(maxsize=4096)
def _brand_written_in(host: str) -> str | None:
    reg = org_domain(host)
    if not reg or not host.endswith("." + reg):
        sub = ""
    else:
        sub = host[: -len(reg) - 1]
    cat = catalogue()
    pieces = [p for p in re.split(r"[.-]", sub) if p]
    for i, piece in enumerate(pieces):
        if piece not in ("jp", "com") or i == 0:
            continue
        second = i >= 2 and piece == "jp" and pieces[i - 1] in _JP_SECOND_LEVEL
        j = i - 2 if second else i - 1
        if j < 0 or pieces[j] in ("www", "jp", "com"):
            continue
        written = f"{pieces[j]}.{pieces[i - 1]}.jp" if second else f"{pieces[j]}.{piece}"
        if written in cat.official:  # the brand's own domain, written out (ana.co.jp.x7q.cn)
            return cat.official[written][0]
        for name in (pieces[j], pieces[j - 1] + pieces[j] if j else ""):
            bid = _written_brand(name, True) if name else None
            if bid is not None:
                return bid
    names = _written_names()[0]
    for a, b in pairwise(pieces):  # a name split by a hyphen or a dot (e-tax., toyota-cubic., ekl-net.)
        if a + b in _GENERIC_LABELS:
            continue
        if a + b in names:
            return names[a + b]
        if (looks := _looks_written(a + b)) is not None:
            return looks
    labels = _kit_labels(host)
    all_pieces = [p for label in labels for p in label.split("-") if p and p != "www"]
    chosen = _under(host, cat.dynamic_dns) is not None and not _kit_made_name(host)
    for piece in all_pieces:
        bid = _written_brand(piece, False, chosen)
        if bid is not None:
            return bid
    for a, b in pairwise(all_pieces):  # the site's own name split by a hyphen (t-cat-jp-com.)
        if a + b not in _GENERIC_LABELS and a + b in names:
            return names[a + b]
        if len(a) == 1 and a.isalpha() and (bid := _name_before_junk(a + b)) is not None:
            return bid  # split after its first letter, a kit's key glued on (t-catkgmx., t-caticy.)
    for piece in all_pieces:  # a Japanese domain glued into one word (kurashi3tepcocojp.)
        if (bid := _glued_domain_brand(piece)) is not None:
            return bid
    for token, bid in _three_letter_names():  # maajcb, jcbgroup, securejcbtransactions (not by chance: jcbnqn)
        if any(
            p != token and token in p and p.isalpha() and not _randomish(p)
            and _VOWELS.intersection(p.replace(token, "")) for p in all_pieces
        ) or any(p != token and p.startswith(token) and len(p) <= len(token) + 2 and p.isalpha() for p in all_pieces):
            return bid  # (and the name with one or two letters after it: jcbb., jcbgw.)
    return None


# a name of four letters or more and a number of one to four digits (yamaha01)
_NAME_AND_NUMBER = re.compile(r"([a-z]{4,})([0-9]{1,4})")
# a Japanese domain's second level and "jp" glued to the end of a piece, dots dropped (tepcocojp)
_GLUED_JP_DOMAIN = re.compile(r"(?:co|ne|or|go)jp$")


def _name_before_junk(joined: str) -> str | None:
    """The brand whose whole name (four letters or more) starts ``joined`` before at most four
    more characters or a random tail: a name split after its first letter (``t-cat``) with a
    kit's key glued on (``t-catkgmx``, ``t-caticy``)."""
    for name, bid in _written_names()[0].items():
        if len(name) >= 4 and name not in _GENERIC_LABELS and joined.startswith(name):
            rest = joined[len(name):]
            if rest.isalnum() and (len(rest) <= 4 or _randomish(rest) or _unreadable_word(rest)):
                return bid
    return None


def _glued_domain_brand(word: str) -> str | None:
    """The brand a word names just before a Japanese domain glued to it, dots dropped
    (``kurashi3tepcocojp``, ``plalaorjp``: ``_glued_name`` of what is before ``cojp``)."""
    m = _GLUED_JP_DOMAIN.search(word)
    return _glued_name(word[: m.start()]) if m is not None else None


def _kit_labels(host: str) -> list[str]:
    """The labels a kit chose: before the public suffix, or before the platform's own name for a page on
    a platform (x.github.io: only what is before it counts)."""
    cat = catalogue()
    platform = _under(host, cat.free_hosting) or _under(host, cat.dynamic_dns)
    suffix = platform or public_suffix(host) or ""
    return host[: -len(suffix) - 1 if suffix and host != suffix else None].split(".")


@lru_cache(maxsize=1)
def _names_longest_first() -> tuple[tuple[str, str], ...]:
    """``_written_names``' whole names, longest first (sorted once, not at each reading)."""
    return tuple(sorted(_written_names()[0].items(), key=lambda nb: -len(nb[0])))


@lru_cache(maxsize=1)
def _long_written_names() -> tuple[tuple[str, str], ...]:
    """The whole names of six letters or more, not generic and not ordinary words: what the loose and
    the scrambled readings of a host look for."""
    cat = catalogue()
    return tuple((n, b) for n, b in _written_names()[0].items() if len(n) >= 6 and n.isalpha()
                 and n not in _GENERIC_LABELS and n not in cat.name_ambiguous)


def _glued_name(head: str) -> str | None:
    """The brand a word names just before a Japanese domain glued to it (``kurashi3tepcocojp``:
    ``tepco``): the longest whole name of four letters or more, or of three without vowels, that
    ends ``head`` after a digit or as all of it."""
    for name, bid in _names_longest_first():
        if (len(name) >= 4 or (len(name) == 3 and not _VOWELS.intersection(name))) and name not in _GENERIC_LABELS \
                and head.endswith(name) and (len(head) == len(name) or head[-len(name) - 1].isdigit()):
            return bid
    return None


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


@lru_cache(maxsize=4096)
def _brand_loosely_written_in(host: str) -> str | None:
    """The last reading of a kit's host, when nothing else named a brand: a name of six letters or
    more with one letter slipped inside it (``ameazon``), a name of ten letters or more cut short
    or going on otherwise after its first ten (``americanexpercent``; not ``americaneagle``, which
    leaves the name at its tenth letter), a name with its letters
    doubled (``mmeerrcari``, ``paaypaay``), a name of twelve letters or more misspelt and cut short
    (``ameriacnexpre``: within two edits of the name's start as long as it)."""
    labels = _kit_labels(host)
    names = _written_names()[0]
    long_names = _long_written_names()
    for piece in (p for label in labels for p in label.split("-") if p.isalpha() and p != "www"):
        single = re.sub(r"(.)\1+", r"\1", piece)
        if single != piece and len(single) >= 5 and single in names and single not in _GENERIC_LABELS:
            return names[single]
        for name, bid in long_names:
            if len(name) >= 10 and len(piece) >= 9 and piece != name and (
                piece.startswith(name[:10]) or name.startswith(piece)
            ):
                return bid
            if len(piece) == len(name) + 1 and piece[0] == name[0] and not piece.startswith(name) \
                    and not piece.endswith(name) and _subsequence(name, piece):
                return bid
    # a name of twelve letters or more misspelt and cut short: a piece of ten letters or more within
    # two edits of the name's start as long as it (ameriacnexpre, amercianexpre: American Express)
    for piece in (p for label in labels for p in label.split("-") if p.isalpha() and len(p) >= 10):
        for name, bid in long_names:
            if len(name) >= 12 and piece[:3] == name[:3] and name not in piece \
                    and edit_distance(piece, name[: len(piece)], 2) <= 2:
                return bid
    return None


@lru_cache(maxsize=4096)
def _brand_scrambled_in(host: str) -> str | None:
    """The very last reading of a kit's host: a name of six letters or more written shuffled
    (``_scrambled``), read after the kits' fingerprints."""
    labels = _kit_labels(host)
    long_names = _long_written_names()
    for piece in (p for label in labels for p in label.split("-") if p.isalpha() and p != "www"):
        for name, bid in long_names:
            if _scrambled(name, piece):
                return bid
    return None


def _scrambled(name: str, piece: str) -> bool:
    """A name of six letters or more with its letters shuffled and up to four slipped in, as kits
    write it to dodge filters (``raukuetanu``, ``mericar``, ``jibnubacnk``): the piece starts as
    the name does, holds every letter of it, and all but one of them in order."""
    if not len(name) <= len(piece) <= len(name) + 4 or piece[:2] != name[:2] or name in piece:
        return False
    if any(piece.count(c) < name.count(c) for c in set(name)):
        return False
    # a kit shuffles the name's own letters, repeats some, and may add the country (raukuetanu,
    # mercairjp); a word holding the name's letters brings letters of its own (mercurial: u, l;
    # moderation: d, a, t, i): at most one letter the name has not
    body = piece[:-2] if piece.endswith("jp") and not name.endswith("jp") else piece
    if len({c for c in body if c not in name}) > 1:
        return False
    # all in order with letters slipped between is a word that holds the name (interface: interac)
    return _common_letters(piece, name) == len(name) - 1


def _common_letters(a: str, b: str) -> int:
    """The length of the longest sequence of letters both words hold in order."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _brand_in_path(f: Facts) -> list[Finding]:
    """A link pasted alone whose host looks made-up and whose path names a brand
    (``/auth.sso.biglobe.ne.jp/``, ``/id.auth.orico.co.jp/``, ``/jcblogin/``): the brand it imitates."""
    cat = catalogue()
    for link in [link for link in f.links if link.is_ip or link.registrable_domain][:20]:
        path = link.url.split("://", 1)[-1].partition("/")[2][:300]
        signs = _link_signs(link, True)
        if not path or cat.is_official(link.registrable_domain) or not (
            set(signs) - {"brand_in_path"} or _kit_link(link, signs)
        ):
            continue
        domain = _official_in_path().search(path.lower()) or _official_glued_in_path().search(path.lower())
        token = None if domain else _path_names().search(path)
        if domain is not None:
            bid = cat.official[domain.group(1)][0]
        elif token is not None:
            word = token.group(1).lower()
            bid = cat.bare_words.get(word) or cat.token_brand.get(word, "")
        else:  # a Japanese domain glued into a word of the path (/web.plalaorjp/)
            words = re.split(r"[^a-z0-9]+", path.partition("?")[0].lower())
            bid = next((b for w in words if (b := _glued_domain_brand(w)) is not None), "")
            if not bid:
                continue
        if bid in cat.by_id:
            return [_f("lookalike_domain", "high", (defang_host(link.host),), host=defang_host(link.host),
                       brand=_brand_name(cat.by_id[bid]), how="path")]
    return []


# a campaign key glued after a brand's name in a kit's page name: letters and digits, six or more
_GLUED_KEY = re.compile(r"(?=[A-Za-z]*[0-9])[A-Za-z0-9]{6,40}")


@lru_cache(maxsize=1)
def _key_names() -> tuple[tuple[str, str], ...]:
    """Names a kit glues a campaign key to (``_brand_before_key``), longest first: the brands'
    tokens of three letters or more, their bare words and the names that are ordinary words
    (``apple``, ``sagawa``): before a random key they are no word of a page."""
    cat = catalogue()
    names: dict[str, str] = {}
    for token, bid in cat.tokens:
        if token.isalnum() and (len(token) >= 4 or (len(token) == 3 and not _VOWELS.intersection(token))):
            names.setdefault(token, bid)
    for word, bid in cat.bare_words.items():
        names.setdefault(word, bid)
    for word in sorted(cat.name_ambiguous):  # sorted: a set's order changes from run to run
        bid = cat.token_brand.get(word) or next((bids[0] for d, bids in cat.official.items() if _label(d) == word), "")
        if len(word) >= 4 and bid:
            names.setdefault(word, bid)
    return tuple(sorted(names.items(), key=lambda nb: -len(nb[0])))


@lru_cache(maxsize=1)
def _key_name_map() -> dict[str, str]:
    """``_key_names`` as a mapping, for the readings that look a whole name up."""
    return dict(_key_names())


def _key_page_brand(segment: str) -> str | None:
    """The brand of a kit's page named by a brand's name and a campaign key glued to it, in any
    case, maybe after one letter (``jcbdashuiUIYEUQWI3749``, ``wAmazonKLDHKQWLJE342``,
    ``guoshuiJKEHDFK8734``, ``applesca21xcza``): the key has digits, and capitals inside it or
    letters no one reads."""
    low = segment.lower()
    for skip in (0, 1):
        for name, bid in _key_names():
            if low.startswith(name, skip):
                key = segment[skip + len(name):]
                if _GLUED_KEY.fullmatch(key) and (_randomish(key.lower()) or any(c.isupper() for c in key)
                                                  or _LETTERS_DIGITS_LETTERS.fullmatch(key)):
                    return bid  # (a key of letters, digits, letters: sca21xcza, csa31exp)
    for skip in (0, 1):  # a name of five letters or more without its last one before a long key in capitals
        for name, bid in _key_names():  # (amazoWQYJK3424DASJHDA, wAmazoenKLDHKQ342)
            if len(name) >= 5 and name.isalpha() and low.startswith(name[:-1], skip) \
                    and not low.startswith(name, skip):
                key = segment[skip + len(name) - 1:]
                if _GLUED_KEY.fullmatch(key) and len(key) >= 12 and sum(c.isupper() for c in key) >= 3:
                    return bid
    return None


_SHORT_JUNK = re.compile(r"[a-z0-9]{1,8}")
# a campaign key no word is written as: three letters or more, digits, three letters or more (sca21xcza)
_LETTERS_DIGITS_LETTERS = re.compile(r"[A-Za-z]{3,}[0-9]+[A-Za-z]{3,}")
# a kit's step after a hyphen or an underscore in a page's name (smbct-login, jcbq_signin)
_STEP_AFTER = re.compile(r"(.{3,24})[-_](?:login|signin|verify|auth|account)")


def _short_page_brand(segment: str) -> str | None:
    """A kit's page named by a brand's name with a few letters or digits glued to it, after it
    (``heimaodd``, ``smbcun``, ``jcbq``) or at most four before it (``jpsmbc``); names of three
    letters only without vowels (``jcb``, ``smbc`` ... not ``ana``)."""
    low = segment.lower()
    if len(low) > 24:
        return None
    cat = catalogue()
    for name, bid in _key_names():
        if (len(name) < 4 and _VOWELS.intersection(name)) or name in cat.name_ambiguous:
            continue  # line, apple, visa are ordinary words' pieces (online, pineapple, visas)
        glued = low[len(name):]
        if low.startswith(name) and _SHORT_JUNK.fullmatch(glued) and (len(glued) <= 3 or not glued.isalpha()):
            return bid  # heimaodd, smbcun, jcbq (not nhkworld: a word glued on)
        if low.endswith(name) and not _VOWELS.intersection(name) and len(low) - len(name) <= 4 \
                and _SHORT_JUNK.fullmatch(low[: -len(name)]):
            return bid  # jpsmbc: only vowel-less names end a page so (not pipeline, hotline)
    return None


def _capitals_page_brand(segment: str) -> str | None:
    """A kit's page whose letters of one case spell a brand's name, letters of the other slipped
    between them to dodge filters: its capitals (``SMzBeuCs``: S, M, B, C), the segment starting
    with one, or its lower-case letters with two capitals or more among them, maybe one more letter
    at the end (``jZcEbUs``: j, c, b, s). Sixteen characters at most, a name of ``_key_names``."""
    if not 4 <= len(segment) <= 16 or not segment.isalnum() or segment.isupper() or segment.islower():
        return None
    names = _key_name_map()
    capitals = "".join(c for c in segment if c.isupper()).lower()
    if segment[0].isupper() and len(capitals) >= 3 and capitals in names:
        return names[capitals]
    lower = "".join(c for c in segment if c.islower())
    if len(capitals) >= 2:
        return next((names[cand] for cand in (lower, lower[:-1]) if len(cand) >= 3 and cand in names), None)
    return None


_DIGIT_SPLIT = re.compile(r"(?:[a-z][0-9]+){3,}")


def _digit_split_page_brand(segment: str) -> str | None:
    """A kit's page whose letters, each followed by digits, spell a brand's name, maybe after one
    letter (``m11j22c33b44``: m, j, c, b)."""
    low = segment.lower()
    if len(low) > 40 or not _DIGIT_SPLIT.fullmatch(low):
        return None
    letters = re.sub(r"[0-9]", "", low)
    names = _key_name_map()
    return next((names[cand] for cand in (letters, letters[1:]) if len(cand) >= 3 and cand in names), None)


def _misspelt_page_brand(segment: str) -> str | None:
    """A kit's page that is a name of eight letters or more misspelt, maybe with letters after it
    (``japeanposder``: Japan Post): a segment of letters whose first three are the name's and whose
    start as long as the name is within two edits of it."""
    low = segment.lower()
    if not 8 <= len(low) <= 30 or not low.isalpha():
        return None
    cat = catalogue()
    for name, bid in _written_names()[0].items():
        if len(name) >= 8 and name.isalpha() and name not in _GENERIC_LABELS and name not in cat.name_ambiguous \
                and low[:3] == name[:3] and name not in low and edit_distance(low[: len(name)], name, 2) <= 2:
            return bid
    return None


_LEADING_LETTERS = re.compile(r"[a-z]+(?=[0-9])")


def _split_page_brand(segment: str) -> str | None:
    """A kit's page starting with a four-letter name without vowels with one or two letters slipped
    into its middle, before a key that starts with digits (``smywbc641yr1da9c88``: sm·yw·bc): no
    word holds such a name's halves so."""
    m = _LEADING_LETTERS.match(segment.lower())
    if m is None:
        return None
    head = m.group(0)
    for name, bid in _key_names():
        if len(name) == 4 and not _VOWELS.intersection(name) and len(name) < len(head) <= len(name) + 2 \
                and head.startswith(name[:2]) and head.endswith(name[2:]):
            return bid
    return None


def _brand_before_key(f: Facts) -> list[Finding]:
    """A link pasted alone, flagged by its own signs, whose page (one or two path segments) is a
    brand's name with a campaign key glued to it (``_key_page_brand``) or a few characters
    (``_short_page_brand``): the brand the kit imitates."""
    cat = catalogue()
    for link in [link for link in f.links if link.is_ip or link.registrable_domain][:20]:
        segments = [s for s in link.url.split("://", 1)[-1].partition("/")[2].partition("#")[0].partition("?")[0]
                    .split("/") if s]
        if not 0 < len(segments) <= 2 or cat.is_official(link.registrable_domain) \
                or not _flagged_alone(link, _link_signs(link, True)):
            continue
        step = _STEP_AFTER.fullmatch(segments[0][:60].lower())
        bid = _key_page_brand(segments[0][:60]) or _short_page_brand(segments[0][:60]) \
            or (_short_page_brand(step.group(1)) if step else None) \
            or _capitals_page_brand(segments[0][:60]) or _split_page_brand(segments[0][:60]) \
            or _digit_split_page_brand(segments[0][:60]) or _misspelt_page_brand(segments[0][:60])
        if bid in cat.by_id:
            return [_f("lookalike_domain", "high", (defang_host(link.host),), host=defang_host(link.host),
                       brand=_brand_name(cat.by_id[bid]), how="path")]
    return []


@lru_cache(maxsize=1)
def _path_names() -> re.Pattern[str]:
    """What names a brand in the path of a kit's link: a token of four letters or more, a
    three-letter one without vowels (``/jcblogin``), a brand's bare word (``/eorico/``, ``/yamato``),
    as a word of the path or before digits or a kit word (``/mufgcard/``)."""
    cat = catalogue()
    words = {t for t, _ in cat.tokens if len(t) >= 4 or (len(t) == 3 and not _VOWELS.intersection(t))}
    words |= set(cat.bare_words)
    alternatives = "|".join(re.escape(t) for t in sorted(words, key=len, reverse=True)) or "(?!)"
    # case-sensitive around the name: a campaign key glued on in capitals (/saisonKJKE8767/) ends it
    return re.compile(rf"(?:(?<![A-Za-z])|(?<=log)|(?<=login)|(?<=signin))(?i:({alternatives}))"
                      rf"(?:(?![a-z])|(?=(?:login|signin|verify|member|card|jp|co)(?![a-z])))")


@lru_cache(maxsize=1)
def _official_domains_longest_first() -> list[str]:
    """The catalogue's official domains of six characters or more with a dot, longest first (an
    alternation tries the longest before a domain it ends with)."""
    return sorted((d for d in catalogue().official if "." in d and len(d) >= 6), key=len, reverse=True)


@lru_cache(maxsize=1)
def _official_in_path() -> re.Pattern[str]:
    """Every official domain of the catalogue as one pattern, found as a word of a path."""
    domains = _official_domains_longest_first()
    return re.compile(r"(?<![a-z0-9-])(" + "|".join(re.escape(d) for d in domains) + r")(?![a-z0-9-])")


@lru_cache(maxsize=1)
def _official_glued_in_path() -> re.Pattern[str]:
    """Every official domain glued after a mail service's word in a path (``/mailplala.or.jp``,
    ``/webplala.or.jp``): read for the brand of a kit's link, not a sign of its own
    (``domain_in_path`` stays as it was)."""
    domains = _official_domains_longest_first()
    return re.compile(r"(?:(?<=mail)|(?<=\bweb))(" + "|".join(re.escape(d) for d in domains) + r")(?![a-z0-9-])")


def idn_homoglyph(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    for link in f.links:
        if not link.unicode_host:
            continue
        for label in link.unicode_host.split("."):
            found = scripts(label)
            if len(found - {"CJK"}) > 1 or (found & {"Cyrillic", "Greek"} and skeleton(label).isascii()):
                out.append(_f("idn_homoglyph", "high", (defang_host(link.host),), host=defang_host(link.host),
                              shown=defang_host(link.unicode_host)))
                break
        if len(out) >= 3:
            break
    return out


_TEXT_HOST = re.compile(r"(?i)(?:https?://)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?![a-z0-9-])")


def href_text_mismatch(f: Facts) -> list[Finding]:
    cat = catalogue()
    out: list[Finding] = []
    for link in f.links:
        if link.text is None or link.source != "html":
            continue
        shown = link.text[:300]
        m = _TEXT_HOST.search(shown)
        if m is None or "." not in m.group(1) or "@" in shown[max(0, m.start() - 1) : m.end() + 1]:
            continue  # no name shown, or it is an address (taro.yamada@…), not a link
        if not has_known_tld(m.group(1).lower()):
            continue
        shown_org = org_domain(m.group(1).lower())
        if shown_org is None or shown_org == link.registrable_domain:
            continue
        if link.host in cat.redirectors or link.registrable_domain in cat.trackers:
            continue
        # showing a brand's own domain while going elsewhere is the phishing trick; other
        # mismatches are mostly newsletters' click tracking
        severity: Severity = "medium" if cat.is_official(shown_org) else "low"
        out.append(_f("href_text_mismatch", severity, (defang_host(link.host),),
                      shown=defang_host(shown_org), real=defang_host(link.registrable_domain or link.host)))
        if len(out) >= 3:
            break
    return out


def shortener_link(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts = sorted({link.host for link in f.links if link.host in cat.shorteners or link.registrable_domain in cat.shorteners})
    if not hosts:
        return []
    severity: Severity = "medium"
    return [_f("shortener_link", severity, tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]


_IP_NAMED = re.compile(r"(?:^|[.-])(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:[.-](?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}[.-]")


def ip_literal_link(f: Facts) -> list[Finding]:
    hosts = sorted({link.host for link in f.links if link.is_ip})
    # a server's own name spelling its address (239.125.168.184.host.example.net, x.20-218-142-124.example):
    # a machine reached by number, not a site anyone named
    named = sorted({link.host for link in f.links if not link.is_ip and _IP_NAMED.search(link.host)} - set(hosts))
    if not hosts and not named:
        return []
    # the one link of a lure, or one address among a digest's dozens of links
    others = len({link.registrable_domain for link in f.links if not link.is_ip})
    if hosts:
        severity: Severity = "low" if f.sender.bulk or others >= DIGEST_DOMAINS else "high"
    else:
        severity = "low" if others >= DIGEST_DOMAINS else "medium"
    shown = hosts + named
    return [_f("ip_literal_link", severity, tuple(defang_host(h) for h in shown[:5]),
               hosts=_list([defang_host(h) for h in shown]))]


def _platform_customer(host: str, platforms: frozenset[str]) -> str | None:
    """The customer's own label on a platform (``myapp-3f2a1`` of myapp-3f2a1.firebaseapp.com), or None."""
    entry = _under(host, platforms)
    if entry is None or host == entry:
        return None
    return host[: -len(entry) - 1].rsplit(".", 1)[-1] or None


def free_hosting_link(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts = sorted({link.host for link in f.links if _under(link.host, cat.free_hosting)})
    frm = f.sender.from_addr
    if hosts and frm is not None and frm.domain and f.sender.auth.trusted \
            and org_domain(frm.domain) in {org_domain(d) for d in f.sender.auth.dkim_domains}:
        # round 11: a platform's customer mailing about its own page (an app's sign-in mail from
        # noreply@myapp.firebaseapp.com to myapp.firebaseapp.com, signed by the platform): the sender is
        # that page's owner, and sender_format already names the platform address; counted once
        sender = _platform_customer(frm.domain.lower(), cat.platform_senders | cat.free_hosting)
        if sender is not None:
            hosts = [h for h in hosts if _platform_customer(h, cat.free_hosting) != sender]
    if not hosts:
        return []
    # pasted alone, a page anyone could have published counts with any other sign of it (not alone:
    # people's blogs live there too)
    severity: Severity = "medium" if (f.brand is not None and not f.brand_official) or f.prepared.bare_links else "low"
    if f.prepared.bare_links and any(_made_up_customer(h, cat.free_hosting) for h in hosts):
        # alone, and the customer's name is made up (bear-lpth-vjb7.wositeb657.workers.dev, biglo1.weebly.com)
        severity = "high"
    return [_f("free_hosting_link", severity, tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]


def _made_up_customer(host: str, platforms: frozenset[str]) -> bool:
    """The names a platform's customer chose look machine-made: letters and digits mixed, stuffed
    with hyphens, random, or a brand's token."""
    entry = _under(host, platforms)
    if entry is None:
        return False
    labels = [lab for lab in host[: -len(entry) - 1].split(".") if lab and lab != "www"][-2:]
    for label in labels:
        plain = label.replace("-", "")
        mixed = any(c.isdigit() for c in plain) and any(c.isalpha() for c in plain) and not plain.isdigit()
        if mixed or label.count("-") >= 2 or _randomish(plain) or first_token(label) is not None:
            return True
    return False


def new_domain(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    # the youngest first, five at most: a digest of a hundred new sites is one sign, not a hundred
    for domain, age in sorted(f.ages.items(), key=lambda item: (item[1], item[0])):
        if age >= 30 or len(out) >= MAX_PER_RULE:
            continue
        severity: Severity = "high" if age < 10 else "medium"
        out.append(_f("new_domain", severity, (defang_host(domain),), domain=defang_host(domain), days=max(age, 0)))
    return out


def unregistered_domain(f: Facts) -> list[Finding]:
    gone = sorted(d for d, fact in f.domain_facts.items() if fact.not_registered)
    link_domains = {link.registrable_domain for link in f.links}
    return [
        _f("unregistered_domain", "high" if d in link_domains else "medium", (defang_host(d),), domain=defang_host(d))
        for d in gone[:5]
    ]


# --- content ---------------------------------------------------------------------------------


def _joined(a: str, b: str, f: Facts) -> bool:
    """``a`` and ``b`` written as one run of the text, sharing two or more characters ("メールボックスの容量" and
    "容量が上限" in 「メールボックスの容量が上限」)."""
    for k in range(min(len(a), len(b)) - 1, 1, -1):
        if a.endswith(b[:k]):
            run = a + b[k:]
            if run in f.text.text or run.replace(" ", "") in f.text.compact:
                return True
    return False


def _counted_once(f: Facts, phrases: list[str]) -> int:
    """Review 10: how many of the ``phrases`` found say different things: one inside another ("再配達" in "再配達料")
    or two sharing their words in one run of the text (「メールボックスの容量が上限」) count once (a mailbox notice's
    one sentence was two strong phrases)."""
    kept: list[str] = []
    for phrase in sorted(phrases[:20], key=len, reverse=True):
        if not any(phrase in other or _joined(other, phrase, f) or _joined(phrase, other, f) for other in kept):
            kept.append(phrase)
    return len(kept)


def lure_and_urgency(f: Facts) -> list[Finding]:
    cat = catalogue()
    out: list[Finding] = []
    lure = cat.phrases.get("credential_lure")
    credential_ask = asked_strongly = False
    warning: list[bool] = []  # review 11: whether the text is a warning about scams, read once if needed

    def unquoted(phrases: list[str]) -> list[str]:
        # review 11: the lure's words a warning about scams quotes („Ihr Konto wurde gesperrt“) are not asked
        if phrases and not warning:
            warning.append(_warns_of_scams(f))
        return _quoted_in_warning(f, phrases, warning[0]) if phrases else phrases

    if lure is not None and not f.brand_official:
        # round 10 (japrec10): a Japanese notice's denial, report or pointer to its own channel asks nothing
        strong = unquoted(_said_not_asked_ja(f, f.text.count_phrases(lure.strong)))
        weak = _beside(unquoted(_said_not_asked_ja(f, f.text.count_phrases(lure.weak))), strong)
        credential_ask = bool(strong or weak)
        asked_strongly = bool(strong)
        # round 10 (secret10): a secret asked by reply, phone or chat is a lure on its own, link or none
        secrets = secret_asks(f.text.text, f.text.compact, f.text.words, _ja_said_not_asked)
        if secrets:
            credential_ask = asked_strongly = True
            out.append(_f("credential_lure", "high", tuple(secrets[:5]), phrases=_list(secrets), note="secret_ask"))
        elif strong:
            severity: Severity = "high" if _counted_once(f, strong) >= 2 and weak else "medium"
            out.append(_f("credential_lure", severity, tuple(strong[:5]), phrases=_list(strong)))
        elif len(weak) >= 2:
            out.append(_f("credential_lure", "low", tuple(weak[:5]), phrases=_list(weak)))
    urgency = cat.phrases.get("urgency")
    if urgency is not None:
        strong = unquoted(_said_not_asked_ja(f, f.text.count_phrases(urgency.strong)))
        weak = _beside(unquoted(_said_not_asked_ja(f, f.text.count_phrases(urgency.weak))), strong)
        deadlines = f.text.count_phrases(urgency.deadline) if urgency.deadline else []
        # round 9: a deadline says when, not what is lost: urgent beside a credential ask ("log in within 24
        # hours"), one weak word otherwise (a shop's "refunded within 48 hours")
        # round 11 (ja11): a Japanese loss told beside a credential ask of the telling kind (「24時間以内に閉鎖されます」
        # 「アカウントはロックされます」「ポイントが失われないように」 beside 「アカウントを確認してください」) is the lure's
        # whole shape: its one threat weighs as much as a brand named (a genuine notice's loss points to its own site,
        # and a brand's own verified mail asks nothing here)
        threat = asked_strongly and any(not p.isascii() for p in strong)
        if credential_ask:
            strong += deadlines
        else:
            weak += deadlines
        if strong:
            level: Severity = "high" if threat else "medium"
            out.append(_f("urgency_language", level, tuple(strong[:5]), phrases=_list(strong)))
        elif len(weak) >= 2:
            out.append(_f("urgency_language", "low", tuple(weak[:5]), phrases=_list(weak)))
    return out


# round 11 (world11): a Tron (USDT TRC-20) wallet too; bounded by what no address holds (an ASCII letter or digit), not
# by \b: a Chinese or Korean text writes the address straight after its words (「钱包bc1q…」), which \b reads as one word
_WALLET = re.compile(r"(?<![A-Za-z0-9])(?:bc1[ac-hj-np-z02-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}"
                     r"|T[1-9A-HJ-NP-Za-km-z]{33})(?![A-Za-z0-9])")


def extortion(f: Facts) -> list[Finding]:
    cat = catalogue()
    words = cat.phrases.get("extortion")
    if words is None:
        return []
    threats = f.text.count_phrases(words.strong)
    if not threats:
        return []  # no threat, no extortion: the wallet search over the raw text is skipped
    raw = "\n".join(f.mail.texts)[:500_000] + "\n" + "\n".join(h.text for h in f.html)[:500_000]
    wallet = _WALLET.search(raw)
    if wallet and len(threats) >= 1:
        shown = wallet.group(0)
        return [_f("extortion", "high", (shown[:6] + "…",), wallet=shown[:6] + "…", phrases=_list(threats))]
    # round 11 (ja11): Japanese sextortion often leaves the wallet for the reply (「72時間以内に5万円分のビットコインを
    # 支払ってください」): three of its threats, not denied or quoted, in a short text that asks to pay, are the demand
    # (two of them the shame told, not the words a crypto exchange's or a device notice's own mail also says)
    told = _said_not_asked_ja(f, [t for t in threats if not t.isascii()])
    shame = [t for t in told if t not in _JA_PLAIN_THREATS]
    if (len(f.text.text) < LURE_TEXT_CHARS and _counted_once(f, told) >= 3 and _counted_once(f, shame) >= 2
            and _JA_PAY.search(f.text.compact) is not None):
        severity: Severity = "high" if _counted_once(f, told) >= 4 else "medium"
        return [_f("extortion", severity, tuple(told[:5]), phrases=_list(told))]
    return []


_JA_PLAIN_THREATS = frozenset(("ビットコイン", "ビットコインウォレット", "あなたのデバイス", "48時間", "ウェブカメラ"))
_JA_PAY = re.compile(r"(?:ビットコイン|仮想通貨|暗号資産|送金|支払|振込|振り込)[^。]{0,12}?"
                     r"(?:ください|下さい|しろ|せよ|なさい|すること|しなければ)")


def leak_tag(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    if f.sender.bulk:
        return out  # the recipient is the list, not a member's tagged address
    for rcpt in f.sender.recipients:
        local, _, _domain = rcpt.address.partition("@")
        tag = None
        if "+" in local:
            tag = local.split("+", 1)[1]
        elif service_for_tag(local):
            tag = local
        if tag:
            service = service_for_tag(tag) or tag
            out.append(_f("leak_tag", "info", tag=tag[:40], service=service, address=mask_address(rcpt.address)))
            break
    return out


_DANGEROUS = (".exe", ".scr", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".hta", ".bat", ".cmd", ".ps1",
              ".lnk", ".iso", ".img", ".vhd", ".jar", ".msi", ".docm", ".xlsm", ".pptm", ".one", ".cpl", ".com")


def attachments(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    risky = [present_text(a.filename) for a in f.mail.attachments if a.filename and a.filename.lower().endswith(_DANGEROUS)]
    if risky:
        out.append(_f("dangerous_attachment", "high", tuple(risky[:5]), names=_list(risky)))
    archives = [present_text(a.filename) for a in f.mail.attachments
                if a.filename and a.filename.lower().rstrip(". ").endswith(_ARCHIVE)]
    if archives:
        out.append(_f("archive_attachment", "medium", tuple(archives[:5]), names=_list(archives)))
    if any(f.html_is_attachment):
        out.append(_f("html_attachment", "medium"))
    return out


def html_tricks(f: Facts) -> list[Finding]:
    out: list[Finding] = []
    forms = [(a, pw) for h in f.html for a, pw in h.forms]
    if forms:
        with_password = any(pw for _, pw in forms)
        targets = sorted({org_domain(_host_of(a)) or "" for a, _ in forms if a.startswith(("http://", "https://"))} - {""})
        if with_password or targets:
            out.append(_f("credential_form", "high" if with_password else "low",
                          tuple(defang_host(t) for t in targets[:5]),
                          targets=_list([defang_host(t) for t in targets]) or "-"))
    signs: set[str] = set()
    for h in f.html:
        signs |= h.script_signs
    decoders = signs & {"atob", "unescape", "fromCharCode"}
    sinks = signs & {"document.write", "eval", "location"}
    if decoders and sinks:
        out.append(_f("obfuscated_script", "high", tuple(sorted(signs)), signs=", ".join(sorted(signs))))
    smuggling = signs & {"Blob", "createObjectURL", "msSaveOrOpenBlob", "download"}
    if len(smuggling) >= 2 or ("Blob" in smuggling and decoders):
        out.append(_f("html_smuggling", "high", tuple(sorted(smuggling)), signs=", ".join(sorted(smuggling))))
    if f.mail.pdf_signs:
        severity: Severity = "high" if "launch" in f.mail.pdf_signs else "medium"
        out.append(_f("pdf_active_content", severity, f.mail.pdf_signs, signs=", ".join(f.mail.pdf_signs)))
    return out


def listed_link(f: Facts) -> list[Finding]:
    """A link to a name a threat feed lists (JPCERT/CC, OpenPhish, …): a fact the caller looked
    up, like a registration age. Full weight while the listing is current, little once it is old."""
    out: list[Finding] = []
    seen: set[str] = set()
    for link in f.links:
        found = f.listings.get(link.host)
        if not found or found[0].domain in seen:
            continue
        best = found[0]  # the caller orders them: current ones first, then the earliest
        seen.add(best.domain)
        severity: Severity = "high" if best.current else "low"
        out.append(_f("listed_link", severity, (defang_host(best.domain),), domain=defang_host(best.domain),
                      source=best.source, date=best.first_listed[:10], label=best.label or "", threat=best.threat,
                      current="yes" if best.current else "no"))
    out.sort(key=lambda finding: finding.severity != "high")  # current listings first (a stable sort)
    return out[:MAX_PER_RULE]


def _host_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].rpartition("@")[2].partition(":")[0].lower()


# --- transport and format signals the receiving side wrote down (issue 11) -------------------


def _under(host: str | None, names: frozenset[str]) -> str | None:
    """The entry of ``names`` that ``host`` is, or lies under (a.b.web.app under web.app)."""
    return under(host.lower().strip("."), names) if host else None


_QUOTED_DOMAIN = re.compile(r"[\"'<>()\[\],;\\\s]")


def _machine_local(local: str) -> bool:
    """A mailbox name no person or company would pick: a random run of consonants."""
    local = local.partition("+")[0].lower()
    return len(local) >= 6 and local.isalpha() and local.isascii() and _randomish(local)


def compauth_fail(f: Facts) -> list[Finding]:
    auth = f.sender.auth
    if not auth.trusted or auth.compauth not in ("fail", "softfail"):
        return []
    if auth.dmarc == "fail":
        return []  # the same verdict of the same server, counted once (dmarc_fail)
    server = defang_host(auth.authserv_id) if auth.authserv_id else "?"
    return [_f("compauth_fail", "medium" if auth.compauth == "fail" else "low", server=server)]


# names people and companies write: words in lower case, Capitalised or camelCase, an acronym
_CAMEL_WORD = re.compile(r"(?:[A-Z]{0,2}[a-z]{3,}|[A-Z]{2,5}[a-z]{5,}|[a-z]{1,2})(?:[A-Z][a-z]{3,})*|[A-Z]+|[a-z]+")
_TITLED_NAME = re.compile(r"(?:Dr|Mr|Mrs|Ms|[A-Z])[A-Z][a-z]{2,}(?:[A-Z][a-z]*)?|[A-Z][a-z]{2,}[A-Z]{1,2}")  # DrSmith, JohnS
_NAME_NUMBER_LOCAL = re.compile(r"[a-z]{2,20}_[a-z]{2,20}_[0-9]{3,6}")


def _raw_local(f: Facts) -> str:
    """The From address's mailbox name as written (case kept), or ""."""
    frm = f.sender.from_addr
    if frm is None or not frm.address:
        return ""
    raw = next((v for k, v in f.mail.headers[:200] if k == "from"), "")[:2000]
    at = raw.lower().find(frm.address)
    return raw[at : at + len(frm.local)] if at >= 0 else frm.local


def _machine_mailbox(local: str) -> bool:
    """A mailbox name bulk-mailing software generated: letters in random case (``uispCla``,
    ``XAHrfci``), or ``first_last_12345`` (a name and a serial number, one per message)."""
    if _NAME_NUMBER_LOCAL.fullmatch(local.lower()):
        return True
    return 5 <= len(local) <= 14 and local.isascii() and local.isalpha() and not _CAMEL_WORD.fullmatch(local) \
        and not _TITLED_NAME.fullmatch(local)


def _name_in_mailbox(name: str | None, local: str) -> bool:
    """The display name and the mailbox share a word (``Dr Funk <DrFunk@…>``): a person's own choice."""
    return bool(name) and any(w in local for w in re.findall(r"[a-z]{3,}", (name or "").lower()))


def sender_format(f: Facts) -> list[Finding]:
    frm = f.sender.from_addr
    if frm is None or not frm.address or "@" not in frm.address:
        raw = next((v for k, v in f.mail.headers[:200] if k == "from"), None)
        if f.mail.kind == "eml" and raw is not None and raw.strip():
            # a From line with a name and no address (or an empty <>): no mail service sends that
            shown = present_text(raw.replace("<>", "").strip().strip('"')[:60]) or "<>"
            return [_f("sender_format", "medium", address=shown, how="no_address")]
        return []
    domain = frm.domain
    how = None
    if not domain:
        return []
    if _QUOTED_DOMAIN.search(domain):
        how = "quoted"
    elif domain.endswith("."):
        how = "trailing_dot"
    elif "." not in domain:
        how = "single_label"
    elif "%" in frm.address or "!" in frm.address:
        how = "odd_characters"
    elif _under(domain, catalogue().platform_senders) is not None:
        how = "platform"
    elif len(_link_signs_of_host(domain, "")) >= 2 or _machine_local(frm.local):
        how = "machine_made"
    elif org_domain(domain) not in catalogue().freemail and _machine_mailbox(_raw_local(f)) \
            and not _name_in_mailbox(frm.display_name, frm.local):
        how = "machine_mailbox"
    if how is None:
        return []
    # a mailbox in random case is a weaker sign than a name and a serial number: people pick odd names
    severity: Severity = "low" if how == "machine_mailbox" and not _NAME_NUMBER_LOCAL.fullmatch(frm.local) else "medium"
    return [_f("sender_format", severity, address=mask_address(frm.address), how=how)]


TENANT_SUFFIX = ".onmicrosoft.com"


def _machine_tenant(label: str) -> bool:
    """A Microsoft 365 tenant name no company would pick: a serial (``ste20995472``, ``mlz665``),
    digits and letters interleaved, or a random run (``txuvmfbn``)."""
    label = label.lower()
    digits = sum(c.isdigit() for c in label)
    switches = sum(1 for a, b in pairwise(label) if a.isdigit() != b.isdigit())
    return digits >= 3 or switches >= 2 or (len(label) >= 4 and _randomish(label))


def throwaway_tenant(f: Facts) -> list[Finding]:
    """The mail was sent, signed or bounced through a Microsoft 365 tenant with a machine-made
    name: trial tenants opened by the hundred, one per campaign. (A tenant's own domain is
    Microsoft's naming, never a Microsoft look-alike; a company's tenant carries its name.)"""
    sender = f.sender
    frm = sender.from_addr
    names = [frm.domain if frm else "", sender.envelope_domain or "", *sender.dkim_domains]
    for name in (n.lower() for n in names if n):
        if name.endswith(TENANT_SUFFIX):
            label = name[: -len(TENANT_SUFFIX)].rpartition(".")[2]
            if label and _machine_tenant(label):
                return [_f("throwaway_tenant", "medium", (defang_host(name),), tenant=defang_host(name))]
    return []


# Round 10: a website's own mail carrying what someone typed into its form. Spammers fill a sign-up,
# contact or order form with an offer in the name field and the victim's address in the e-mail field:
# the site then greets the victim by that "name" ("Hello ✅ +$1,989 ➡️ https://…,") or echoes the form
# ("First Name: You earned 1.3 Bitcoin! https://…"). A link and a sum of money where a name belongs.
_NAME_START = re.compile(
    r"(?i)(?:^|[\s>(])(?:(?P<greet>hello|hi|hey|dear|hallo|hola|ol[aá]|oi|bonjour|salut|ciao|hej|merhaba"
    r"|good[ \t](?:morning|afternoon|evening|day)|guten[ \t]tag|buen(?:os|as)[ \t](?:d[ií]as|tardes|noches)"
    r"|bom[ \t]dia|boa[ \t](?:tarde|noite)|buongiorno|buonasera|goedendag|goedemorgen)[ \t]+"
    r"|(?:first[ \t]?name|last[ \t]?name|full[ \t]?name|your[ \t]name|user[ \t]?name|nick[ \t]?name"
    r"|display[ \t]name|sobrenome|pr[ée]nom|vorname|nachname"
    r"|apellidos?|お名前|氏名)(?:[ \t]*[(（][^)）\n]{1,20}[)）])?(?:[ \t\x1f]*[:：][ \t\x1f]*|[ \t　\x1f]+)"
    r"|(?P<bare>(?:name|nome|nom|nombre)(?:[ \t]+complet[oa]?)?|名前)"
    r"(?:[ \t]*[(（][^)）\n]{1,20}[)）])?[ \t\x1f]*[:：][ \t\x1f]*)"
    # review 10: a Japanese label needs no space before it (「ご氏名：」「お名前（漢字）：」), and its colon
    r"|(?:ご?氏名|お名前|姓名)(?:[(（][^)）\n]{1,20}[)）])?[ \t\x1f]*[:：][ \t\x1f]*")
# another form field between the name and the link: the link is not in the name
_OTHER_FIELD = re.compile(r"(?i)e-?mail|phone|tel\b|message|comment|subject|company|address|mensagem|assunto"
                          r"|nachricht|betreff|mensaje|asunto|電話|メール|件名|本文|お問い合わせ内容")
_MONEY_IN_NAME = re.compile(r"(?i)[$€£¥₿]\s?\d|\d[\d.,]*\s?(?:btc|eth|usdt|bitcoins?|usd|eur|dollars?|euros?|reais)\b"
                            r"|\b(?:bitcoins?|btc|usdt|crypto)\b|\d[\d.,]*\s?(?:円|万円|ドル)"
                            # review 10: the sign after the sum ("500 €", "1 000 €") and the code before it ("USD 5,000")
                            r"|\d[ \u00a0\u202f]?[€$£¥]|\b(?:usd|eur|gbp)[ \u00a0]?\d")
# a greeting's name ends at its punctuation ("Hi Anna, …", "Hi there! …"; "+$1,989" is a sum, not an end)
_NAME_END = re.compile(r"[,!?;:](?!\d)|\.\s")
_URL_RUN = re.compile(r"[^\s,様殿]+")  # (review 10: 「https://…様」, the honorific written on the link)
# review 10: a label with its colon inside a field's value is another field ("お名前：山田 太郎　受講料：12,000円");
# a time's colon ("9:55") is none, nor the colons that end the value before the link ("Click to explore::")
_LABEL_IN_VALUE = re.compile(r"(?<!\d)[:：]")
# review 10: a greeting's injected name is the offer and nothing else ("Hello ✅ +$1,989 ➡️ https://…,"): a few
# words, or the greeting's own punctuation right after the link; a greeting followed by a sentence about the
# reader's ticket or plan that ends in the site's link ("Hello Anna — your ticket ($15.00) … is confirmed
# https://…") is the site's own text; without the comma, the name opens with the offer's sign or emoji, not
# with a person's name
GREETING_NAME_WORDS = 5
INJECTED_URL_CHARS = 2000  # the link read whole (its query is shown as ?…, an address in it masked)
INJECTED_SHOWN = 200  # characters of the sanitised name and link the sentence quotes
# review 10: a Japanese greeting puts the name before 様 (さま, さん, 殿): a link right before it is in the name
# (様 alone, the name's end: 様々, 様式, 殿堂 are words)
_JA_HONORIFIC = re.compile(r"[ \t　]*(?:様|殿)(?=[\s、。,!！]|$)")
_SCHEME_OR_WWW = ("://", "www.")


def _url_org(url: str) -> str:
    """The registrable domain of a link written in text (``https://a.b.example.com/x``, ``www.example.com``)."""
    host = url.partition("://")[2] if "://" in url else url
    host = host.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].split(":", 1)[0]
    return org_domain(host.lower().rstrip(".")) or ""


def _injected_name(text: str, own: frozenset[str] = frozenset()) -> str | None:
    """The name field of a form's mail that holds a link and a sum of money, or None. The name is a
    greeting's ("Hello <name> https://…"), a person's-name field of an echoed form ("First Name …"), or a
    line that starts "Name:"; nothing but the name (no other field, no end of the greeting) stands between
    it and the link."""
    head = text[:20_000]
    starts: list[int] = []
    for mark in _SCHEME_OR_WWW:
        at = head.find(mark)
        while at != -1 and len(starts) < 20:
            starts.append(at)
            at = head.find(mark, at + len(mark))
    for at in sorted(starts):
        url_start = at
        while url_start > 0 and (head[url_start - 1].isalnum() or head[url_start - 1] in "+.-"):
            url_start -= 1  # back to the scheme's start
        window = head[max(0, url_start - 160):url_start]
        line = window.rfind("\n")
        at_line_start = line != -1 or url_start <= 160
        window = window[line + 1:]
        last = None
        for found in _NAME_START.finditer(window):
            last = found  # the name nearest the link
        run = _URL_RUN.match(head, url_start)
        if last is None and run is not None and _JA_HONORIFIC.match(head, run.end()) is not None:
            value = window  # 「… https://… 様」: the line up to the link is the name
            if _OTHER_FIELD.search(value) or _LABEL_IN_VALUE.search(value) or CELL in value.strip() \
                    or not _MONEY_IN_NAME.search(value) or _url_org(run.group(0)) in own:
                continue
            return f"{value.strip()} {run.group(0)[:INJECTED_URL_CHARS]}"
        if last is None or (last.group("bare") and window[last.start()] != CELL
                            and (last.start() != 0 or not at_line_start)):
            continue  # "Product name: …" is no person's name; a line (or an HTML cell) that starts "Name:" is
        value = window[last.end():]
        if CELL in value.strip():
            continue  # review 10: the name in one cell of the form's echo, the link in another (Amount, Link…)
        if last.group("greet"):
            core = run.group(0).rstrip(".!") if run is not None else ""
            after = head[url_start + len(core):url_start + len(core) + 1]  # "https://…," the greeting's comma
            if _NAME_END.search(value) or (after not in (",", "!") and (
                    len(value.split()) > GREETING_NAME_WORDS or value.lstrip()[:1].isalpha())):
                continue  # (a name written first, "hey Tom $450 as agreed https://…", is a person's mail)
        elif _LABEL_IN_VALUE.search(value.rstrip().rstrip(":：")):
            continue
        if _OTHER_FIELD.search(value) or not _MONEY_IN_NAME.search(value):
            continue
        url = run.group(0)[:INJECTED_URL_CHARS].rstrip(".!") if run else ""
        if url and _url_org(url) in own:
            continue  # round 11: the site's own offer ("Hey 🎉 $10 off today https://<its shop>/sale"), not a stranger's
        return f"{value.strip()} {url}"
    return None


def form_injection(f: Facts) -> list[Finding]:
    texts = [*f.mail.texts[:10], *(h.cells or h.text for h in f.html[:10])]
    # the sender's own site, as the receiving server verified it (DMARC pass or an aligned DKIM signature):
    # a stranger typed the offer into the form, so its link goes elsewhere
    own = frozenset(filter(None, (_authenticated_sender_org(f),)))
    for text in texts:
        if ("://" in text or "www." in text) and (found := _injected_name(text, own)) is not None:
            # review 10: sanitised whole, then shortened: a link cut first could end inside the recipient's
            # address in its path (/u/hanako.sa…), which no longer reads as an address to mask
            shown = present_text(found, limit=INJECTED_URL_CHARS + 200)
            shown = shown if len(shown) <= INJECTED_SHOWN else shown[:INJECTED_SHOWN - 1] + "…"
            return [_f("form_injection", "high", (shown,), text=shown)]
    return []


_UNKNOWN_PEER = re.compile(r"(?i)\(\s*unknown\s*\[|\bfrom\s+unknown\b|may be forged|does not resolve|"
                           r"reverse (?:dns|lookup) failed|no ptr|not verified\)")


def no_reverse_dns(f: Facts) -> list[Finding]:
    ip = f.sender.handoff_ip
    if not ip:
        return []
    for name, value in f.mail.headers[:60]:
        if name.lower() == "received" and ip in value[:2000]:
            if _UNKNOWN_PEER.search(value[:2000]):
                return [_f("no_reverse_dns", "low", ip=ip)]
            return []
    return []


def undisclosed_recipients(f: Facts) -> list[Finding]:
    if f.mail.kind not in ("eml", "msg") or f.sender.bulk:
        return []
    to = [v for k, v in f.mail.headers[:200] if k.lower() in ("to", "cc")]
    if any("undisclosed" in v.lower() or "recipient list suppressed" in v.lower() for v in to):
        return [_f("undisclosed_recipients", "low")]
    return []


_SUBJECT_PREFIX = re.compile(r"(?i)^(?:\s*(?:re|fw|fwd|aw|wg|tr|enc|res|rv)\s*:\s*)*[\W_]*")
_GREETING_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")


# a recipient line of a pasted or forwarded header block ("To: x@y", "宛先: x@y"), ending at the address
_RECIPIENT_LINE = re.compile(r"(?:\bto|\bcc|宛先|受信者)[ \t]*[:：][^:：\n]{0,80}$", re.IGNORECASE)


def _greets(head: str, address: str) -> bool:
    """``address`` stands in ``head`` other than as the recipient line of a header block that was
    pasted or forwarded with the mail (which names the recipient, and greets nobody)."""
    at = head.find(address)
    while at >= 0:
        if _RECIPIENT_LINE.search(head, max(0, at - 90), at) is None:
            return True
        at = head.find(address, at + len(address))
    return False


def address_greeting(f: Facts) -> list[Finding]:
    """The subject or the first line names the recipient by address: the sender knows nothing else."""
    if f.sender.bulk:
        return []
    addresses = {r.address for r in f.sender.recipients if len(r.address) >= 6 and "@" in r.address}
    subject = (f.mail.subject or "").lower()
    if addresses:
        head = " ".join(t[:200] for t in f.mail.texts[:1]).lower()
        head += " " + " ".join(h.text.strip()[:200] for h in f.html[:1]).lower()
        for address in addresses:
            if address in subject:
                return [_f("address_greeting", "medium", address=mask_address(address))]
            if _greets(head, address):
                return [_f("address_greeting", "low", address=mask_address(address))]
    # recipients unknown (undisclosed, or a Bcc): a subject that opens with an address and goes on
    # ("x@example.com, your reward…") greets whoever it was sent to by the address alone
    opening = _SUBJECT_PREFIX.sub("", strip_invisible(subject)[:300])
    m = _GREETING_ADDRESS.match(opening)
    # the address, then the rest of a sentence ("x@y, …", "x@y - …"), not a headline ("x@y: …")
    if m is None or opening[m.end() : m.end() + 1] not in ("", " ", ",", "!", ";", "-", "\u3001"):
        return []
    frm = f.sender.from_addr
    if frm is not None and org_domain(m.group(0).rpartition("@")[2]) == org_domain(frm.domain or ""):
        return []
    return [_f("address_greeting", "medium", address=mask_address(m.group(0)))]


_ADDRESS_IN_NAME = re.compile(r"[A-Za-z0-9._%+-]{1,64}@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})")
_DOMAIN_IN_NAME = re.compile(r"(?<![@\w.-])((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})(?![\w-])")


def display_name_address(f: Facts) -> list[Finding]:
    """A display name that is itself an address or a domain, other than the real sender's."""
    frm = f.sender.from_addr
    if frm is None or not frm.display_name or f.sender.bulk or f.sender.list_id:
        return []
    name = unicodedata.normalize("NFKC", frm.display_name)[:300].strip().strip("'\"")
    from_org = org_domain(frm.domain) if frm.domain else None
    m = _ADDRESS_IN_NAME.search(name)
    shown = m.group(1).lower() if m else None
    whole = False
    if shown is None:
        # a name that is wholly a domain ("Booking.com"); a company named after its site
        # ("CNET News.com Daily") is a name, not an address
        d = _DOMAIN_IN_NAME.fullmatch(name)
        shown = d.group(1).lower() if d and has_known_tld(d.group(1)) else None
        whole = shown is not None
    if shown is None:
        return []
    shown_org = org_domain(shown)
    if shown_org is None or shown_org == from_org:
        return []
    official = catalogue().is_official(shown_org)
    severity: Severity = "high" if official and not whole else "medium"
    return [_f("display_name_address", severity, shown=defang_host(shown_org),
               real=defang_host(from_org or frm.domain or "?"))]


_TAGS_AND_SELECTORS = re.compile("[\U000e0000-\U000e007f\U000e0100-\U000e01ef\u200b-\u200d\u2060\ufeff\u034f]")
_STYLED = re.compile("[\U0001d400-\U0001d7ff\U0001f130-\U0001f189\u24b6-\u24e9]")
_OTHER_LOOKALIKE = re.compile("[\u0370-\u03ff\u0400-\u04ff\u13a0-\u13ff\ua4d0-\ua4ff]")


_PADDED_NAME = re.compile(r"[-.*_!#~=+]{2,}|^\s*[-.*_~=+]|\S\s{3,}\S")
_SPACED_NAME = re.compile(r"(?:^|\s)[A-Z] [a-z]{3,}")


def disguised_text(f: Facts) -> list[Finding]:
    """Sender name or subject written to slip past filters: invisible characters inside words,
    look-alike letters of other scripts mixed into Latin words, or 'mathematical' styled letters."""
    frm = f.sender.from_addr
    fields = [(frm.display_name or "") if frm else "", f.mail.subject or ""]
    how = None
    for field_text in fields:
        text = field_text[:500]
        if _TAGS_AND_SELECTORS.search(text.strip()):
            how = "invisible"
            break
        if _OTHER_LOOKALIKE.search(text) and any(
            _OTHER_LOOKALIKE.search(w) and re.search(r"[A-Za-z]", w) for w in re.findall(r"[^\W\d_]{2,40}", text)
        ):
            how = "mixed"
            break
        if _STYLED.search(text):
            how = how or "styled"
    name = fields[0][:300]
    if how is None and name and not f.sender.list_id and (_PADDED_NAME.search(name) or _SPACED_NAME.search(name)):
        how = "padded"  # "--Utimo--Aviso**", "Jouw Pensioen   .....BF403", "G emeentelijk E nergieadvies"
    if how is None:
        return []
    return [_f("disguised_text", "low" if how in ("styled", "padded") else "medium", how=how)]


# --- content (issue 11) -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _scam_strong() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Every family's telling phrases in one list (one scan of the text), and each phrase's families."""
    families: dict[str, list[str]] = {}
    for family, phrases in catalogue().scam_families.items():
        for phrase in phrases.strong:
            families.setdefault(phrase, []).append(family)
    return tuple(families), {p: tuple(fs) for p, fs in families.items()}


LURE_TEXT_CHARS = 3000


def _beside(weak: list[str], strong: list[str]) -> list[str]:
    """The topic's words found besides the telling phrases: "confidential" inside "private and
    confidential" is the same words, not a second sign."""
    return [w for w in weak if not any(w in phrase for phrase in strong)]


# round 9 (lead): the words that deny an ask just before it ("we will never ask for your recovery phrase",
# "never enter your seed phrase", "ne partagez jamais votre phrase de récupération", "no comparta nunca su frase
# semilla"): a provider's safety notice names the lure's words to warn against them
_NEGATIONS = frozenset(("never", "not", "don't", "dont", "niemals", "nie", "nicht", "jamais", "nunca", "não", "nao",
                        "mai", "nooit", "niet"))
_CLAUSE_END = re.compile(r"[.!?;:,。！？、\n\u2013\u2014]")  # (an en or em dash ends a clause too: review9)
NEGATION_WORDS_BEFORE = 4


# a negation that urges rather than denies ("don't wait to claim your prize", "do not hesitate to", "never been
# easier to", "não deixe de resgatar"), and a condition before it that threatens ("if you do not claim your
# refund"): the ask stands
_URGING = frozenset(("miss", "forget", "wait", "hesitate", "delay", "fail", "ignore", "late", "been", "easier",
                     "vergessen", "verpassen", "zogern", "deixe", "perca", "esqueca", "wacht", "vergeet", "mis"))
_CONDITIONS = frozenset(("if", "unless", "wenn", "falls", "si", "se", "als", "indien", "sinon"))


def _denied(text: str, phrase: str, cap: int = 20) -> bool:
    """Every occurrence of ``phrase`` follows a negation within the four words before it, in the same clause,
    that denies it: no word after the negation urges (``_URGING``) and no condition comes before it. A lure that
    also says "never share it" elsewhere keeps its undenied ask; past ``cap`` occurrences the phrase is not
    denied (a lure that repeats the denial twenty times does not hide a twenty-first ask)."""
    seen = 0
    idx = text.find(phrase)
    while idx >= 0:
        if seen >= cap:
            return False
        head = _CLAUSE_END.split(text[max(0, idx - 80):idx])[-1].split()[-NEGATION_WORDS_BEFORE:]
        at = next((i for i, word in enumerate(head) if word in _NEGATIONS), None)
        if at is None or _CONDITIONS.intersection(head[:at]) or _URGING.intersection(head[at + 1 :]):
            return False
        seen += 1
        idx = text.find(phrase, idx + len(phrase))
    return seen > 0


def scam_lure(f: Facts) -> list[Finding]:
    all_strong, family_of = _scam_strong()
    hits = f.text.count_phrases(all_strong)
    if hits and any(word in f.text.words for word in _NEGATIONS):
        hits = [p for p in hits if not (p.isascii() and _denied(f.text.text, p))]
    if hits and _ja_denials(f):
        hits = [p for p in hits if p.isascii() or not _denied_ja(f.text.compact, p)]
    if not hits:
        return []
    by_family: dict[str, list[str]] = {}
    for phrase in hits:
        for family in family_of[phrase]:
            by_family.setdefault(family, []).append(phrase)
    best: tuple[int, str, list[str], list[str]] | None = None
    for family, phrases in catalogue().scam_families.items():
        strong = by_family.get(family, [])
        if not strong:
            continue
        weak = _beside(f.text.count_phrases(phrases.weak), strong)
        points = 2 * len(strong) + min(len(weak), 3)
        if best is None or points > best[0]:
            best = (points, family, strong, weak)
    if best is None:
        return []
    _, family, strong, weak = best
    topic = catalogue().scam_families[family].topic
    if len(strong) >= 2 or (strong and len(weak) >= 2):
        severity: Severity = "high"
    elif weak or len(f.text.text) < LURE_TEXT_CHARS:
        severity = "medium"
    else:
        severity = "low"  # one phrase, alone, in a long text: a mention, not what the mail is about
    if f.brand_official or (f.sender.list_id and severity == "medium"):
        severity = "low"  # a brand's own verified mail, or a list's discussion, quoting such words
    phrases = catalogue().scam_families[family]
    only_benefit = bool(phrases.benefit) and all(p in phrases.benefit for p in strong)
    # round 9: a refund beside a return of goods (a label, a return request) is a shop's returns instruction:
    # "to receive your refund, drop off the parcel" asks for the goods back, not for the reader's data
    goods_return = bool(phrases.returns) and bool(f.text.count_phrases(phrases.returns))
    # round 10: a bill said unpaid alone is a biller's reminder; its plain "please pay" is the biller's own ask
    only_bill = bool(phrases.bill) and all(p in phrases.bill for p in strong)
    # review 11: or whose every strong phrase it quotes („Sie haben gewonnen, zahlen Sie die Gebühr“): the ask it
    # quotes with them is the lure's, described
    if severity != "low" and _warns_of_scams(f) and (
            not _quoted_in_warning(f, strong, True) or not asks_something(f, only_benefit, goods_return, only_bill)):
        # round 11: a warning about scams (a bank's, a broker's, the police's) describes the lure's words to
        # its readers; beside another sign of fraud it weighs in full again (pipeline.topic_beside_signs)
        return [_f("scam_lure", "low", tuple(strong[:5]), how=family, phrases=_list(strong), note="warning",
                   full=severity)]
    if all(p in topic for p in strong) and not asks_something(f, only_benefit, goods_return, only_bill) and not (
            family == "callback" and _callback_way_out(f)):
        # round 8: words that only name the topic (a refund issued, a benefit's date, a gift card, the
        # shop's own winners) and no ask (claim, apply, enter data, pay, reply with data, a deadline with a
        # loss): what the mail is about, not what it wants; said so (locales: scam_lure_note)
        # (``full``: its weight beside other signs of fraud, pipeline.topic_beside_signs)
        return [_f("scam_lure", "low", tuple(strong[:5]), how=family, phrases=_list(strong), note="topic_only",
                   full=severity)]
    return [_f("scam_lure", severity, tuple(strong[:5]), how=family, phrases=_list(strong))]


# round 11: a warning about scams names them as fraud and warns its readers (the words a bank, a broker or the
# police write: 「投資詐欺にご注意ください」, "how to spot an investment scam"), and links nowhere but to the
# sender's own verified site or a catalogued brand's
_FRAUD_NAMED = tuple(normalise(w) for w in (
    "詐欺", "scam", "fraud", "betrug", "estafa", "golpe", "arnaque", "escroquerie", "truffa", "oplichting",
    "oplichter", "мошенни", "诈骗", "詐騙", "사기", "oszust", "dolandırıcı", "penipu", "보이스피싱", "피싱", "欺诈", "golpista",
    # round 11 (world11): a pyramid, an illegal scheme, the "lawless" who pose as mentors (ru, uk, pl, zh, id, vi)
    "финансовую пирамид", "финансовой пирамид", "финансовая пирамид", "фінансової пірамід", "фінансова пірамід",
    "шахра", "piramida finansowa", "piramidy finansowej", "不法分子", "非法荐股", "非法薦股", "investasi ilegal",
    "investasi bodong", "lừa đảo"))
_WARNED = tuple(normalise(w) for w in (
    "ご注意", "注意喚起", "注意してください", "お気をつけ", "ご用心", "だまされないで", "騙されないで", "beware", "be aware",
    "watch out", "how to spot", "protect yourself", "stay safe", "warning signs", "be alert", "vorsicht", "warnen",
    "attention aux", "méfiez", "cuidado con", "atenção", "attenzione", "let op", "осторожн", "注意", "주의",
    "uważaj", "dikkat", "waspada", "提防", "防范", "防範", "小心",
    # round 11 (world11)
    "как распознать", "будьте бдительны", "будьте пильні", "остерігайтеся", "як розпізнати", "警惕", "谨防", "謹防",
    "hati-hati", "mengimbau", "cảnh giác", "cảnh báo",
    # review 11: Portuguese says "cuidado com" (Spanish "cuidado con" above)
    "cuidado com"))


def _warns_of_scams(f: Facts) -> bool:
    text = f.text.text[:20_000]
    if not any(w in text for w in _FRAUD_NAMED) or not any(w in text for w in _WARNED):
        return False
    cat = catalogue()
    # the sender's own site, authenticated or not (lead, after review 11: a bank's warning sent from its web host
    # or through a mailing service read suspicious in ru, pl, tr, zh, id): a lure's link goes elsewhere, so a
    # warning that links only to the From's own domain or a catalogued brand's hands the reader nothing to fall for
    own = {_authenticated_sender_org(f), _from_org(f)} - {None}
    return all(link.registrable_domain in own or cat.is_official(link.registrable_domain) for link in _web_links(f))


def _from_org(f: Facts) -> str | None:
    frm = f.sender.from_addr
    return org_domain(frm.domain) if frm is not None and frm.domain else None


# review 11: a warning about scams quotes the lure's sentences in other scripts' quotation marks too
# („Ihr Konto wurde gesperrt“, «ваша карта заблокирована», "rekening Anda diblokir"); Japanese 「…」 is read by
# _said_not_asked_ja. A quote opens before the words and closes after them, within a sentence's reach
_QUOTE_OPEN = frozenset("\"“„«")
_QUOTE_CLOSE = frozenset("\"”“»")
_QUOTE_CHARS = 150


def _quoted_at(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands inside a quotation: the nearest quotation mark before it opens one (an ASCII
    ``"`` opens when the marks before it on its line are even in number) and the nearest after it closes one."""
    before = text[max(0, start - _QUOTE_CHARS):start]
    opened = max((before.rfind(c) for c in _QUOTE_OPEN | _QUOTE_CLOSE), default=-1)
    if opened < 0 or before[opened] not in _QUOTE_OPEN or "\n" in before[opened:]:
        return False
    if before[opened] == '"' and before[:opened].rpartition("\n")[2].count('"') % 2:
        return False
    after = text[end:end + _QUOTE_CHARS]
    closes = [i for i in (after.find(c) for c in _QUOTE_CLOSE | _QUOTE_OPEN) if i >= 0]
    return bool(closes) and after[min(closes)] in _QUOTE_CLOSE and "\n" not in after[:min(closes)]


def _quoted_in_warning(f: Facts, phrases: list[str], warns: bool | None = None) -> list[str]:
    """The phrases of ``phrases`` (other than Japanese) left once those a warning about scams (``_warns_of_scams``)
    quotes at every occurrence (up to 20) are dropped; all of them when the text warns of nothing."""
    if not phrases or not (_warns_of_scams(f) if warns is None else warns):
        return phrases
    text = f.text.text[:LURE_SCAN_CHARS]

    def quoted(phrase: str) -> bool:
        seen, idx = 0, text.find(phrase)
        while idx >= 0:
            if seen >= 20 or not _quoted_at(text, idx, idx + len(phrase)):
                return False
            seen += 1
            idx = text.find(phrase, idx + len(phrase))
        return seen > 0

    return [p for p in phrases if not quoted(p)]


# round 9: a telephone number as a support line writes it for callers: an international prefix, an area code in
# brackets, or a toll-free prefix (800, 888, …; 0800, 0120, 0570), then its groups of digits (bounded: the text
# is attacker-written)
_PHONE = re.compile(r"(?:\+\s?\d{1,3}[\s.-]?\(?\d{1,4}\)?|\(\d{3}\)|\b(?:1[\s.-]?)?8(?:00|88|77|66|55|44|33)\b"
                    r"|\b0(?:800|120|570|[5789]0)\b)[\s.-]?\d{2,4}[\s.-]?\d{3,4}")
# round 11 (world11): the numbers of other countries as their support lines write them: Russian "8 (800) 555-01-23" and
# "+7 (800) 555-01-23" (two pairs at the end), Korean "02-555-0199", Dutch "020 000 4417" (an area code of two or
# three digits, then two groups) and Korean "1588-0000" (a nationwide number)
_PHONE_MORE = re.compile(r"(?:\+7|(?<!\d)8)[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}-\d{2}-\d{2}(?!\d)"
                         r"|(?<!\d)0\d{1,2}[\s-]\d{3,4}[\s-]\d{4}(?!\d)|(?<!\d)1[5-9]\d{2}-\d{4}(?!\d)")
_CANCEL = tuple(normalise(w) for w in (
    "cancel", "annul", "stornier", "kündig", "widerruf", "opzeg", "annuler", "annulation", "cancelar", "cancelación",
    "cancelamento", "disdett",
    # round 11 (world11): ru, uk, pl, tr, zh, ko, id, vi
    "отмен", "скасув", "anulow", "iptal", "取消", "취소", "batalkan", "pembatalan", "hủy"))
# (Japanese services take cancellations by phone as a matter of course: 「ご解約はお電話で」 is no lure's sign)
# the receipt's own way out: the account's settings or customer area (a genuine shop's; a callback lure gives
# only the number)
_SELF_SERVICE = tuple(normalise(w) for w in (
    "settings", "my account", "einstellungen", "kundenkonto", "mein konto", "espace client", "paramètres", "mon compte",
    "mi cuenta", "configuración", "área do cliente", "minha conta", "configurações", "area clienti", "area riservata",
    "impostazioni", "mijn account", "instellingen", "マイページ", "設定", "会員ページ",
    # round 10: a genuine Japanese notice's own channels, and its warning not to call numbers given in mail
    "アプリ", "ホームページ", "公式サイト", "公式ウェブサイト", "会員サイト", "カード裏面", "お尋ねすることは", "電話しないで",
    "連絡しないで", "注文履歴", "購入履歴",
    # round 11 (world11): the account's own settings or customer area in ru, uk, pl, tr, zh, ko, id, vi
    "личном кабинете", "личный кабинет", "особистому кабінеті", "ustawieniach konta", "moje konto", "hesap ayarları",
    "个人中心", "帳戶設定", "账户设置", "设置", "마이페이지", "설정에서", "pengaturan akun", "cài đặt tài khoản"))
# round 10: Japanese says the way out as the charge disowned (「お心当たりのない場合は…までお電話ください」,
# 「この購入をしていない場合」) or the charge itself to cancel (「この請求を取り消すには」); cancelling a booking or a
# contract by phone (キャンセル, 取り消し, 解約 alone) is every Japanese hotel's and service's own way
# (「キャンセルの場合は 0120-… までお電話ください」 beside 「チェックイン時に請求されます」 is a booking's confirmation)
_CANCEL_JA = ("請求を取り消", "請求の取り消", "請求を取消", "請求の取消", "取引を取り消", "取引の取り消", "決済を取り消",
              "決済の取り消")
# review 10: the charge disowned is the way out only beside a call asked for or a cancelling: every genuine debit,
# card or utility notice ends 「お心当たりのない場合は 0120-… までご連絡ください／お問い合わせください」; the lure says
# 「…までお電話ください」, 「キャンセルのため…」
_DISOWN_JA = ("心当たり", "身に覚え", "していない場合")
_CALL_JA = ("電話", "キャンセル", "取り消", "取消")
# round 11 (world11): Korean says the way out so too (「본인이 아닐 경우 고객센터로 연락 바랍니다」)
_DISOWN_KO = ("본인이 아닐", "본인 아닐", "본인이 아닌", "본인 아닌")
_CALL_KO = ("연락", "전화", "문의")


def _callback_way_out(f: Facts) -> bool:
    """Round 9: a renewal, invoice or charge named (the callback family's topic) asks the reader to call when
    the text tells how to cancel and gives a telephone number, and offers no other way: the callback lure's
    one way out. A genuine receipt names the renewal and points to the account's settings or customer area."""
    text = f.text.text
    way_out = any(word in text for word in _CANCEL + _CANCEL_JA) or (
        any(word in text for word in _DISOWN_JA) and any(word in text for word in _CALL_JA)) or (
        any(word in text for word in _DISOWN_KO) and any(word in text for word in _CALL_KO))
    return way_out and not any(word in text for word in _SELF_SERVICE) and (
        _PHONE.search(text[:20_000]) is not None or _PHONE_MORE.search(text[:20_000]) is not None)


def asks_something(f: Facts, benefit: bool = False, goods_return: bool = False, bill: bool = False) -> bool:
    """The text asks the reader for something a lure asks ([scam_ask]): to claim or receive, apply,
    confirm, enter or send data, pay a fee, reply, or it sets a deadline with a loss. Beside a benefit
    named alone (round 9: a grant, an allowance, a subsidy) an application is no ask: every authority's
    announcement asks to apply ("apply now", 「申請してください」); the lure tells the reader the money is
    theirs (``hook``: "you are eligible for", 「支給対象となりました」 — beside a refund that is a shop's or an
    airline's "you are entitled to a refund"), asks for data or a fee, or to collect it. Beside a return of
    goods (``goods_return``) an ask to receive or claim, or a deadline (``return_asks``: "to receive your refund,
    drop off the parcel") is the shop's returns instruction; an ask for card data, a fee or a reply is still one.
    Beside a bill said unpaid alone (``bill``, round 10) the plain asks to pay (``pay``: 「お支払いください」) are the
    biller's; paying by the mail's link (「以下よりお支払いください」) or a fee or data asked is still an ask."""
    asks = catalogue().phrases.get("scam_ask")
    if not asks:
        return False
    found = f.text.count_phrases(asks.strong)
    # round 10: 「還付金の受け取りのためにATMの操作をお願いすることはありません」 warns, it asks nothing; nor does an
    # ask said only by the sender's own channel (japrec10: 「同封の返信用封筒でご返送ください」)
    found = _said_not_asked_ja(f, found)
    if found and asks.service:
        # round 9: "to receive your invoice", "pour recevoir votre facture": the object is the shop's document
        services = f.text.count_phrases(asks.service)
        found = [a for a in found if not any(a in service for service in services)]
    if goods_return:
        found = [a for a in found if a not in asks.return_asks]
    if bill:
        found = [a for a in found if a not in asks.pay]
    if benefit:
        found = [a for a in found if a not in asks.apply] + f.text.count_phrases(asks.hook)
    return bool(found)


def spam_content(f: Facts) -> list[Finding]:
    spam = catalogue().phrases.get("spam")
    if spam is None:
        return []
    strong = f.text.count_phrases(spam.strong)
    frm = f.sender.from_addr
    if frm and frm.display_name and "affiliate" in frm.display_name.lower():
        strong.append("affiliate")  # an affiliate network's mailing, named so in the sender's name
    if not strong:
        return []
    weak = _beside(f.text.count_phrases(spam.weak), strong)
    # round 10: a class no lawful sender mails (counterfeits, drugs without a prescription) weighs twice
    told = len(strong) + sum(1 for phrase in strong if phrase in spam.grave)
    if told >= 3 or (told >= 2 and len(weak) >= 2):
        severity: Severity = "high"
    elif told >= 2 or weak:
        severity = "medium"
    else:
        severity = "low"
    if severity != "high" and _uninvited(f, spam):
        # round 10: an offer sent as no subscribed mailing is one step worse; review 10: the seller's call that
        # told it is not also a topic word ("we offer" holds the weak "offer", "discount" is both): counted once
        if weak and not _beside(weak, f.text.count_phrases(spam.offer)) and told < 2:
            severity = "low"
        severity = "medium" if severity == "low" else "high"
    if _discussion_list(f):
        severity = "low"  # a discussion list's message quoting or discussing spam
    return [_f("spam_content", severity, tuple(strong[:5]), phrases=_list(strong))]


# review 10: the reader's own dealings with the sender (an order, a prescription, an appointment, a request or quote
# asked for): a business's own mail to its customer, which no marketing law asks an opt-out of (a pharmacy's
# pick-up notice naming the drug, a shipped order, a quote for the freight asked about)
_OWN_DEALINGS = tuple(normalise(w) for w in (
    # (said as done, never as the call a cold offer makes: "place your order", "send your inquiry" are the offer's)
    "your order has", "your order is", "your order of", "order number", "your prescription is",
    "your appointment is", "your appointment on", "your booking is", "your reservation is",
    "thank you for your request", "thank you for your inquiry", "thank you for your enquiry",
    "ihre bestellung wurde", "ihr rezept liegt", "ihr termin am", "vielen dank für ihre anfrage",
    "votre commande a", "votre commande est", "votre ordonnance est", "votre rendez-vous du", "merci pour votre demande",
    "su pedido ha", "su pedido está", "su cita es", "gracias por su solicitud", "seu pedido foi", "seu pedido está",
    "sua consulta é", "obrigado pela sua solicitação", "il tuo ordine è", "il tuo appuntamento è",
    "grazie per la tua richiesta", "uw bestelling is", "uw afspraak is", "bedankt voor uw aanvraag",
    "ご注文ありがとう", "ご注文番号", "ご予約ありがとう", "ご予約内容", "お問い合わせいただき", "ご依頼いただき", "処方箋"))


def _uninvited(f: Facts, spam: PhraseList) -> bool:
    """Round 10: an offer no one asked for, told by what a subscribed mailing always carries and it lacks.
    The mail makes a seller's call (``offer``: we offer, order now, a quote, a discount; a friend's news
    about a diet sells nothing), answers no earlier mail (no In-Reply-To or References), and comes from
    a consumer mailbox (a shop's campaign never does) or carries none of a mailing's machinery: no
    List-Unsubscribe or list header that its own domain's signature vouches for, and no opt-out or
    "you subscribed" in its text (every marketing law asks for one). Whole mails only: a pasted text
    has lost its headers."""
    if f.mail.kind not in ("eml", "msg") or not f.text.count_phrases(spam.offer):
        return False  # a friend's news about a diet or a bonus sells nothing
    names = {k.lower() for k, _ in f.mail.headers[:200]}
    if names & {"in-reply-to", "references"}:
        return False  # a conversation's reply
    frm = f.sender.from_addr
    if frm is not None and frm.domain and org_domain(frm.domain) in catalogue().freemail:
        return True
    if (f.sender.bulk or "list-unsubscribe" in names) and _authenticated_sender_org(f) is not None:
        return False  # a mailing its own domain signs, with a way out of the list
    if _authenticated_sender_org(f) is not None and any(word in f.text.text for word in _OWN_DEALINGS):
        return False  # review 10: a business's own mail about the reader's order, prescription or request
    return not f.text.count_phrases(spam.optout)


def _discussion_list(f: Facts) -> bool:
    """A discussion list's message (members post to it: List-Post), not a bulk sender's mailing,
    which may carry a List-Id and List-Unsubscribe but takes no posts."""
    return bool(f.sender.list_id) and any(k == "list-post" for k, _ in f.mail.headers[:200])


def hidden_text(f: Facts) -> list[Finding]:
    hidden = sum(h.hidden_chars for h in f.html)
    shown = sum(len(h.text) for h in f.html) - hidden
    # a newsletter's preheader is a line; filler meant for filters is paragraphs
    if hidden >= 400 and hidden >= shown // 3:
        return [_f("hidden_text", "high" if hidden >= 2000 else "medium", chars=hidden)]
    return []


_EXECUTABLE_PATH = re.compile(
    r"\.(?:exe|scr|msi|msix|appx|apk|jar|js|jse|vbs|vbe|wsf|hta|lnk|bat|cmd|ps1|iso|img|vhdx?|one|cpl|dll)$", re.I)
_ARCHIVE = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".cab", ".ace", ".arj", ".xz", ".bz2", ".lzh", ".z")


# a JavaScript library's release as a site loads it (jquery-3.7.1.min.js, vue@3/dist/vue.global.js,
# /ajax/libs/lodash.js/4.17.21/lodash.min.js): a minified build or a version in its path, which a
# dropper script sent to be run (invoice.js, Document_8841.js) does not carry
# (a version of one to three digits first: a date, Invoice-2024.12.03.js, is no release; ".min.js"
# alone is a name anyone gives a dropper: Invoice_8841.min.js)
_LIBRARY_BUILD = re.compile(r"(?i)(?:@v?[0-9]{1,3}(?:[.][^/]*)?/.*\.js|"
                            r"(?:^|/)v?[0-9]{1,3}\.[0-9]+(?:\.[0-9]+)*/(?:.*/)?[^/]*\.js|"
                            r"[-.]v?[0-9]{1,3}\.[0-9]+\.[0-9]+(?:\.min)?\.js)$")


# round 11 (world11): an archive to download whose name is a bill (an "invoice" in any language): the loader's
# wrapper (schet_4412.zip, Rechnung-2026.zip, faktura.rar). A project's release or a shared folder's archive
# names no bill
_BILL_ARCHIVE = re.compile(r"(?i)(?:invoice|rechnung|factur|fattur|fatur|faktur|factuur|schet|счет|сч[её]т|rahunok|"
                           r"notafiscal|nota_fiscal|nota-fiscal|boleto|发票|發票|請求書|청구서)[^/]*\.(?:zip|rar|7z|cab|arj|ace|gz|tgz)$")


_ARCHIVE_ENDS = (".zip", ".rar", ".7z", ".cab", ".arj", ".ace", ".gz", ".tgz")  # _BILL_ARCHIVE's, tested first


def malware_link(f: Facts) -> list[Finding]:
    names: list[str] = []
    risky = False
    cat = catalogue()
    own = _authenticated_sender_org(f)
    for link in f.links:
        path = link.url.split("://", 1)[-1].partition("/")[2].partition("?")[0].partition("#")[0]
        leaf = path.rpartition("/")[2]
        if leaf.lower().endswith(_ARCHIVE_ENDS) and _BILL_ARCHIVE.search(leaf):
            # review 11: a shop's authenticated receipt linking its own site's invoice archive is the shop's
            # download (the loader's wrapper is on a host the sender does not answer for)
            if own is None or link.registrable_domain != own:
                names.append(present_text(leaf[-60:]))
            continue
        if leaf and _EXECUTABLE_PATH.search(leaf) and not (
            _LIBRARY_BUILD.search(path) and not link.is_ip and not _under(link.host, cat.dynamic_dns)
            and link.host not in cat.shorteners
        ):
            names.append(present_text(leaf[-60:]))
            if link.is_ip or _under(link.host, cat.free_hosting) or _under(link.host, cat.dynamic_dns) \
                    or link.host in cat.shorteners:
                risky = True
    if not names:
        return []
    severity: Severity = "high" if risky else "medium"
    if f.sender.list_id:
        severity = "low"  # software lists announce downloads
    return [_f("malware_link", severity, tuple(names[:5]), names=_list(names))]


def dynamic_dns_link(f: Facts) -> list[Finding]:
    cat = catalogue()
    hosts = sorted({link.host for link in f.links if _under(link.host, cat.dynamic_dns)})
    if not hosts:
        return []
    severity: Severity = "high" if f.prepared.bare_links else "medium"
    return [_f("dynamic_dns_link", severity, tuple(defang_host(h) for h in hosts[:5]),
               hosts=_list([defang_host(h) for h in hosts]))]


_VOWELS = frozenset("aeiouy")
# mail and name-server host names: a web page there is a borrowed or hijacked domain's
_INFRA_LABELS = frozenset({"ns1", "ns2", "ns3", "dns1", "dns2", "autodiscover", "autoconfig", "cpanel", "webmail",
                           "webdisk", "cpcalendars", "cpcontacts", "mail", "smtp", "imap", "pop", "mx", "emv1", "emv2",
                           "mta-sts", "_bimi", "_domainkey", "_dmarc", "_acme-challenge"})
_KIT_PATH = re.compile(
    r"(?i)/(?:caonima|tetsuzuki|netservice|its-login|verification|verify|signin|sign-in|login|logon|"
    r"authenticate|webscr|secure|account[-_]?(?:update|verify|login)|update[-_]?(?:info|account)|mypage|member(?:s)?/login|"
    r"jp/(?:login|verify|verification|member)|wp-(?:includes|admin|content)/[^?]{0,80}(?:login|index)\.php)")
_RANDOM_QUERY = re.compile(r"^[a-z]{5,10}$")


@lru_cache(maxsize=8192)
def _randomish(label: str) -> bool:
    """A label no one would choose to be read: no vowels, consonant runs, letters and digits mixed."""
    letters = [c for c in label if c.isalpha()]
    if len(label) >= 4 and letters and not _VOWELS.intersection(label) and label.isalpha():
        return True
    run = best = 0
    for c in label:
        run = run + 1 if c.isalpha() and c not in _VOWELS else 0
        best = max(best, run)
    if (best >= 6 or (best >= 5 and any(c.isdigit() for c in label))) and len(label) >= 6:
        return True
    switches = sum(1 for a, b in pairwise(label) if a.isdigit() != b.isdigit())
    if switches >= 3 and len(label) >= 6:
        return True
    return len(label) >= 18 and len(letters) >= 12 and sum(c in _VOWELS for c in letters) / len(letters) < 0.25


@lru_cache(maxsize=1)
def _path_tokens() -> re.Pattern[str]:
    """Brand tokens of four letters or more, as one pattern (one scan of a path for all of them)."""
    tokens = sorted({t for t, _ in catalogue().tokens if len(t) >= 4}, key=len, reverse=True)
    # a word of the path that is the token, or starts with it before digits or a kit word
    # (/paypay94ecbd7ea, /jcblogin/), not a longer word that happens to begin with it (/interactive)
    alternatives = "|".join(re.escape(t) for t in tokens) or "(?!)"
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z]|(?:login|signin|verify|member|jp|co)(?![a-z]))")


def _link_signs(link: Link, bare: bool = False) -> tuple[str, ...]:
    return _link_signs_of_host(link.host, link.url.split("://", 1)[-1].partition("/")[2], bare)


@lru_cache(maxsize=4096)
def _host_signs(host: str) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """The part of ``_link_signs_of_host`` read from the host alone: (its signs, the public suffix,
    the labels before it but ``www``), or None for a host never judged (official, benign, a
    redirector). Cached by host: a mail's links to one host differ by their paths (a newsletter's
    hundred links to its tracker) and the host's part was read again for each."""
    cat = catalogue()
    reg = org_domain(host) or ""
    if not reg or cat.is_official(reg) or reg in cat.benign or host in cat.redirectors:
        return None
    signs: list[str] = []
    suffix = public_suffix(host) or ""
    if suffix in cat.risky_tlds or suffix.rpartition(".")[2] in cat.risky_tlds:
        signs.append("risky_tld")
    labels = [lab for lab in host[: -len(suffix) - 1 if suffix else None].split(".") if lab and lab != "www"]
    if any(_randomish(lab) and not _abbreviated(lab) for lab in labels[-3:]) or any(
        (lab.isdigit() and len(lab) >= 3) or "_" in lab or (len(lab) >= 16 and "-" not in lab) for lab in labels[:-1]
    ):
        signs.append("random_label")
    reg_label = _label(reg)
    if reg_label.count("-") >= 3 or sum(c.isdigit() for c in reg_label) >= 5:
        signs.append("many_hyphens")
    sub = labels[:-1]
    if len(sub) >= 4 or any(lab in ("com", "co", "jp", "net", "org", "www1", "secure") for lab in sub[1:]) or (
        sub and sub[0] in _INFRA_LABELS
    ):
        signs.append("deep_subdomain")
    return tuple(signs), suffix, tuple(labels)


@lru_cache(maxsize=4096)
def _link_signs_of_host(host: str, rest: str, bare: bool = False, names: bool = True) -> tuple[str, ...]:
    """Signs that a host (and the path and query after it, ``rest``) was made by a kit. ``names=False``
    (round 11, a mail's link): not the signs that look for every brand's name or address in the path
    (``brand_in_path``, ``domain_in_path``, ``brand_page``), whose patterns cost half a second to build in
    each process — a mail's brand is read from its text, and its links to another site are
    ``brand_link_mismatch``'s."""
    read = _host_signs(host)
    if read is None:
        return ()
    host_signs, suffix, labels = read
    cat = catalogue()
    signs = list(host_signs)
    path, _, query = rest.partition("?")
    if _KIT_PATH.search("/" + path[:300]) or _RANDOM_QUERY.match(query[:20]):
        signs.append("kit_path")
    if bare and names and _path_tokens().search(path[:200].lower()):  # a link alone: its path is all it says
        signs.append("brand_in_path")
    if bare:
        signs.extend(_bare_host_signs(labels, path, query, names))
        if "." not in suffix and _initials_name(labels[-1] if labels else "", suffix, path, query):
            signs.append("initials_name")
        platform = _under(host, cat.free_hosting) or _under(host, cat.dynamic_dns) or _under(host, cat.infrastructure) \
            or _under(host, cat.trackers) or _under(host, cat.cdn_hosts)
        if not platform and not _STATIC_ASSET.search(path[:300]) and any(_MACHINE_ID.fullmatch(lab) for lab in labels[:-1]):
            signs.append("machine_subdomain")
    return tuple(signs)


# a sign-in page at the top of a made-up site: the first of at most three path segments names it
# (/login, /jcblogin, /user_login, /apsigninopenid, /memberservice), or is a script named for the
# country (/jp.php, /japan.php: a kit's landing page; /jp/ alone is an ordinary site's Japanese
# pages); deeper paths are a site's own pages
_LOGIN_SEGMENT = re.compile(r"(?i)log-?in|signin|sign-in|logon|(?<![a-z])sso(?![a-z])|(?<![a-z])auth(?![a-z])|authenticat|"
                            r"verif|mypage|member_?(?:service|login|info)|tetsuzuki|netservice|webscr")
_COUNTRY_SEGMENT = re.compile(r"(?i)(?:jp|japan|ja)\.php")
# sub-domain words of a kit's host (continue-checkout.x.com, account-login.x.com, no-reply-aeon-jp.x.com):
# a site's own sub-domains are named for a service (support., secure., updates.), not for a step of a form
_KIT_SUBDOMAIN = re.compile(r"accou?n|login|signin|checkout|continu|requir|nformation|verif|confirm|billing|payment|"
                            r"menbe|member|authori|no-?reply")
# the whole path one random token of letters and digits (/1K2efjwHhJj49pU13k/, /smywbc641yr1da9c88):
# a kit's campaign key, shared by the hosts of one campaign; a site's pages have names and folders
_TOKEN_SEGMENT = re.compile(r"(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{12,40}={0,2}")
# a Japanese address written as a folder of another site (/plala.or.jp/, /grp01.id.rakuten.co.jp/jp/):
# a kit copying the real address into its own path to look right in a phone's address bar
_JP_DOMAIN_SEGMENT = re.compile(r"(?i)[/.](?:co|ne|or|go|ac|ed|gr|lg)\.jp(?:/|$)")
_MISSPELT_STEP = re.compile(r"accoun(?!t)|(?<!i)nformation|menbe|continu(?!e)|checkuot")


# a site's name of five to eight Chinese pinyin initials (no vowel, no ``v``: ``hkgqs``, ``whdgcb``),
# as kits aimed at Japan register in bulk under generic TLDs; read on a site's root or one plain
# page only (an ad network's click links carry their ids: ``qksrv.net/click-4715-22027``), and
# not under a country's TLD (a national abbreviation: ``mstdn.jp``) or a sponsored one (``.gov``)
_INITIALS = re.compile(r"[bcdfghjklmnpqrstwxz]{5,8}")
_PLAIN_PAGE = re.compile(r"/?[A-Za-z0-9]{1,16}/?")
_SPONSORED_TLDS = frozenset({"edu", "gov", "mil", "int"})
# a machine's id as a sub-domain (``6441056b613c32a9.``, a UUID): a kit's per-campaign host on a
# borrowed site; platforms that give out such names (free hosting, CDNs) are judged elsewhere
_MACHINE_ID = re.compile(r"(?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{16,64}|"
                         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


# a file a page loads (an image, a script, a stream's playlist): served from a CDN's machine-named
# host, never a kit's landing page
_STATIC_ASSET = re.compile(r"(?i)\.(?:png|jpe?g|gif|webp|svg|ico|css|js|mjs|woff2?|ttf|m3u8|mpd|ts|mp4|webm|mp3|json)$")


def _initials_name(label: str, suffix: str, path: str, query: str) -> bool:
    """The site's name is five to eight pinyin initials under a generic TLD, on its root or one
    plain page (``hkgqs.com/``, ``nbxljs.com/oshirase``); not a name built of well-known
    abbreviations (``npmjs``, ``cdnjs``, ``msnbc``: ``_abbreviated``)."""
    if len(suffix) < 3 or suffix in _SPONSORED_TLDS or not _INITIALS.fullmatch(label) or _abbreviated(label):
        return False
    path = path.partition("#")[0]
    return not query and (not path or bool(_PLAIN_PAGE.fullmatch(path)))


@lru_cache(maxsize=4096)
def _abbreviated(label: str) -> bool:
    """The label splits wholly into two or more of the well-known Latin abbreviations of
    ``lists.toml: latin_abbreviations``, one of three letters or more (``npm``+``js``,
    ``ms``+``nbc``, ``cdn``+``js``): a name a reader knows, not pinyin initials."""
    return any(len(split) >= 2 and max(map(len, split)) >= 3 for split in _splits(label, catalogue().abbreviations))


def _splits(label: str, words: frozenset[str]) -> list[tuple[str, ...]]:
    """Every way ``label`` (a few letters) is written as a run of ``words``."""
    if not label:
        return [()]
    return [(label[:end], *rest) for end in range(1, len(label) + 1) if label[:end] in words
            for rest in _splits(label[end:], words)]


# a word of a kit's path that no ordinary site uses (the Chinese kits' /caonima=*)
_KIT_ONLY_PATH = re.compile(r"(?i)/caonima")
# brands a site links to by name from its own pages ("follow us": example.com/facebook)
_FOLLOW_US_BRANDS = frozenset({"google", "facebook", "instagram", "whatsapp", "twitter", "linkedin", "tiktok",
                               "telegram", "spotify", "line"})


# after a brand's name in a page's name, a separator and a word that ends the name: a kit's step
# (/aeon-login, /eki_Login/, /smbc-security/, /biglobe-webmail-jp) or its country script
# (/aeon-Japan.php) — any other word names an article or an offer about the brand on an
# ordinary site (/amazon-review, /rakuten-campaign), and so does a product's name (/rakuten-card,
# /docomo-mail, /amazon-support: a blog's comparison page), or a step followed by more words
# (/amazon-account-settings-guide)
_PAGE_WORD = re.compile(r"[-_]([A-Za-z]{3,})")
_KIT_PAGE_WORD = re.compile(r"(?i)log-?in|signin|logon|verify|verification|auth|member|members|account|"
                            r"secure|security|webmail|update|confirm")
_KIT_PAGE_END = re.compile(r"(?i)(?:[-_]jp)?(?:\.(?:php|html?|aspx?))?")
_COUNTRY_PAGE = re.compile(r"(?i)[-_](?:japan|jp)\.php")


def _brand_page(segment: str) -> bool:
    """The first segment of a short path is a brand's name (``/aeon``, ``/Biglobe``, ``/paypay/``,
    ``/etc-meisai.php``, ``/myjcb``): a kit's page for that brand on a borrowed site. Sites link to
    social networks by name from their pages: those are not counted."""
    m = _path_names().match(segment)
    if m is None:
        return False
    word = m.group(1).lower()
    cat = catalogue()
    if word in cat.bare_ordinary and (len(segment) == len(word) or not segment[len(word)].isalnum()):
        return False  # an ordinary word as a page (/eki/, /yamato.html) is a site's own; glued to a key it is not
    rest = segment[m.end():]
    told = _PAGE_WORD.match(rest)
    if told is not None and not _COUNTRY_PAGE.fullmatch(rest) and not (
        _KIT_PAGE_WORD.fullmatch(told.group(1)) and _KIT_PAGE_END.fullmatch(rest[told.end():])
    ):
        return False  # a page about the brand (/amazon-review, /paypay-card): a kit writes a step (/aeon-login)
    return (cat.bare_words.get(word) or cat.token_brand.get(word, "")) not in _FOLLOW_US_BRANDS


# a sub-domain that names a site's publication (blog.example.com, news.example.jp): a page there
# named for a brand is an article about it (/rakuten-card, /aeon), not a kit's page on a borrowed site
_PUBLICATION_LABELS = frozenset({"blog", "blogs", "news", "media", "magazine", "mag", "column", "columns", "press",
                                 "journal", "article", "articles", "review", "reviews", "wiki", "kiji", "matome"})


_QUERY_KEY = re.compile(r"[A-Za-z]{5,12}")


def _random_key(query: str) -> bool:
    """A query that is one random key of letters, no ``name=value`` (``?HxVoT``, ``?fxrkrbving``):
    cases mixed inside it, or letters no language writes. A site's own bare queries are words
    (``?login``, ``?amp``, ``?Print``)."""
    if not _QUERY_KEY.fullmatch(query):
        return False
    lower = query.lower()
    mixed = any(c.isupper() for c in query[1:]) and any(c.islower() for c in query) and not query[1:].isupper()
    return mixed or _randomish(lower) or _unreadable_word(lower)


def _bare_host_signs(labels: Sequence[str], path: str, query: str = "", names: bool = True) -> list[str]:
    """Signs read only when a link is pasted alone (a mail's links are weighed with its text)."""
    out: list[str] = []
    path, _, path_query = path.partition("#")[0].partition("?")
    segments = [s for s in path.split("/") if s]
    if 0 < len(segments) <= 3 and (_LOGIN_SEGMENT.search(segments[0][:80]) or _COUNTRY_SEGMENT.fullmatch(segments[0][:20])):
        out.append("login_path")
    dns_record, kit_subdomain, pinyin, unreadable = _bare_host_flags(tuple(labels))
    if dns_record:
        out.append("dns_record_host")  # a DNS record's name (default._bimi., _mta-sts.) serves no page
    if not path_query and len(segments) == 1 and _TOKEN_SEGMENT.fullmatch(segments[0][:48]) \
            and _randomish(segments[0][:48].lower()):
        out.append("token_path")
    if _JP_DOMAIN_SEGMENT.search("/" + path[:300]) or (names and _official_in_path().search(path[:300].lower())):
        out.append("domain_in_path")  # /plala.or.jp/, /www.cr.mufg.jp/dc/…: a brand's address as a folder
    if not segments and _random_key(query.partition("#")[0][:13]):
        out.append("token_query")  # /?HxVoT: the campaign key as the whole query of a site's root
    sub = labels[:-1]
    if kit_subdomain:
        out.append("kit_subdomain")
    if pinyin:
        out.append("pinyin_name")
    if names and 0 < len(segments) <= 3 and _brand_page(segments[0][:80]) and not _PUBLICATION_LABELS.intersection(sub):
        out.append("brand_page")  # /aeon, /paypay/, /Biglobe, /etc-meisai.php on a site not the brand's
    if _KIT_ONLY_PATH.search("/" + path[:300]):
        out.append("kit_word")
    if unreadable:
        out.append("unreadable_name")
    return out


@lru_cache(maxsize=4096)
def _bare_host_flags(labels: tuple[str, ...]) -> tuple[bool, bool, bool, bool]:
    """What the host's labels alone say among ``_bare_host_signs``: (a DNS record's name, a kit's
    sub-domain words, a pinyin name, an unreadable name), read once per host, not for each path."""
    sub = labels[:-1]
    return (
        any(lab.startswith("_") for lab in sub),
        # a plain ``account.`` or ``billing.`` is a site's own page; stacked, hyphen-joined or misspelt is a kit's
        any(_KIT_SUBDOMAIN.search(lab) and ("-" in lab or len(sub) >= 2 or _MISSPELT_STEP.search(lab)) for lab in sub),
        any(pinyin_name(lab) for lab in labels[-3:]),
        any(_unreadable_word(w) for lab in labels[-3:] for w in re.split(r"[^a-z]+", lab)),
    )


@lru_cache(maxsize=8192)
def _unreadable_word(word: str) -> bool:
    """A word of seven letters or more with five consonants in a row, counting ``y`` as a consonant
    unless it stands alone between consonants as a vowel does (poetry, gym), and with rare letters
    in it or no other vowel (``dyxdjxx``, ``kxnvybf``, ``zylyswkj``): typed by a machine, not a
    compound of words (``fightcloud``, ``freshrpms``)."""
    if len(word) < 7 or len(word) > 63:
        return False
    strict = loose = best_strict = best_loose = 0
    for i, c in enumerate(word):
        if c in "aeiou":
            strict = loose = 0
            continue
        lone_y = c == "y" and i > 0 and word[i - 1] not in "aeiouy" and (i + 1 == len(word) or word[i + 1] not in "aeiouy")
        loose = 0 if lone_y else loose + 1
        strict += 1
        best_strict, best_loose = max(best_strict, strict), max(best_loose, loose)
    rare = sum(c in _RARE_LETTERS for c in word)
    no_vowel = not _VOWELS.intersection(word.replace("y", ""))
    return (best_loose >= 5 and (rare >= 2 or no_vowel)) or (best_strict >= 5 and (rare >= 3 or (no_vowel and rare >= 1)))


_RARE_LETTERS = frozenset("jkqvwxz")


def _gibberish_host(host: str) -> bool:
    """A label no language reads: seven letters or more, random by _randomish, and without vowels
    or with rare letters in it (``ktqfqzno``, ``vlkrdfep``) — not an English compound that merely
    has a consonant cluster (``freshrpms``, ``tightvnc``)."""
    suffix = public_suffix(host) or ""
    labels = [lab for lab in host[: -len(suffix) - 1 if suffix else None].split(".") if lab and lab != "www"]
    for label in labels[-3:]:
        letters = [c for c in label if c.isalpha()]
        if len(label) >= 7 and _randomish(label) and (
            sum(c in _RARE_LETTERS for c in letters) >= 2 or not _VOWELS.intersection(letters)
        ):
            return True
    return False


_STRONG_BARE_SIGNS = frozenset({"risky_tld", "deep_subdomain", "many_hyphens", "login_path", "kit_subdomain",
                                "pinyin_name", "unreadable_name", "token_path", "domain_in_path", "dns_record_host",
                                "brand_page", "kit_word", "token_query", "initials_name",
                                "machine_subdomain"})


def _bare_severity(host: str, signs: tuple[str, ...]) -> Severity:
    """How much a link pasted alone says by its signs: two, or one that ordinary sites do not show
    (a kit TLD, stacked or borrowed sub-domains, a hyphen-stuffed name), or a gibberish name, is
    enough (``high``); a brand in the path alone is not (news sites write about brands)."""
    if not signs:
        return "info"
    gibberish = "random_label" in signs and _gibberish_host(host)
    return "high" if len(signs) >= 2 or _STRONG_BARE_SIGNS.intersection(signs) or gibberish else "medium"


def kit_like_link(f: Facts) -> list[Finding]:
    best: tuple[int, str, list[str]] | None = None
    hosts: list[str] = []
    seen: set[str] = set()
    for link in _web_links(f)[:200]:
        if link.url in seen:
            continue
        seen.add(link.url)
        signs = _link_signs(link, f.prepared.bare_links)
        if len(signs) >= 2 or (f.prepared.bare_links and signs):
            hosts.append(link.host)
            if best is None or len(signs) > best[0]:
                best = (len(signs), link.host, list(signs))
    mail_read = None if f.prepared.bare_links else _call_to_action_read(f)
    if mail_read is not None:
        host, signs = mail_read
        if best is None or host not in hosts:
            hosts.append(host)
        return [_f("kit_like_link", "high", tuple(defang_host(h) for h in sorted(set(hosts))[:5]),
                   hosts=_list([defang_host(h) for h in sorted(set(hosts))]), signs=",".join(signs))]
    if best is None:
        return []
    count = best[0]
    if f.prepared.bare_links:
        # alone, a link is judged by what it shows: two signs, or one that ordinary sites do not
        # show (a kit TLD, stacked or borrowed sub-domains, a hyphen-stuffed name), is enough
        # (a brand in the path is not enough alone: news sites write about brands)
        severity: Severity = _bare_severity(best[1], tuple(best[2]))
    else:
        severity = "medium" if count >= 3 else "low"
    shown = sorted(set(hosts))
    return [_f("kit_like_link", severity, tuple(defang_host(h) for h in shown[:5]),
               hosts=_list([defang_host(h) for h in shown]), signs=",".join(best[2]))]


# the signs a path's words give (a sign-in page, a brand's name): a service's own notice links so too
_PATH_WORD_SIGNS = frozenset({"kit_path", "login_path", "brand_in_path"})
MAIL_TRACKER_URLS = 5  # distinct links to one host: a newsletter's tracker (a kit's mail has one to three)
MAIL_CTA_DOMAINS = 3  # a mail's links to at most this many other sites: what it asks to open is among them


def _call_to_action_links(f: Facts) -> list[Link]:
    """Round 11: the links a mail asks its reader to open, when the mail's context says nobody vouches for
    them: a whole mail whose receiving server wrote its results down and found no aligned signature, SPF or
    DMARC pass for the sender, no list's or brand's own mail, whose links (but to the sender's own domain)
    go to at most ``MAIL_CTA_DOMAINS`` sites; not a host behind ``MAIL_TRACKER_URLS`` of its links or more
    (its mailer's click tracker). Empty otherwise: a newsletter's dozens of links, or any signed mail, are
    never read as pasted (a pasted link is judged wrong about 1 % of the time: per link of a digest, that
    would flag most digests)."""
    if f.mail.kind not in ("eml", "msg") or f.brand_official or f.sender.list_id or not f.sender.auth.trusted:
        return []  # (no result a receiving server wrote: nothing says the sender is unvouched)
    if _authenticated_sender_org(f) is not None:
        return []
    frm = f.sender.from_addr
    from_org = org_domain(frm.domain) if frm and frm.domain else None
    envelope = f.sender.envelope_domain
    if f.sender.auth.spf == "pass" and from_org is not None and envelope and org_domain(envelope) == from_org:
        return []  # an aligned SPF pass vouches as a signature does
    links = [link for link in _web_links(f)
             if link.source in ("html", "text", "redirect") and link.registrable_domain != from_org]
    if not links or len({link.registrable_domain for link in links[:200]}) > MAIL_CTA_DOMAINS:
        return []
    per_host: dict[str, set[str]] = {}
    for link in links[:200]:
        per_host.setdefault(link.host, set()).add(link.url)
    # a host behind many of the mail's links is its mailer's click tracker, not one call to action
    return [link for link in links[:50] if len(per_host[link.host]) < MAIL_TRACKER_URLS]


def _call_to_action_read(f: Facts) -> tuple[str, tuple[str, ...]] | None:
    """Round 11: a mail's call-to-action link (``_call_to_action_links``) read as if pasted alone
    (``_bare_severity``: ``high``). A platform's machine-named host (a CDN's, an ESP's tracker) or a file
    the page loads says nothing of its maker; nor does a path's word alone."""
    cat = catalogue()
    best: tuple[str, tuple[str, ...]] | None = None
    for link in _call_to_action_links(f):
        rest = link.url.split("://", 1)[-1].partition("/")[2]
        if _STATIC_ASSET.search(rest.partition("?")[0].partition("#")[0][:300]):
            continue
        if _under(link.host, cat.cdn_hosts) or _under(link.host, cat.trackers) or _under(link.host, cat.infrastructure):
            continue
        signs = _link_signs_of_host(link.host, rest, True, False)
        if not set(signs) - _PATH_WORD_SIGNS:
            continue  # "log in at …/login" is what every service's notice says: the host or a kit's key must speak
        if _bare_severity(link.host, signs) == "high" and (best is None or len(signs) > len(best[1])):
            best = (link.host, signs)
    return best


def more_words_than(text: str, n: int) -> bool:
    """``len(text.split()) > n``, without splitting a long mail whole: at most ``n`` splits, and
    what is left after them (if anything) is one more piece."""
    return len(text.split(maxsplit=n)) > n


def image_only(f: Facts) -> list[Finding]:
    """A mail that is a picture and a link: no text for a filter (or a reader) to weigh."""
    if not f.html or f.brand_official or f.sender.list_id:
        return []
    images = sum(h.images for h in f.html)
    if images == 0 or more_words_than(f.text.text, 25):
        return []
    links = [link for link in f.links if link.source in ("html", "text")]
    if not links:
        return []
    cat = catalogue()
    hidden = any(link.host in cat.shorteners or link.registrable_domain in cat.shorteners
                 or _under(link.host, cat.free_hosting) for link in links)
    hosts = sorted({link.host for link in links})
    return [_f("image_only", "medium" if hidden else "low", tuple(defang_host(h) for h in hosts[:3]),
               hosts=_list([defang_host(h) for h in hosts]))]


def open_redirect_link(f: Facts) -> list[Finding]:
    """A link goes through a well-known site's open redirect (google.com/url?q=…, bing.com/ck/a…)
    to another site: the mail borrows a trusted name to carry its real link past filters."""
    cat = catalogue()
    own = _authenticated_sender_org(f)
    targets = [link for link in f.links if link.source == "redirect" and link.registrable_domain != own
               and not cat.is_official(link.registrable_domain) and link.registrable_domain not in cat.benign]
    if not targets:
        return []
    hosts = sorted({link.host for link in targets})
    return [_f("open_redirect_link", "medium", tuple(defang_host(h) for h in hosts[:5]),
               hosts=_list([defang_host(h) for h in hosts]))]


def qr_code(f: Facts) -> list[Finding]:
    qr = [link for link in f.links if link.source == "qr"]
    if not qr:
        return []
    cat = catalogue()
    hosts = sorted({link.host for link in qr})
    own = _authenticated_sender_org(f)
    if own is not None and all(link.registrable_domain == own for link in qr):
        return [_f("qr_code", "low", tuple(defang_host(h) for h in hosts), hosts=_list([defang_host(h) for h in hosts]))]
    severity: Severity = "high" if any(not cat.is_official(link.registrable_domain) for link in qr) else "medium"
    return [_f("qr_code", severity, tuple(defang_host(h) for h in hosts[:5]), hosts=_list([defang_host(h) for h in hosts]))]


RULES: tuple[Callable[[Facts], list[Finding]], ...] = (
    self_sent,
    envelope_mismatch,
    auth_failures,
    display_name_brand,
    brand_from_mismatch,
    brand_lure,
    brand_link_mismatch,
    lookalike_domain,
    idn_homoglyph,
    href_text_mismatch,
    new_domain,
    unregistered_domain,
    listed_link,
    freemail_reply_to,
    lure_and_urgency,
    shortener_link,
    ip_literal_link,
    free_hosting_link,
    extortion,
    leak_tag,
    attachments,
    html_tricks,
    compauth_fail,
    sender_format,
    no_reverse_dns,
    undisclosed_recipients,
    address_greeting,
    display_name_address,
    disguised_text,
    scam_lure,
    spam_content,
    hidden_text,
    malware_link,
    dynamic_dns_link,
    kit_like_link,
    image_only,
    qr_code,
    open_redirect_link,
    throwaway_tenant,
    form_injection,
)


# --- weak signs beside an unverified sender (issue 11, round 11) ---------------------------------

# the signs of a mail made to pass filters or sent in bulk that alone are no verdict: a malformed From,
# spam's wording, text hidden from the reader, a sender's name or subject written to slip past filters
# (a greeting by address, a short link, a free host's page and a Bcc are every small site's script mail too)
WEAK_MAKE_SIGNS = ("sender_format", "spam_content", "hidden_text", "disguised_text")
# the receiving server's own verdict that the From is not backed already says it: counted once
_AUTH_SAID = frozenset({"dmarc_fail", "compauth_fail"})


def unverified_sender(f: Facts, findings: tuple[Finding, ...]) -> list[Finding]:
    """Round 11: a weak sign of bulk mail (``WEAK_MAKE_SIGNS``) in mail whose sender the receiving server
    could not tie to its From domain. Since 2024 every large mailbox provider asks bulk senders for DMARC,
    and every service that mails its users signs as its own domain; a whole mail whose receiver's trusted
    results show no DMARC pass, no valid DKIM signature of the From's domain and no SPF pass of that domain's
    own envelope (what DMARC would have failed) is mail nobody answers for. Alone that is no sign (a small
    site's script sending through its host); beside a sign of how bulk mail is made it is the second,
    independent sign such mail carries. Not raised for a list's or bulk mailer's mail (List-Id, Precedence), a
    reply in a conversation, a brand's own mail, or beside the receiver's own DMARC or compauth failure (counted
    once)."""
    if f.mail.kind not in ("eml", "msg") or not f.sender.auth.trusted or f.sender.bulk or f.sender.list_id:
        return []
    frm = f.sender.from_addr
    if frm is None or not frm.domain or "." not in frm.domain or f.prepared.brand_official:
        return []
    if f.sender.auth.dmarc == "pass" or _authenticated_sender_org(f) is not None:
        return []
    names = {k.lower() for k, _ in f.mail.headers[:200]}
    if f.sender.auth.dkim_domains and "list-unsubscribe" in names:
        return []  # a mailing service's mailing for a customer's domain: the service signs it and answers for it
    envelope = f.sender.envelope_domain
    spf_only = f.sender.auth.spf == "pass" and bool(envelope) and org_domain(envelope or "") == org_domain(frm.domain)
    if spf_only and f.sender.auth.dmarc not in ("none", "bestguesspass", None):
        return []  # the domain's own server sent it (SPF aligned, as DMARC counts it) and it publishes DMARC
    rules = {x.rule for x in findings if WEIGHTS.get(x.rule, {}).get(x.severity, 0)}
    if rules & _AUTH_SAID:
        return []
    if names & {"in-reply-to", "references"}:
        return []  # a conversation's reply
    if spf_only:
        # its own server, but no signature and no DMARC record: none of what bulk senders must publish
        # (2024): counts beside the signs only bulk mail shows, never beside one spam word, and never in a
        # mailing that tells its reader how to leave it (a small shop's own newsletter); a mail that fails
        # alignment altogether gains nothing by a List-Unsubscribe line anyone can write
        spam = catalogue().phrases.get("spam")
        if "list-unsubscribe" in names or (spam is not None and f.text.count_phrases(spam.optout)):
            return []
        # (hidden blocks are every responsive template's mobile copy: not here)
        rules = {x.rule for x in findings if x.rule == "disguised_text"
                 or (x.rule in ("sender_format", "spam_content") and x.severity in ("medium", "high"))}
    if not any(r in rules for r in WEAK_MAKE_SIGNS):
        return []
    severity: Severity = "low"  # one step: what makes the mail count is the sign beside it
    server = defang_host(f.sender.auth.authserv_id) if f.sender.auth.authserv_id else "?"
    return [_f("unverified_sender", severity, domain=defang_host(frm.domain), server=server)]


def run_rules(facts: Facts) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(facts))
    return tuple(out)
