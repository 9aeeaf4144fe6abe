"""Words → columns and values, in tiers (exact, abbreviation, fuzzy for typos, synonyms,
partial names, acronyms, and values of the data such as "in the West"), and whether a number column
is a 0/1 flag (`is_flag`).

The question is tokenised once; each column's name is normalised once per profile (cached
with the profile), and only columns sharing a (corrected) word with a span are scored, so a
table with thousands of columns stays fast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..datasets.profile import is_numeric
from .lexicon import (
    ABBREVIATIONS,
    ANTONYMS,
    CODE_PHRASES,
    COMPASS_PARTS,
    GENERIC,
    KEEPING_WORDS,
    LEXICON_WORDS,
    MONTH_NAMES,
    PARAPHRASES,
    PARTICIPLES,
    PAST_TENSES,
    PEOPLE,
    STOPWORDS,
    SYNONYMS,
    UNIT_WORDS,
    VALUE_ALIASES,
    WORD_NAMES,
    negates,
)
from .names import singular, split_name

_TOKEN = re.compile(
    r"\bw/o?(?![a-z0-9])|"
    r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|[kmb]\b|bn\b)?|[A-Za-z][A-Za-z0-9_']*|[<>]=?|!=|==?|#|\?|,|\.", re.I)
_UNUSUAL = re.compile(r"[^A-Za-z0-9 ]")
_NEGATED_FORM = re.compile(r"(?:un|non-?|in)([a-z]{3,})")
_EDGE_BAD = STOPWORDS - {"date", "name", "type", "year", "month", "day", "week", "quarter", "time", "number",
                         "total", "count", "amount", "value", "share", "rank", "order", "class", "area", "line",
                         "point", "group", "kind", "trend", "other", "percentage", "distribution", "average",
                         "first", "last", "low", "high", "x", "y"}


_SHORTHAND = {"w/": "with", "w/o": "without"}  # "appts w/o a reminder"
_ENTITY_SUFFIX = {"id", "identifier", "name", "code", "number", "key", "title", "no", "num", "nbr"}
_CUE_WORDS = {"number", "count", "total", "sum", "average", "mean", "amount", "max", "min", "maximum", "minimum"}
_COUNT_WORDS = {"number", "num", "no", "nbr", "count", "total", "of"}  # "Num Employees" counts people
_CONNECTORS = {"of", "the", "a", "an", "in", "for", "and", "to", "per", "on", "at", "by"}


@dataclass
class Tok:
    i: int
    text: str  # lower case
    sing: str  # singular
    raw: str  # as typed
    start: int
    end: int
    word: int  # index of the typed word it came from (snake/camel parts share it)
    possessive: bool = False  # typed with 's ("marco's orders")


@dataclass
class Mention:
    column: str
    start: int  # token span [start, end)
    end: int
    score: float
    tier: str
    words: str
    runner_up: str | None = None


@dataclass
class ValueMention:
    column: str
    value: str
    start: int
    end: int
    score: float
    words: str
    alternatives: list[str] = field(default_factory=list)


def tokenize(text: str) -> list[Tok]:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    toks: list[Tok] = []
    for w, m in enumerate(_TOKEN.finditer(text)):
        raw = m.group(0)
        owner = raw.endswith("'s")
        if owner:
            raw = raw[:-2]
        raw = raw.strip("'")
        if not raw:
            continue
        parts = split_name(raw) if re.match(r"[A-Za-z]", raw) else [raw.lower()]
        if raw.lower() in _SHORTHAND:
            parts = [_SHORTHAND[raw.lower()]]
        if len(parts) > 1 and "_" not in raw and not re.search(r"[a-z][A-Z]", raw):
            parts = [raw.lower()]
        for p in parts or [raw.lower()]:
            toks.append(Tok(len(toks), p, singular(p), raw, m.start(), m.end(), w, owner))
    return toks


def skeleton(word: str) -> str:
    """A word's first letter and its consonants after it: "pages" → "pgs", "revenue" → "rvn"."""
    return word[:1] + re.sub(r"[aeiou]", "", word[1:])


def vowelless(word: str) -> bool:
    """A word typed as its consonants ("pgs", "rvn"): two letters or more, no vowel, not a known word."""
    return len(word) >= 2 and word.isalpha() and not re.search(r"[aeiouy]", word) and word not in STOPWORDS \
        and word not in ABBREVIATIONS


def _expand(token: str) -> list[str]:
    full = ABBREVIATIONS.get(token)
    return full.split() if full else [token]


def _period_suffixed(words: list[str]) -> list[str]:
    """"sold90d" → sold, 90d: a word with a period glued to its end ("UnitsSold90d", "revenue30d")."""
    out: list[str] = []
    for w in words:
        m = re.fullmatch(r"([a-z]{3,})(\d+[a-z]{0,2})", w)
        out += [m[1], m[2]] if m else [w]
    return out


