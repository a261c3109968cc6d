"""Name normalisation shared by resolution, eval and lookup.

A person's name is compared as a set of candidate keys, each (family, given) with the given-name
syllables run together, so spacing, hyphens, case, accents and word order don't matter:
"Dukgeun Ahn" = "Ahn Duk-geun" = "AHN DUK-GEUN"; "Lee Jae Myung" = "Lee Jae-myung".
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TOKEN_SPLIT = re.compile(r"[\s,]+")
# Honorifics and name suffixes that are not part of the identity of a person.
_DROP_TOKENS = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "prof", "sir", "dame",
                          "lord", "lady", "mp", "kc", "qc", "shri", "smt"})
# Name particles, when written in lower case: part of the surname that follows them (the
# extraction's name shapes use the same list).
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das",
                        "du", "la", "le", "bin", "binti", "ibn", "ter", "ten", "zu"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """Accents removed, lower case, runs of non-alphanumerics -> '-' (docs/graph-shape.md)."""
    return _NON_ALNUM.sub("-", strip_accents(text).lower()).strip("-")


def short_hash(key: str, length: int = 12) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]


def name_tokens(name: str) -> list[str]:
    """Lower-cased, accent-free tokens; hyphenated parts are joined ("Duk-geun" -> "dukgeun").

    Initials ("W.") and honorifics are dropped: they vary between articles for the same person.
    Lowercase particles belong to the surname after them: "Ursula von der Leyen" has the tokens
    "ursula" and "vonderleyen", so "von der Leyen" alone is a surname, not a full name.
    """
    tokens: list[str] = []
    pending = ""
    for raw in _TOKEN_SPLIT.split(strip_accents(name)):
        token = _NON_ALNUM.sub("", raw.lower())
        if not token or token in _DROP_TOKENS:
            continue
        if raw in NAME_PARTICLES:  # written in lower case: "von", "der", "bin"
            pending += token
            continue
        if len(token) == 1 and len(raw.strip(".")) <= 1:
            continue  # an initial
        tokens.append(pending + token)
        pending = ""
    if pending:
        tokens.append(pending)
    return tokens


def normalise_person_name(name: str) -> str:
    """Tokens joined by one space, in written order: "AHN DUK-GEUN" -> "ahn dukgeun"."""
    return " ".join(name_tokens(name))


@functools.lru_cache(maxsize=65536)
def candidate_keys(name: str) -> frozenset[tuple[str, ...]]:
    """Every order-free key the name can have: the family name is its first or its last token.

    Two names are the same when their candidate key sets intersect. A one-word name has a
    one-token key and only ever equals another one-word name.
    """
    tokens = name_tokens(name)
    if not tokens:
        return frozenset()
    if len(tokens) == 1:
        return frozenset({(tokens[0],)})
    family_first = tuple(sorted((tokens[0], "".join(tokens[1:]))))
    family_last = tuple(sorted(("".join(tokens[:-1]), tokens[-1])))
    return frozenset({family_first, family_last})


def name_key(name: str) -> tuple[str, ...]:
    """One sorted (family, given) key for a name: equal keys mean the same written name.

    The family name is taken as the first token ("Lee Jae Myung" -> ("jaemyung", "lee")), which
    also matches the given-name-first two-word form ("Jae-myung Lee"). For three-token names
    written given-name-first with a spaced given name use `same_person_name`, which tries both.
    """
    tokens = name_tokens(name)
    if len(tokens) <= 1:
        return tuple(tokens)
    return tuple(sorted((tokens[0], "".join(tokens[1:]))))


def same_person_name(a: str, b: str) -> bool:
    """True when two written names are the same name up to case, accents, hyphens, spacing, order."""
    return bool(candidate_keys(a) & candidate_keys(b))


def is_full_name(name: str) -> bool:
    """Two or more name tokens (a surname alone or a titled surname is not a full name)."""
    return len(name_tokens(name)) >= 2


def jaro_winkler(a: str, b: str, prefix_scale: float = 0.1) -> float:
    """Jaro-Winkler similarity in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    a_matched = [False] * len(a)
    b_matched = [False] * len(b)
    matches = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not b_matched[j] and b[j] == ch:
                a_matched[i] = b_matched[j] = True
                matches += 1
                break
    if matches == 0:
        return 0.0
    a_seq = [ch for ch, m in zip(a, a_matched, strict=True) if m]
    b_seq = [ch for ch, m in zip(b, b_matched, strict=True) if m]
    transpositions = sum(x != y for x, y in zip(a_seq, b_seq, strict=True)) / 2
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)


def normalise_org_name(name: str) -> str:
    """Case, accents, punctuation and a leading "the" removed: "The U.S. Trade Rep." -> "us trade rep"."""
    text = strip_accents(name).lower().replace(".", "").replace("'", "").replace("\u2019", "")
    words = [w for w in _NON_ALNUM.split(text) if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def levenshtein_similarity(a: str, b: str) -> float:
    """1 - edit distance / length of the longer string, in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


@functools.lru_cache(maxsize=262144)
def misspelling_score(a: str, b: str) -> float:
    """How likely two different full names are one name misspelt, in [0, 1]; 0 when they can't be.

    The names must share one key token exactly (the same family or given name) and the other
    token, with doubled letters collapsed, must start alike and be within a small edit distance
    (Levenshtein similarity >= MISSPELLING_TOKEN_MIN = 0.8). "Scott Besant" ~ "Scott Bessent"
    (0.83), "Han Duk-soo" ~ "Han Duck-soo" (0.83); but "Chang Sung-gil" vs "Chang Sang-sik" (0.57),
    "Chang Sang-sik" vs "Chang Sang-soo" (0.71) and "Lee Jae-myung" vs "Lee Jae-yong" (0.75) are not.
    """
    best = 0.0
    for key_a in candidate_keys(a):
        for key_b in candidate_keys(b):
            if len(key_a) != 2 or len(key_b) != 2:
                continue
            shared = set(key_a) & set(key_b)
            if len(shared) != 1:
                continue
            (token,) = shared
            rest_a = key_a[1] if key_a[0] == token else key_a[0]
            rest_b = key_b[1] if key_b[0] == token else key_b[0]
            similarity = levenshtein_similarity(_collapse_doubles(rest_a), _collapse_doubles(rest_b))
            if similarity >= MISSPELLING_TOKEN_MIN and rest_a[0] == rest_b[0]:
                best = max(best, similarity)
    return best


MISSPELLING_TOKEN_MIN = 0.8
_DOUBLED = re.compile(r"(.)\1+")


def _collapse_doubles(token: str) -> str:
    return _DOUBLED.sub(r"\1", token)
