"""The language of a mail's text from its commonest short words (issue 11, sixth round).

A mail's words tell its language better than its letters: German, Dutch, Portuguese, Spanish,
Italian and French mail was reported as ``en`` or ``und`` when a few Romance words ("de", "la",
"e", "un") were shared between the lists and the accents of French and Portuguese kept a text out
of ``en``. Each language's list holds function words; a word that several languages write counts
for each of them by one over the number of those languages, so "de" (Dutch, French, Spanish,
Portuguese, Italian) hardly decides, and "het", "und", "você", "della", "vous" do.
"""

from __future__ import annotations

import re
from collections import Counter

_LISTS: dict[str, str] = {
    "en": """the and you your to of is for this that with are on be have please we will our from it an as at a in no
        by if not or was has can all been would their which there any here who were""",
    "de": """der die das und sie ihr ihre ihren ihrem ist nicht mit für auf den dem des zu wir ein eine einen
        bitte werden wird wurde sind auch oder noch nach bei uns unsere können haben hat sich über""",
    "fr": """de le la les et vous votre vos est pour des une un sur dans nous pas avec ce qui du au aux je sont
        être été cette ces par mais ne plus notre nos sera afin ici si""",
    "pt": """de a o os as e você seu sua seus suas para com não uma um do da dos das em que por está ao à são foi
        pelo pela nos nossa nosso ser mais como""",
    "es": """de a la el los las y usted su sus para con no una un del en que por es está le tu se al hemos ha han
        este esta ser más como muy nuestro nuestra""",
    "nl": """de het en u uw je is van voor met niet een op wij we dat te zijn wordt worden bij naar ook dit deze
        heeft hebben kunt kan om als of""",
    "it": """a il la le e di per con non una un del della che è sono tuo tua suo sua gli dei delle al alla lo si
        ha ai nel nella questo questa essere""",
}
STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _LISTS.items()}

# how much each word says for each language that writes it: 1 / the number of such languages
_WEIGHTS: dict[str, float] = {}
for _words in STOPWORDS.values():
    for _w in _words:
        _WEIGHTS[_w] = 1.0 / sum(_w in ws for ws in STOPWORDS.values())

_WORDS = re.compile(r"[^\W\d_]{1,20}")


def words_language(text: str) -> str | None:
    """The language whose function words the (lower-cased) text uses most, if it clearly leads:
    three words' worth and half again as much as the next, or two and twice as much (a
    short paste); else None."""
    words = Counter(_WORDS.findall(text))
    if not words:
        return None
    hits = {lang: sum(words[w] * _WEIGHTS[w] for w in stop if w in words) for lang, stop in STOPWORDS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    runner_up = max(v for k, v in hits.items() if k != best)
    if (hits[best] >= 3 and hits[best] >= 1.5 * runner_up) or (hits[best] >= 2 and hits[best] >= 2 * runner_up):
        return best
    return None