class ColumnIndex:
    """Normalised names and values of a profile's columns, built once per profile."""

    def __init__(self, profile: dict[str, Any]):
        self.columns = profile["columns"]
        self.by_name = profile["_by_name"]
        self.forms: dict[str, list[str]] = {}  # column -> expanded tokens
        self.plain: dict[str, list[str]] = {}  # column -> tokens as named
        self.vocab_index: dict[str, set[str]] = {}
        # a participle that names a date column ("Paid On") is said by its verb ("days to pay"), not a value
        self.date_words = {w.lower() for c in self.columns if c["role"] == "temporal" for w in split_name(c["name"])}
        # the words of date columns ("Signed", "Install Date"): the day a stage was reached, when a stage is named so
        self.stage_dates = {w.lower(): c["name"] for c in self.columns if c["type"] in ("date", "datetime")
                            for w in split_name(c["name"]) if len(w) >= 4}
        self._index_names()
        self.vocab = [v for v in self.vocab_index if len(v) >= 4]
        # column words by their consonants ("pgs" → pages, "rvn" → revenue): a word typed without vowels
        self.skeletons: dict[str, set[str]] = {}
        for c in self.columns:
            for t in self.plain[c["name"]] + self.forms[c["name"]]:
                if len(t) >= 4 and t.isalpha():  # and its plural: "pgs" is "pages", not "page"
                    for k in (skeleton(t), skeleton(t) + "s"):
                        self.skeletons.setdefault(k, set()).add(c["name"])
        # column words that look shortened ("pmt", "mthd", "rtg", "perf"): the full word of a question names them
        self.name_shorts: dict[str, set[str]] = {}
        for c in self.columns:
            for t in self.plain[c["name"]]:
                if _looks_short(t):
                    self.name_shorts.setdefault(t, set()).add(c["name"])
        self.acronyms: dict[str, set[str]] = {}
        for c in self.columns:
            if c["name"].isupper() and c["name"].isalpha() and len(c["name"]) <= 4:
                self.acronyms.setdefault(c["name"].lower(), set()).add(c["name"])
        self.stems: dict[str, set[str]] = {}
        for v, cols in self.vocab_index.items():
            if len(v) >= 4:
                self.stems.setdefault(stem(v), set()).update(cols)
            if len(v) >= 6 and v.endswith("lve"):  # Hours to Resolve ~ "resolution" (stem_forms: resolv)
                self.stems.setdefault(v[:-1], set()).update(cols)
        self.values: dict[str, list[tuple[str, str, int]]] = {}
        # Names and values with punctuation or non-Latin letters: (column, value or None).
        self.unusual: list[tuple[str, str | None]] = [
            (c["name"], None) for c in self.columns if _UNUSUAL.search(c["name"]) and len(c["name"].strip()) >= 2]
        for c in self.columns:
            if c.get("role") in ("measure",) and c["type"] != "integer" or c["type"] in ("date", "datetime"):
                continue
            for v, n in c.get("values", []):
                key = value_key(v)
                if key:
                    self.values.setdefault(key, []).append((c["name"], v, n))
                if _UNUSUAL.search(v) and len(v.strip()) >= 2:
                    self.unusual.append((c["name"], v))
        # a value typed with or without its spaces and hyphens: "follow up" ~ "Followup", "noshow" ~ "No Show"
        self.values_joined: dict[str, list[tuple[str, str, int]]] = {}
        for key, hits in self.values.items():
            if re.search(r"[a-z]", key):
                self.values_joined.setdefault(key.replace(" ", ""), []).extend(hits)
        self._index_value_forms()
        self._fuzzy_cache: dict[str, list[str]] = {}
        self._spell: list[str] | None = None
        self._typos: dict[str, str | None] = {}
        self._several: dict[tuple[int, str], list[tuple[list[str], list[tuple[str, str, int]]]]] | None = None
        self._word_cols: dict[str, frozenset[str]] = {}
        self._known: frozenset[str] | None = None

    def _index_names(self) -> None:
        """Each column's words as named and expanded, and every word (and synonym) → its columns."""
        for c in self.columns:
            toks = [singular(t) for t in _period_suffixed(split_name(c["name"]))] or [c["name"].lower()]
            # "No Show", "No Signature": a Yes/No column's leading "no" negates, it is no "number"
            yes_no = len(toks) > 1 and toks[0] == "no" and (c["type"] == "boolean" or c.get("distinct") == 2)
            expanded = [singular(e) for i, t in enumerate(toks) for e in ([t] if yes_no and i == 0 else _expand(t))]
            self.plain[c["name"]] = toks
            self.forms[c["name"]] = expanded
            joined = "".join(toks)
            if len(toks) > 1:
                self.vocab_index.setdefault(joined, set()).add(c["name"])  # "pageviews" -> Page Views
            for t in set(toks) | set(expanded):
                self.vocab_index.setdefault(t, set()).add(c["name"])
                if _short_plural(t + "s", t):  # "skus": singular() keeps words ending in -us / -is
                    self.vocab_index.setdefault(t + "s", set()).add(c["name"])
                for s in SYNONYMS.get(t, set()) | PARAPHRASES.get(t, set()):
                    self.vocab_index.setdefault(s, set()).add(c["name"])

    def _index_value_forms(self) -> None:
        """Values of small category columns by the forms a question may use: a one-word value by its
        stem ("trials" ~ trialing; a stem two values share is dropped), and one word of a several-word
        value ("organic" of "google / organic": that value when no other holds it)."""
        self.value_stems: dict[str, list[tuple[str, str, int]]] = {}
        self.value_parts: dict[str, list[tuple[str, str, int]]] = {}
        self.value_words: list[tuple[str, tuple[str, str, int]]] = []
        self.negated_values: dict[str, list[tuple[str, str, int]]] = {}  # "No Show" by "show"
        # values an export writes as a code in capitals ("ENG", "NE", "CTR"), said by the words they shorten
        self.codes: dict[str, list[tuple[str, str, int]]] = {}
        self.compass_columns: set[str] = set()
        self.first_names: dict[str, list[tuple[str, str, int]]] = {}  # "carol" → Carol Nguyen
        # "maple ridge apartment" by its words: each several-word value once under every word it holds
        self.named_values: dict[str, list[tuple[list[str], tuple[str, str, int]]]] = {}
        self.person_columns: set[str] = set()  # columns of people's full names
        for c in self.columns:
            if c.get("role") == "dimension" and c["type"] == "text" and c.get("distinct", 99) <= 30:
                self._index_codes(c)
                self._index_first_names(c)
                for v, n in c.get("values", []):
                    key = value_key(v)
                    said = re.fullmatch(r"(?:no|not|non) ([a-z]{3,})", key)
                    if said:
                        self.negated_values.setdefault(stem(said.group(1)), []).append((c["name"], v, n))
                    if re.fullmatch(r"[a-z]{4,}", key):
                        self.value_stems.setdefault(stem(key), []).append((c["name"], v, n))
                        self.value_words.append((key, (c["name"], v, n)))
                    # only a value of parts joined by a mark ("google / organic", "03 - Concrete"), not a name
                    # ("Valley College": `named_values`)
                    parts = re.findall(r"[a-z]+", key) if re.search(r"[/|:]|\s[-–]\s", str(v)) else []
                    if len(key.split()) > 1 and c["name"] not in self.person_columns:  # a person: by first name
                        for w in dict.fromkeys(key.split()):
                            self.named_values.setdefault(w, []).append((key.split(), (c["name"], v, n)))
                    for w in set(parts) if len(re.findall(r"[a-z0-9]+", key)) > 1 else ():
                        if (len(w) >= 4 or len(w) == 3 and vowelless(w)) and w not in STOPWORDS:  # "cpc"
                            self.value_parts.setdefault(w, []).append((c["name"], v, n))

    def stage_event(self, word: str) -> str | None:
        """The date column recording the stage a word names ("installs", "signed" ~ Installed, Signed On) when a
        one-word value of a category column is that stage too (Status = Installed) and the date is filled on
        more rows than hold the stage, else None."""
        forms = stem_forms(word)
        said = set(PARTICIPLES.values())  # a stage reached is a participle (Signed, Installed, Won), not "Open"
        stages = {h for f in forms for h in self.value_stems.get(f, [])
                  if str(h[1]).lower().endswith("ed") or str(h[1]).lower() in said}
        dates = {col for w, col in self.stage_dates.items() if stem_forms(w) & forms} if stages else set()
        if len(dates) != 1:
            return None
        # only when rows moved on past the stage (its date filled on more rows than hold it): else both say the same
        date = next(iter(dates))
        return date if self.by_name[date].get("non_null", 0) > sum(h[2] for h in stages) else None

    def _index_first_names(self, col: dict[str, Any]) -> None:
        """A column of people's full names ("Carol Nguyen", "Bob J. Hartley"): each value by its first name,
        when no other value of it starts with that name."""
        values = [(str(v), n) for v, n in col.get("values", [])]
        if len(values) < 2 or sum(bool(_FULL_NAME.fullmatch(v)) for v, _n in values) < 0.8 * len(values):
            return
        self.person_columns.add(col["name"])
        firsts: dict[str, list[tuple[str, str, int]]] = {}
        for v, n in values:
            firsts.setdefault(v.split()[0].lower(), []).append((col["name"], v, n))
        for first, hits in firsts.items():
            if len(hits) == 1:
                self.first_names.setdefault(first, []).extend(hits)

    def _index_codes(self, col: dict[str, Any]) -> None:
        """A category column's values written as codes in capitals (1–5 letters), and whether two of them or more
        are points of the compass ("NE", "SW", "W": a column of regions)."""
        codes = [(str(v), n) for v, n in col.get("values", []) if re.fullmatch(r"[A-Z]{1,5}", str(v))]
        for v, n in codes:
            self.codes.setdefault(v.lower(), []).append((col["name"], v, n))
        if sum(v.lower() in _COMPASS_CODES for v, _n in codes) >= 2:  # not sizes S / M / L
            self.compass_columns.add(col["name"])

    def code_of(self, word: str) -> list[tuple[str, str, int]] | None:
        """The one value coded in capitals that a word written in full shortens: its start or its start then
        consonants ("engineering" ~ ENG, "marketing" ~ MKT, "contractors" ~ CTR, "london" ~ LDN), or, in a
        column of regions, the initials of the points of the compass it is made of ("northeast" ~ NE,
        "midwest" ~ MW, "west" ~ W). Not a word of a column's name, nor a word the code is a start of with an
        inflection ("eng" of "engs")."""
        if not word.isalpha() or len(word) < 4 or word in STOPWORDS or word in self.vocab_index:
            return None
        initials = _compass_initials(word)
        if initials:
            hits = [h for h in self.codes.get(initials, []) if h[0] in self.compass_columns]
            return hits if len(hits) == 1 else None
        if word in LEXICON_WORDS or singular(word) in LEXICON_WORDS:
            return None  # "channel" is no CHN, "cancelled" no CAN: a word of the lexicon says what it says
        hits = [h for code, hs in self.codes.items() if len(code) >= 3 and code not in LEXICON_WORDS
                and any(abbreviates(code, w) for w in {word, singular(word)}) for h in hs
                if not _COUNTRY_WORDS & set(self.by_name[h[0]].get("tokens") or ())]
        return hits if len(hits) == 1 else None

    def initials_code(self, words: list[str]) -> list[tuple[str, str, int]] | None:
        """The one value coded in capitals that two or three words said in full name: two words of
        `lexicon.CODE_PHRASES` ("credit card" ~ CC, "human resources" ~ HR, "new york" ~ NYC), three by their
        initials ("single family homes" ~ SFH); words of three letters or more, no connector and no word of a
        column's own name ("per team" is no PT)."""
        named = {t for toks in self.plain.values() for t in toks}  # a synonym may be said: "time" of Hours
        if not all(w.isalpha() and len(w) >= 3 and w not in _CONNECTORS and singular(w) not in named
                   for w in words):
            return None
        if all(w in COMPASS_PARTS for w in words):  # "south west", "south-west" ~ SW in a column of regions
            hits = [h for h in self.codes.get("".join(COMPASS_PARTS[w] for w in words), [])
                    if h[0] in self.compass_columns]
            return hits if len(hits) == 1 else None
        codes = CODE_PHRASES.get(" ".join(singular(w) for w in words), set()) if len(words) == 2 else \
            {"".join(w[0] for w in words)}
        hits = [h for code in codes for h in self.codes.get(code, [])]
        return hits if len(hits) == 1 else None

    def word_columns(self, w: str) -> frozenset[str]:
        """Columns one word can point at (see _span_columns), kept per profile: every span of a
        question asks again for the same few words."""
        hit = self._word_cols.get(w)
        if hit is None:
            cols = set(self.vocab_index.get(w, ()))
            if w.isdigit():
                cols |= self.vocab_index.get(w.zfill(3), set()) | self.vocab_index.get(w.zfill(2), set())
            for e in _expand(w):
                cols |= self.vocab_index.get(e, set())
            for cw in self.corrections(w):
                cols |= self.vocab_index.get(cw, set())
            for form in stem_forms(w):  # "cancellations" ~ Cancelled
                cols |= self.stems.get(form, set())
            if vowelless(w):
                cols |= self.skeletons.get(w, set())
            if not cols:  # "apps" → Applications, "reqs" → Requisition ID, "bldg" → Building
                cols |= self.short_forms(w)
            if not cols:  # and the other way: "payment method" → pmt_mthd, "rating" → perf_rtg
                cols |= {col for t, named in self.name_shorts.items() if self.long_form_of(w, t) for col in named}
            if len(self._word_cols) >= 20_000:  # a long-lived profile meets many words: bounded
                self._word_cols.clear()
            hit = self._word_cols[w] = frozenset(cols)
        return hit

    def known_words(self) -> frozenset[str]:
        """The words of the columns' names and the values, and the stop words: what spelling never
        corrects (built once per profile, not per question)."""
        if self._known is None:
            self._known = frozenset(self.vocab_index) | {w for key in self.values for w in key.split()} | STOPWORDS
        return self._known

    def short_form_of(self, short: str, word: str) -> bool:
        """`short` abbreviates the column word `word` (see abbreviates), and is no word of the lexicon, of a
        column's name or of a value of the data ("cat" of a pet table's values is that value)."""
        return short not in LEXICON_WORDS and short not in ABBREVIATIONS and short not in self.vocab_index and \
            short not in self.values and abbreviates(short, word)

    def long_form_of(self, word: str, short: str) -> bool:
        """The question's `word` is written in full where a column's name shortens it to `short` ("payment" of
        pmt_mthd, "performance" of perf_rtg): a content word of the question that names no column as it is."""
        if short not in self.name_shorts or len(word) < 4 or word in STOPWORDS or word in self.vocab_index:
            return False
        # letters skipped inside keep the word's last consonant ("pmt" of payment), unlike "flg" of flight
        return any(abbreviates(short, w) and (w.startswith(short) or _last_consonant(short) in
                                              (_last_consonant(w), _last_consonant(stem(w))))
                   for w in {word, singular(word)})  # "hndl" of handling: the stem's

    def short_forms(self, short: str) -> set[str]:
        """Columns whose name has a word `short` abbreviates."""
        if len(short) < 3 or short in LEXICON_WORDS or short in self.vocab_index or short in self.values:
            return set()
        return {col for w in self.vocab if self.short_form_of(short, w) for col in self.vocab_index[w]}

    def several_word_values(self) -> dict[tuple[int, str], list[tuple[list[str], list[tuple[str, str, int]]]]]:
        """Values of two words or more by their word count and first two letters (built once)."""
        if self._several is None:
            self._several = {}
            for key, hits in self.values.items():
                parts = key.split()
                if len(parts) >= 2:
                    self._several.setdefault((len(parts), parts[0][:2]), []).append((parts, hits))
        return self._several

    def typo_of(self, word: str) -> str | None:
        """The one column word or category-value word `word` is a sure typo of ("chanel" → channel, "texsa" →
        texas, "categroy" → category): two letters swapped, one dropped or doubled (words of 5+ letters), or
        one letter changed (7+ letters: "insurence"; 5+ when the finger slipped to the next key, "rempte", or to
        a letter of the same sound, "cource"),
        with the first letter kept; None when two words are that close or none is."""
        if self._spell is None:
            words = {w for w in self.vocab_index if w.isalpha()}
            words |= {w for c in self.columns if c.get("role") == "dimension" and (c.get("distinct") or 99) <= 50
                      for v, _n in c.get("values", []) for w in re.findall(r"[a-z]+", str(v).lower())}
            self._spell = sorted(w for w in words if len(w) >= 5)
        if word not in self._typos:  # kept per profile, like _word_cols: the same words come back
            near = [v for v in self._spell if v[0] == word[0] and abs(len(v) - len(word)) <= 1 and OSA.distance(word, v)
                    == 1 and (len(word) >= 7 or len(v) != len(word) or sorted(v) == sorted(word) or slipped(word, v))]
            if len(self._typos) >= 20_000:
                self._typos.clear()
            self._typos[word] = near[0] if len(near) == 1 else None
        return self._typos[word]

    def negates_word(self, word: str) -> bool:
        """"uninsured", "non-smoker", "inactive": a column word after un- / non- / in-, its opposite and
        not a typo of it."""
        m = _NEGATED_FORM.fullmatch(word)
        return m is not None and singular(m.group(1)) in self.vocab_index

    def corrections(self, word: str) -> list[str]:
        """Vocabulary words within a typo of `word` (rapidfuzz ratio ≥ 85, or two letters swapped)."""
        if len(word) < 4 or word in self.vocab_index or word in STOPWORDS or self.negates_word(word):
            return []
        hit = self._fuzzy_cache.get(word)
        if hit is None:
            cutoff = 85 if len(word) >= 6 else 88
            hit = [m for m, s, _ in process.extract(word, self.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3)]
            if not hit and len(word) >= 5:  # two letters swapped ("scroe") score low as a ratio
                hit = sorted(v for v in self.vocab if v[0] == word[0] and len(v) == len(word)
                             and OSA.distance(word, v) == 1 and sorted(v) == sorted(word))[:3]
            self._fuzzy_cache[word] = hit
        return hit


# a column of countries holds codes that do not shorten the name said ("austria" is no AUS, Australia's code)
_COUNTRY_WORDS = {"country", "nation", "nationality"}

_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEXT_KEYS = {ch: {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
              for row in _KEY_ROWS for i, ch in enumerate(row)}


# Letters written for one another because they sound alike ("cource", "enterprize", "kustomer")
_SOUNDS_ALIKE = {"c": {"s", "k"}, "s": {"c", "z"}, "k": {"c"}, "z": {"s"}}


def slipped(typed: str, word: str) -> bool:
    """`typed` is `word` with one letter replaced by the key beside it on the keyboard ("rempte", "valye"), or by
    a letter of the same sound ("cource")."""
    diff = [(a, b) for a, b in zip(typed, word, strict=False) if a != b]
    return len(typed) == len(word) and len(diff) == 1 and \
        diff[0][0] in _NEXT_KEYS.get(diff[0][1], set()) | _SOUNDS_ALIKE.get(diff[0][1], set())


_BRAND_CASE = re.compile(r"\b[a-z][A-Z][A-Za-z]*\b")


def value_key(text: str) -> str:
    """A data value or a span of the question, normalised alike ("O'Brien" and "o'brien"
    both -> "o brien"), so that punctuation inside a value cannot hide it."""
    if not re.search(r"[A-Za-z]", text):
        return text.lower()
    text = _BRAND_CASE.sub(lambda m: m.group(0).lower(), text)  # "iOS", "eBay" are one word, not "i os"
    return " ".join(singular(t) for t in split_name(text))


def left_out(question: str, used: set[str], profile: dict[str, Any]) -> list[str]:
    """Column names and values of the data written in the question that the words cannot
    show whole (punctuation, non-Latin letters) and that the plan does not use (``used``:
    its columns and filter values, lower case): said in the answer, never dropped silently."""
    text = question.lower()
    out = []
    for column, value in get_index(profile).unusual:
        low = (value if value is not None else column).lower()
        if low in text and low not in used and re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", text):
            out.append(f"I could not use '{value}' (a value of {column}) in this answer" if value is not None
                       else f"I could not use the column '{column}' in this answer")
    return out


def negated_booleans(word: str, profile: dict[str, Any]) -> list[str]:
    """The Yes/No (or 0/1) columns a word names after un- / non- / in- ("unpaid" → Paid), or by its
    opposite ("returning" → is_new_user, "New Pt"): their No."""
    idx = get_index(profile)
    m = _NEGATED_FORM.fullmatch(word)
    if word in idx.vocab_index:
        return []
    # a several-word name is indexed joined ("late" is the No of On Time)
    base = ANTONYMS.get(word, "").replace(" ", "") or (singular(m.group(1)) if m is not None else None)
    return sorted(name for name in idx.vocab_index.get(base, set())
                  if idx.by_name[name]["type"] == "boolean" or is_flag(idx.by_name[name])) if base else []


def is_flag(col: dict[str, Any]) -> bool:
    """A number column holding only 0 and 1 ("bounced", "is_churned"): a Yes/No stored as a number."""
    return is_numeric(col) and col.get("distinct") == 2 and str(col.get("min")) in ("0", "0.0") and \
        str(col.get("max")) in ("1", "1.0")


def get_index(profile: dict[str, Any]) -> ColumnIndex:
    idx = profile.get("_matcher")
    if idx is None:
        idx = ColumnIndex(profile)
        profile["_matcher"] = idx
    return idx


def _short_plural(q: str, c: str) -> bool:
    """"skus" / "kpis" for a short name ending in u or i, which singular() leaves alone."""
    return q == c + "s" and 2 <= len(c) <= 4 and c[-1] in "ui"


def _token_score(q: str, c: str, idx: ColumnIndex) -> float:
    if q == c or _short_plural(q, c):
        return 1.0
    if q.isdigit() and c.isdigit() and int(q) == int(c):
        return 1.0  # "sku 7" -> sku_007
    if c in _expand(q) or q in _expand(c) or ABBREVIATIONS.get(q) == ABBREVIATIONS.get(c, "\0"):
        return 0.95
    if q in SYNONYMS and c in SYNONYMS[q] or q in PARAPHRASES.get(c, ()):
        return 0.8
    if c in SYNONYMS.get(ABBREVIATIONS.get(q, ""), ()):
        return 0.76  # "rev" → revenue ~ Amount
    if c in idx.corrections(q):
        return 0.88
    if (len(q) > 5 or len(q) >= 4 and _DOUBLED.search(c)) and stem_forms(q) & stem_forms(c):
        return 0.85  # "majoring" -> Major, "trains" -> train, "skips" -> skipped, "cancellations" -> Cancelled
    if len(c) >= 4 and vowelless(q) and q in (skeleton(c), skeleton(c) + "s"):
        return 0.9  # "pgs" -> pages
    if idx.short_form_of(q, c) or idx.long_form_of(q, c):
        return 0.95  # as an abbreviation of the lexicon, or the column's name abbreviates the question's word
    return 0.0


_DOUBLED = re.compile(r"([^aeioulsfz])\1(?:ed|ing|er)$")  # "skipped", "shipping": a short verb's doubled consonant


def stem(word: str) -> str:
    # the noun and the participle of one verb share a stem: "escalation(s)" ~ "escalated"
    for suffix in ("ations", "ation", "ated"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + "at"
    for suffix in ("ing", "ed", "er", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            # "skipped" ~ "skips", "shipped" ~ "ships": the consonant doubled before -ed/-ing/-er is one
            # (not l/s/f/z, which the verb itself may double: "cancelled" ~ "cancellation")
            doubled = suffix != "s" and base[-1] == base[-2] and base[-1] not in "aeioulsfz"
            return base[:-1] if doubled else base
    return word


def stem_forms(word: str) -> set[str]:
    """A word's stem and, for a noun of an action, the stem of its participle: "cancellations" ~
    "cancelled" (cancell), "completion" ~ "completed" (complet), "production" ~ "produced" (produc),
    "denials" ~ "denied" (deni), "deliveries" / "delivery" ~ "delivered" (deliver), "resolution" ~ "resolve"
    (resolv). (Irregular verbs: lexicon.PARTICIPLES.)"""
    forms = {stem(word)}
    for suffix in ("ations", "ation", "ions", "ion"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            forms.add(word[: -len(suffix)])
            if word[: -len(suffix)].endswith("ct"):
                forms.add(word[: -len(suffix) - 1])
            break
    for suffix in ("als", "al", "ies"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            forms.add(word[: -len(suffix)])
            break
    if len(word) >= 6 and word.endswith("y") and word[-2] not in "aeiou":
        forms.add(word[:-1])
    if word.endswith(("ission", "issions")) and len(word) >= 8:  # "admission" ~ "admitted", "submission" ~ "submit"
        forms.add(word[: word.rindex("ission")] + "it")
    if word.endswith(("lution", "lutions")) and len(word) >= 8:  # "resolution" ~ "resolve(d)", "solution" ~ "solve"
        forms.add(word[: word.rindex("ution")] + "v")
    elif len(word) >= 6 and word.endswith("lve"):
        forms.add(word[:-1])
    return forms


_WORD_START = re.compile(r"[a-z0-9]")
SpanScores = dict[tuple[int, int], "Mention | None"]


def find_mentions(toks: list[Tok], profile: dict[str, Any], skip: set[int] | None = None,
                  scores: SpanScores | None = None) -> list[Mention]:
    """Best non-overlapping spans naming columns: every span of up to 7 words (not crossing a
    skipped token or punctuation) is scored against the columns its words point at, then the
    best-scoring spans are kept greedily. `scores` keeps each span's best column between calls
    on the same tokens (a span scores the same whatever is skipped around it)."""
    idx = get_index(profile)
    skip = skip or set()
    n = len(toks)
    cands: list[Mention] = []
    question_words = {t.sing for t in toks}
    for i in range(n):
        if i in skip or not _WORD_START.match(toks[i].text):
            continue
        for j in range(i + 1, min(n, i + 7) + 1):
            if any(k in skip for k in range(i, j)) or not _WORD_START.match(toks[j - 1].text):
                break
            span = toks[i:j]
            words = [t.sing for t in span]
            if any(w in (",", ".", "?") for w in words):
                break
            if scores is None or (i, j) not in scores:
                m = _span_mention(span, words, i, idx, question_words)
                if scores is not None:
                    scores[i, j] = m
            else:
                m = scores[i, j]
            if m is not None:
                cands.append(m if scores is None else replace(m))  # each call's mentions its own
    return _rows_by_their_noun(_grouping_by_kept(_choose_mentions(cands), toks, idx), toks, idx)


# The last word of a number column's name that says what is measured of the thing its first word names
# ("Rental Days", "Contract Value", "Call Duration (min)"): the thing's plural counts the things.
_MEASURE_HEADS = {"day", "days", "value", "amount", "amt", "price", "cost", "fee", "total", "duration", "length",
                  "hour", "hours", "hrs", "minute", "minutes", "min", "mins", "size", "weight", "distance", "mile",
                  "miles", "km", "usd"}
_MASS_MONEY = {"sale", "sales", "revenue", "revenues", "cost", "costs", "expense", "expenses", "fee", "fees"}


def _rows_by_their_noun(chosen: list[Mention], toks: list[Tok], idx: ColumnIndex) -> list[Mention]:
    """"rentals per month" beside Rental Days, "contracts signed per month" beside Contract Value: a plural
    noun that is only the first word of a number column whose last word measures it names the rows (counted),
    not the days or the value. Money said as a mass noun ("sales" of Sales Amount) still names the amount."""
    out: list[Mention] = []
    for m in chosen:
        t = toks[m.start]
        plain = idx.plain[m.column]
        if m.end - m.start == 1 and m.tier == "partial" and t.text != t.sing and len(plain) >= 2 and \
                plain[0] == t.sing and plain[-1] in _MEASURE_HEADS and t.sing not in _MASS_MONEY and \
                t.text not in _MASS_MONEY and is_numeric(idx.by_name[m.column]) and \
                not any(k in idx.value_stems for k in stem_forms(t.text)):  # "adoptions": Outcome = Adopted
            continue
        out.append(m)
    return out


def doer_column(plain: list[str]) -> bool:
    """A name of who did a thing, "<participle> by" (booked_by, created_by, approved_by); not a deadline
    ("Due By", "Need By")."""
    return len(plain) == 2 and plain[-1] == "by" and plain[0].endswith("ed") and len(plain[0]) >= 5


# What "by" groups by when it is said right after a column named "<verb> by": a period or a date part.
_BY_PERIODS = {"hour", "day", "date", "week", "weekday", "month", "quarter", "year", "season"}


def _grouping_by_kept(chosen: list[Mention], toks: list[Tok], idx: ColumnIndex) -> list[Mention]:
    """"how many rooms were booked by month", "total hours booked by room": a column named by a verb and
    "by" (booked_by, created_by) is not named by the verb when the "by" after it groups by a period or by
    another column the words name; the "by" is the question's grouping, the verb says what was done. Said
    without "by", the verb names the column only when "who" asks for the doer ("who booked the most rooms",
    not "what time of day are rooms booked most"). "rooms booked by Maya Lin" keeps it: a value follows."""
    asked_who = any(t.text in ("who", "whom", "whose") for t in toks)
    out: list[Mention] = []
    for m in chosen:
        plain = idx.plain[m.column]
        if not doer_column(plain) or m.end - m.start > 2 or m.start > 0 and toks[m.start - 1].text == "by":
            out.append(m)  # not a "<verb> by" name, or said as what is grouped by ("bookings by booked by")
            continue
        at = m.end - 1 if toks[m.end - 1].text == "by" else m.end
        if at < len(toks) and toks[at].text == "by":
            grouped = at + 1 < len(toks) and (toks[at + 1].sing in _BY_PERIODS
                                              or any(o.start == at + 1 for o in chosen if o is not m))
            if not grouped:
                out.append(m)
        elif asked_who:  # "who booked the most rooms": the verb's doer; "what time are rooms booked most": the act
            out.append(m)
    return out


def _span_columns(words: list[str], idx: ColumnIndex) -> set[str]:
    """Columns any word of the span can point at: as written, zero-padded, expanded, corrected,
    by stem; and an all-caps acronym column spelled by the span's initials."""
    cols: set[str] = set()
    for w in words:
        cols |= idx.word_columns(w)
    if len(words) >= 2:  # acronym columns: "hours spent" -> HS
        acr = "".join(w[0] for w in words if w not in _CONNECTORS)
        cols |= idx.acronyms.get(acr, set())
    return cols


def _span_mention(span: list[Tok], words: list[str], i: int, idx: ColumnIndex,
                  question_words: set[str]) -> Mention | None:
    """The best column for one span, with a runner-up when it is within 0.02; None if none scores."""
    # "types of codes of products" also reads as "product type code" (not when a cue word is inside)
    flipped = None
    # (edges must be content words here too: "csat of at" before "least 4" is no name)
    if "of" in words[1:-1] and not set(words) & _CUE_WORDS and words[0] not in _EDGE_BAD and words[-1] not in _EDGE_BAD:
        parts = [w for w in words if w not in _CONNECTORS]
        flipped = parts[::-1]
    scored = []
    for col in _span_columns(words, idx):
        s, tier = _span_score(words, col, idx, question_words)
        if flipped and s < 0.9:
            s2, tier2 = _span_score(flipped, col, idx, question_words)
            if s2 > s:
                s, tier = s2 * 0.97, tier2
        if s > 0:
            scored.append((s, col, tier))
    if not scored:
        return None
    scored.sort(key=lambda x: (-x[0], len(idx.forms[x[1]]), x[1]))
    best = _literal_over_synonym(scored, words, idx)
    runner = scored[1][1] if len(scored) > 1 and scored[1][0] >= best[0] - 0.02 else None
    return Mention(best[1], i, i + len(span), best[0], best[2], " ".join(t.text for t in span), runner)


def _literal_over_synonym(scored: list[tuple[float, str, str]], words: list[str],
                          idx: ColumnIndex) -> tuple[float, str, str]:
    """"revenue by segment" beside a Category and a Customer Segment: a word that ends a column's name (its head)
    names that column before one its synonym reaches ("segment" ~ category), when their scores are close."""
    best = scored[0]
    if best[2] != "synonym" or len(words) != 1:
        return best
    # the name's head word as written (not "units" of Unit Price ~ Qty, nor "doctor" spelled out of an "MD")
    written = (words[0], singular(words[0]))
    literal = [x for x in scored[1:] if x[2] in ("partial", "entity") and idx.forms[x[1]][-1:] == words[:1]
               and x[0] >= best[0] - 0.1 and split_name(x[1])[-1:] and split_name(x[1])[-1].lower() in written]
    return literal[0] if literal else best


def _choose_mentions(cands: list[Mention]) -> list[Mention]:
    """Greedy: best score first (longer spans win near-ties), no overlap, none under 0.5; in text order."""
    cands.sort(key=lambda m: (-(m.score + 0.03 * min(m.end - m.start, 4)), m.start))
    taken: set[int] = set()
    chosen: list[Mention] = []
    for m in cands:
        if any(k in taken for k in range(m.start, m.end)):
            continue
        if m.score < 0.5:
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


# Units a column's name ends on in brackets ("Amt (USD)", "Duration (min)"), or money and weights abbreviated
# ("cost_usd", "weight_kg"); a time unit unbracketed may be what is measured ("STU_HRS": a student's hours).
_NAME_UNITS = {"usd", "eur", "gbp", "kg", "kgs", "lb", "lbs", "km"}


def _unit_tail(col: str, plain: list[str], forms: list[str]) -> str | None:
    """The expanded word of the unit a column's name ends on ("dollar" of Amt (USD)), or None."""
    if len(plain) < 2 or len(forms) < 2:
        return None
    bracketed = re.search(r"[(\[]\s*[a-z$%]+\s*[)\]]\s*$", col.lower()) is not None
    return forms[-1] if plain[-1] in _NAME_UNITS or bracketed and plain[-1] in UNIT_WORDS else None


# Mass nouns of money: reached by a synonym, they name an amount, never the rows of an id or code column.
_MONEY_MASS = {"spend", "spent", "spends", "spending", "expense", "expenses", "expenditure", "expenditures",
               "revenue", "revenues", "income", "turnover"}


def _span_score(words: list[str], col: str, idx: ColumnIndex, question_words: set[str]) -> tuple[float, str]:
    plain, forms = idx.plain[col], idx.forms[col]
    # edges of a span must be content words unless the whole column name is covered
    exact = words in (plain, forms) or "".join(words) == "".join(plain) or \
        len(words) == len(plain) and all(w == c or _short_plural(w, c) for w, c in zip(words, plain, strict=True))
    if exact:
        return 1.0, "exact"
    if words[0] in _EDGE_BAD or words[-1] in _EDGE_BAD:
        return 0.0, ""
    content_words = [w for w in words if w not in STOPWORDS or w in forms or w in plain]
    if not content_words:
        return 0.0, ""
    # acronym: "hours spent" -> HS
    if len(words) >= 2 and col.isupper() and len(col) <= 4 and \
            "".join(w[0] for w in words if w not in _CONNECTORS) == col.lower():
        return 0.75, "acronym"
    col_content = [c for c in forms if c not in _CONNECTORS or c in words] or forms
    unit = _unit_tail(col, plain, forms)  # "amt" names Amt (USD) in full: the unit is no word to say
    said_unit = unit is not None and any(unit in (w, *_expand(w)) for w in words)  # "lbs" says Net Wt (lb)'s unit
    if unit is not None and not said_unit and len(col_content) > 1 and col_content[-1] == unit:
        col_content = col_content[:-1]
    used: set[int] = set()
    total = 0.0
    last_k = -1
    for pos, w in enumerate(words):
        if w in ("by", "per") and w not in forms:
            return 0.0, ""  # "revenue by rep" groups revenue by Sales Rep: no one column's name
        if w in _CONNECTORS and w not in forms and 0 < pos < len(words) - 1:
            continue  # "budget of the department": connectors inside a span need no match
        best, best_k = 0.0, -1
        for k, c in enumerate(col_content):
            if k in used or k < last_k:  # words keep the column name's order ("number of stu" is not STU_NUM)
                continue
            s = _token_score(w, c, idx)
            if s > best:
                best, best_k = s, k
        if best == 0.0:
            return 0.0, ""
        used.add(best_k)
        last_k = best_k
        total += best
    mean = total / max(len(used), 1)
    coverage = len(used) / len(col_content)
    if coverage >= 1.0:
        tier = "exact" if mean >= 0.99 else ("abbreviation" if mean >= 0.95 else
                                              ("fuzzy" if mean >= 0.85 else "synonym"))
        return mean * (1.0 if mean >= 0.95 else 0.95), tier
    # partial: the span names part of the column ("budget" -> Budget_in_Billions)
    matched = [col_content[k] for k in used]
    rest = [c for k, c in enumerate(col_content) if k not in used]
    if rest and all(c in _ENTITY_SUFFIX for c in rest) and not all(m in GENERIC for m in matched):
        if mean < 0.95 and set(words) & _MONEY_MASS:
            return 0.0, ""  # "spend" ~ cost does not name the things of a Cost Code: money is no entity
        # "orders" -> Order ID; by a synonym ("tickets" ~ Call ID) less than a column of the word ("Tickets Opened")
        return 0.88 * mean * (1.0 if mean >= 0.95 else 0.85), "entity"
    if all(m in PEOPLE for m in matched) and idx.by_name[col]["role"] == "measure" and \
            not all(c in _COUNT_WORDS for c in rest):
        return 0.0, ""  # "patients" names who is counted, not "Pt Age" or "New Pt" (but "Num Employees" counts them)
    generic = all(m in GENERIC for m in matched)
    context = sum(1 for k, c in enumerate(col_content) if k not in used and c in question_words)
    if generic and not context and len(idx.vocab_index.get(matched[0], ())) != 1 and \
            not _only_column_of_word(words, col, idx):
        return 0.0, ""  # "number" alone does not name STU_NUM (but "names" names the only *name column)
    score = mean * (0.55 + 0.3 * coverage) * (0.75 if generic else 1.0) + 0.02 * context
    return min(score, 0.9), "partial"


def _only_column_of_word(words: list[str], col: str, idx: ColumnIndex) -> bool:
    """"for each class" over Vehicle Class beside Customer Type: a generic word that ends the one column
    whose name holds it as written (its head noun) names that column, though a synonym ("type") reaches
    another."""
    if len(words) != 1 or words[0] not in _KIND_NOUNS or idx.plain[col][-1:] != words or \
            idx.by_name[col]["type"] != "text":
        return False  # "wait time" is no Appt Time: only a noun of kinds names a column of labels this way
    return sum(1 for plain in idx.plain.values() if words[0] in plain) == 1


_KIND_NOUNS = {"class", "type", "category", "group", "kind", "tier", "status", "level"}


def _value_by_form(key: str, idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """The one value a word names by its form: its stem ("trials" → trialing), a spelling one edit
    away ("canceled" → Cancelled, for words of 6+ letters), or a word of it ("organic")."""
    by_stem = list({h: None for s in stem_forms(key) for h in idx.value_stems.get(s, [])})
    if len(by_stem) == 1:
        return by_stem
    if len(key) >= 6 and not by_stem:
        near = [h for k, hs in idx.value_stems.items() for h in hs
                if k[:1] == key[:1] and OSA.distance(key, value_key(h[1])) <= 1]
        if len(near) == 1:
            return near
    parts = idx.value_parts.get(key, [])
    if len(parts) == 1:
        return parts
    clipped = [h for word, h in idx.value_words if _clipped(key, word)] or \
        [h for word, h in idx.value_words if idx.short_form_of(key, word)]  # "mktg", "ops", "eng" of a department
    return clipped if len(clipped) == 1 else None


_COMPASS_CODES = {"n", "s", "e", "w", "ne", "nw", "se", "sw", "mw"}


def _compass_initials(word: str) -> str | None:
    """"northeast" → "ne", "midwest" → "mw", "west" → "w": the initials of a word made of points of the
    compass, else None."""
    parts = re.fullmatch(r"(?:(north|south|mid|central)-?)?(east|west)?", word)
    if parts is None or not any(parts.groups()):
        return None
    return "".join(COMPASS_PARTS[p] for p in parts.groups() if p)


def _value_by_clipped_words(words: list[str], idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """The one several-word value said with a word clipped ("tech support" → Technical Support, "cust
    svc" → Customer Service, "acct access"): every word as in the value, its start or a short form of it."""
    if any(w in STOPWORDS for w in words):
        return None
    found = [hits for parts, hits in idx.several_word_values().get((len(words), words[0][:2]), [])
             if all(w == v or ABBREVIATIONS.get(w) == v or _clipped(w, v) or idx.short_form_of(w, v)
                    for w, v in zip(words, parts, strict=True)) and parts != words]
    return found[0] if len(found) == 1 else None


# What a word may add to its stem: "market" is not a clipped "Marketing", "ortho" is one of "Orthopedics".
_INFLECTION = re.compile(r"(?:s|es|ed|er|ers|est|ing|ings|ly|al|ment|ments|ation|ations|ion|ions|ive|ity)")


def abbreviates(short: str, word: str) -> bool:
    """`short` is a short form of `word`: its start ("app" → application, "req" → requisition, but not a start
    whose rest is an inflection: "rate" of "rating"), or its start then some consonants of the rest in their
    order ("dept" → department, "mgr" → manager, "qty" → quantity, "bldg" → building)."""
    if not (short.isalpha() and word.isalpha()) or len(short) < 3 or len(word) < len(short) + 2 or \
            short[0] != word[0]:
        return False
    if word.startswith(short):  # not a word joined to another: "page" of "pageviews", "home" of "hometown"
        rest = word[len(short):]
        inflected = _INFLECTION.fullmatch(rest) or rest[:1] == short[-1] and _INFLECTION.fullmatch(rest[1:])
        # a clip leaves three letters or more ("wine" of "winery" is a word of its own)
        return len(short) <= 5 and len(rest) >= 3 and not inflected and singular(rest) not in LEXICON_WORDS
    k = next(i for i, (a, b) in enumerate(zip(short, word, strict=False)) if a != b)
    rest, letters = short[k:], iter(word[k:])
    return not re.search(r"[aeiou]", rest) and all(ch in letters for ch in rest)


def _looks_short(word: str) -> bool:
    """A word of a column's name that reads as a short form of another: no lexicon word nor a known
    abbreviation, and its first letter then only consonants ("pmt", "mthd", "rtg", "ann") or four letters
    or more ("perf"): a three-letter word with a vowel ("age", "pay") is more often a word of its own."""
    return word.isalpha() and len(word) >= 3 and word not in LEXICON_WORDS and word not in ABBREVIATIONS and \
        word not in STOPWORDS and (len(word) >= 4 or not re.search(r"[aeiouy]", word[1:]))


def _last_consonant(word: str) -> str:
    return word.rstrip("aeiouy")[-1:]


def _clipped(word: str, value: str) -> bool:
    """A word typed as the start of a longer one-word value ("ortho", "derm", "cardio"), the rest of
    which is not an inflection of the word."""
    return len(word) >= 4 and len(value) >= len(word) + 2 and value.startswith(word) and \
        not _INFLECTION.fullmatch(value[len(word):])


def _negated_values(toks: list[Tok], idx: ColumnIndex, skip: set[int]) -> list[ValueMention]:
    """"patients who didn't show up", "tasks not started": a negated verb names the value "No Show" /
    "Not Started" of a column (the negation is part of the value, not a "not" before it)."""
    out: list[ValueMention] = []
    for a, b in zip(toks, toks[1:], strict=False):
        hits = idx.negated_values.get(stem(b.text), []) if negates(a.text) else []
        if len(hits) == 1 and a.i not in skip and b.i not in skip:
            col, value, _n = hits[0]
            out.append(ValueMention(col, value, a.i, b.i + 1, 0.85, f"{a.raw} {b.raw}"))
    return out


def _participle_value(key: str, idx: ColumnIndex) -> Any:
    """"write off" → Written Off, "win" → Won; not a verb whose participle names a date column ("days to
    pay" with a Paid On column)."""
    words = [PARTICIPLES.get(w, w) for w in key.split()]
    if len(words) == 1 and words[0] in idx.date_words:
        return None
    hits = idx.values.get(" ".join(words))
    if hits and len(words) == 1:  # one verb names an outcome only among outcomes (Won/Lost, not Broken/New) ...
        least = 1 if key in PAST_TENSES else 2  # ... but its past tense says the event ("withdrew": Withdrawn)
        hits = [h for h in hits if _outcomes(idx.by_name[h[0]]) >= least] or None
    if not hits and len(words) == 1:  # "won deals", "lost deals": the outcome a stage ends on (Closed Won)
        ends = [h for k, hs in idx.values.items() if " " in k and k.rsplit(" ", 1)[1] == words[0] for h in hs]
        hits = ends if len(ends) == 1 and _outcomes(idx.by_name[ends[0][0]], last=True) >= 2 else None
    return hits


def _outcomes(col: dict[str, Any], last: bool = False) -> int:
    """How many of a column's values are irregular participles ("Won", "Lost", "Written Off"), or end on one
    (`last`: "Closed Won", "Closed Lost")."""
    said = set(PARTICIPLES.values())
    return sum(str(v).lower().split()[-1 if last else 0] in said for v, _n in col.get("values") or []
               if str(v).strip())


def find_values(toks: list[Tok], profile: dict[str, Any], skip: set[int],
                numbers: frozenset[int] = frozenset(), dated: bool = False) -> list[ValueMention]:
    """Spans equal to a value of a low-cardinality column ("West", "Pro plan", "female" -> F); a
    number typed alone (`numbers`) is a value only inside a longer one ("Net 60", "Grade 5"); `dated`: a
    period, grain or trend is asked (a stage said then is its event: _stage_said_as_event)."""
    idx = get_index(profile)
    out = _negated_values(toks, idx, skip)
    n = len(toks)
    taken: set[int] = set(skip) | {k for v in out for k in range(v.start, v.end)}
    for length in (4, 3, 2, 1):
        for i in range(0, n - length + 1):
            if any(k in taken for k in range(i, i + length)) or \
                    all(k in numbers for k in range(i, i + length)):
                continue
            span = toks[i:i + length]
            if not all(re.match(r"[a-z0-9$]", t.text) or _numbered(toks, t.i) for t in span) or \
                    _numbered(toks, i + length - 1):
                continue
            key = value_key(re.sub(r"# (?=\d)", "#", " ".join(t.text for t in span)))  # "line # 2" ~ "Line #2"
            hits = (_numbered_value(toks, i, key, idx) if length == 2 and span[0].text == "#" else None) or \
                idx.values.get(key) or idx.values.get(" ".join(t.text for t in span)) or \
                (idx.values_joined.get(key.replace(" ", "")) if length <= 2 and len(key) >= 5 else None) or \
                (idx.values.get(key[:-1]) if length > 1 and key.endswith("s") else None) or \
                (_plural_code(key, span[0].raw, idx) if length == 1 else None) or \
                (_value_by_clipped_words(key.split(), idx) if length >= 2 else None) or \
                _participle_value(key, idx) or \
                (idx.initials_code([t.text for t in span]) if length in (2, 3) else None) or \
                (_value_by_its_part(key.split(), idx) if length in (2, 3) else None)
            if length == 1:
                # a stop word typed in capitals as a value holds it ("US vs UK", "the IT team")
                upper = span[0].raw.isupper() and any(str(h[1]) == span[0].raw for h in hits or [])
                # ... and so does its plural, a noun ("how many returns" ~ Returned; "return" is a verb of requests)
                plural = span[0].text not in STOPWORDS and span[0].text.endswith("s")
                if key in STOPWORDS and not (upper or plural or _kept_alone(toks, i)) or len(key) < 2 or \
                        re.fullmatch(r"[\d.,$%]+", key):
                    hits = None
                nxt = toks[i + 1].text if i + 1 < n else ""
                if span[0].text == "no" and (nxt in (".", "of") or nxt[:1].isalnum() and nxt not in STOPWORDS):
                    hits = None  # "no. of orders" is a number, "no refund" a determiner: not the value No
                elif not hits and span[0].text in VALUE_ALIASES:
                    hits = []
                    for alias in VALUE_ALIASES[span[0].text]:
                        hits += idx.values.get(alias, [])
                formed = len(key) >= 3  # "cpc" of "google / cpc", "ops" of Operations
                owner = span[0].possessive  # "will's deals": a name, though "will" is a stop word
                if not hits and formed and (key not in STOPWORDS or plural or owner) and key not in idx.vocab_index:
                    grouped = i > 0 and toks[i - 1].text in _GROUPING  # "by industry" asks for a column, no IND
                    hits = _value_by_form(key, idx) or _named_by_its_word(toks, i, key, idx) or \
                        _first_name(toks, i, key, idx) or _value_by_its_part([key], idx) or \
                        (None if grouped else idx.code_of(span[0].text))  # as typed: "operations" ~ OPS
            if not hits or length == 1 and _stage_said_as_event(toks, i, hits, idx, dated):
                continue
            hits = sorted(hits, key=lambda h: (len(idx.by_name[h[0]].get("values", [])), -h[2]))
            col, value, _ = hits[0]
            out.append(ValueMention(col, value, i, i + length, 0.9 if length > 1 else 0.85,
                                    " ".join(t.raw for t in span), [h[0] for h in hits[1:]]))
            taken.update(range(i, i + length))
    out += _listed_beside(toks, out, idx, taken)
    return sorted(out, key=lambda v: v.start)


# words that ask for the stage a row is in now, not for the event of reaching it
_STATE_WORDS = {"status", "stage", "state", "currently", "current", "now", "still"}


def _stage_said_as_event(toks: list[Tok], i: int, hits: list[tuple[str, str, int]], idx: ColumnIndex,
                         dated: bool) -> bool:
    """"deals signed in 2024", "installs per month by crew", "days from signing to permit": a one-word stage of
    a status column (Signed, Installed) whose event a date column records (Signed, Install Date) is that event —
    the rows whose date is filled in, in the period asked — when rows have moved on to later stages (the date
    is filled on more rows than hold the stage: an installed deal was signed). Not when the words ask for the
    stage now ("currently signed", "status signed", "are signed"), nor for a participle before its noun with
    no period or grain ("average csat for closed tickets": the tickets Closed now)."""
    values = {value_key(str(h[1])) for h in hits}
    date = idx.stage_event(toks[i].text)
    if len(values) != 1 or " " in next(iter(values)) or date is None:
        return False
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    before_noun = toks[i].text.endswith("ed") and nxt.isalpha() and nxt not in STOPWORDS
    return not stage_asked_now(toks, i) and not (before_noun and not dated)


def stage_asked_now(toks: list[Tok], i: int) -> bool:
    """The words ask for the stage a row is in now ("currently signed", "status signed", "are signed")."""
    return i > 0 and toks[i - 1].text in ("is", "are") or any(t.text in _STATE_WORDS for t in toks)


def _numbered(toks: list[Tok], k: int) -> bool:
    """A "#" typed before a number ("grade #1", "line #2"): part of a value the data writes so."""
    return toks[k].text == "#" and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit()


def _numbered_value(toks: list[Tok], i: int, key: str, idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """"phase #2" with "phase" read as the column: the value of the word before and the number typed with "#"
    ("Phase #2", over a Grade "#2"), else the one value ending on it ("Line #2")."""
    before = idx.values.get(value_key(f"{toks[i - 1].text} {key}")) if i > 0 else None
    if before:
        return before
    hits = [h for k, hs in idx.values.items() if k.endswith(" " + key) for h in hs]
    return hits if len(hits) == 1 and key not in idx.values else None


def _value_by_its_part(words: list[str], idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """"maple ridge" ~ Maple Ridge Apartments, "riverside" ~ Riverside Elementary School: the one several-word
    value of a category column holding these words in a row, when one of them is distinctive — no word of the
    lexicon, of business or of people ("total", "new", "staff"), no month, four letters or more — and no other
    value holds them; one word alone not when it ends the name ("freight" of Blue Ridge Freight)."""
    if not any(len(w) >= 4 and w.isalpha() and w not in LEXICON_WORDS and w not in GENERIC and w not in PEOPLE
               and w not in STOPWORDS and w not in MONTH_NAMES for w in words):
        return None
    n = len(words)
    holding = idx.named_values.get(words[0], [])  # only values holding the first word can hold all of them
    hits = [h for parts, h in holding if len(parts) > n
            and any(parts[k:k + n] == words for k in range(len(parts) - n + 1))]
    if n == 1 and any(parts[-1] == words[0] for parts, h in holding if h in hits):
        return None  # a name's last word is its kind ("Blue Ridge Freight", "Check deposit"): said alone, the kind
    return hits if len(hits) == 1 else None


_PLACE_WORDS = {"at", "for", "on", "in", "from", "during", "to", "of", "about"}
# a person's full name as an export writes it: a capitalised first name, maybe an initial, a capitalised last name
_FULL_NAME = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?: [A-Z]\.?)? (?:(?:de|van|von|da|di|le|la|mc) )?"
                        r"[A-Z][a-z]*(?:[-'][A-Za-z]+)*")


def _first_name(toks: list[Tok], i: int, key: str, idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """"for Carol", "marco's orders", "how much did sarah sell" → Carol Nguyen, Marco Rossi, Sarah Kim: the one
    person of a column of full names with that first name, typed capitalised (not opening the message) or
    with 's; in lower case only when it is no word of the lexicon nor an English word ("to be frank", "will
    it rain", "mark as done")."""
    hits = idx.first_names.get(key)
    if not hits or len(hits) != 1 or key in MONTH_NAMES:  # "sales in May" is a month, not May Chen
        return None
    capital = i > 0 and toks[i].raw[:1].isupper() and not toks[i].raw.isupper()
    after = i > 0 and toks[i - 1].text in _PERSON_BEFORE  # "what about bob"
    word = key in LEXICON_WORDS or key in WORD_NAMES and not after
    return hits if capital or toks[i].possessive or not word else None


# after these a lower-case word of WORD_NAMES may be a person ("what about bob")
_PERSON_BEFORE = {"for", "about", "from", "to", "with"}
_GROUPING = {"by", "per", "each", "every", "across"}


def _named_by_its_word(toks: list[Tok], i: int, key: str, idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """"at the gala" → Annual Gala: one thing named by a word of its several-word value after "at the", "for
    the"… (singular, no word of the lexicon), when no other value holds that word ("colleges" alone is no
    "Valley College")."""
    if i == 0 or toks[i - 1].text != "the" or toks[i].text != toks[i].sing or len(key) < 4 or key in LEXICON_WORDS \
            or key in GENERIC or key in PEOPLE or i < 2 or toks[i - 2].text not in _PLACE_WORDS:
        return None  # "did the team spend": a subject, not a place or an event named by its word
    hits = [h for k, hs in idx.values.items() if " " in k and key in k.split() for h in hs]
    return hits if len(hits) == 1 else None


def _plural_code(key: str, raw: str, idx: ColumnIndex) -> list[tuple[str, str, int]] | None:
    """"EVs", "PCs": the plural of a short code the data holds in capitals (EV, PC), typed with its code in
    capitals ("gas" or "mos" are words, not GA or MO)."""
    if not (3 <= len(key) <= 5 and key.endswith("s") and key.isalpha() and raw[:-1].isupper()):
        return None
    return [h for h in idx.values.get(key[:-1], []) if str(h[1]).isupper()] or None


_LISTING = {"and", "or", ",", "vs", "versus"}


def _kept_alone(toks: list[Tok], i: int) -> bool:
    """"only us", "just the us and canada": a stop word after a word that keeps or drops rows, ending
    the clause, is a value (the pronoun never ends "only …")."""
    before = [t.text for t in toks[max(0, i - 2):i]]
    after = toks[i + 1].text if i + 1 < len(toks) else None
    kept = bool(before) and (before[-1] in KEEPING_WORDS or before[-2:] in (["only", "the"], ["just", "the"]))
    return kept and (after is None or after in _LISTING or after in ("?", ".", "!"))


def _listed_beside(toks: list[Tok], found: list[ValueMention], idx: ColumnIndex,
                   taken: set[int]) -> list[ValueMention]:
    """A stop word listed with a value of the same column is a value too ("email and display":
    Display, though "display" alone asks for a chart)."""
    out: list[ValueMention] = []
    for v in found:
        for k, j in ((v.end, v.end + 1), (v.start - 1, v.start - 2)):
            if not (0 <= j < len(toks) and 0 <= k < len(toks)) or toks[k].text not in _LISTING or j in taken:
                continue
            hits = [h for h in idx.values.get(value_key(toks[j].text), []) if h[0] == v.column]
            if hits and toks[j].text in STOPWORDS:
                out.append(ValueMention(v.column, hits[0][1], j, j + 1, 0.8, toks[j].raw, []))
                taken.add(j)
    return out
