"""BM25 scores of a fixed list of query terms (words *and* phrases) over many documents.

Private helper of :mod:`reporter_finder.rank.relevance`. The scores are ``bm25s``'s Lucene
BM25 with the same text analysis ``bm25s.tokenize`` applies (lower case, tokens of two or more
word characters, ``bm25s`` English stopwords, the PyStemmer/Snowball English stemmer), but the
corpus is never fully tokenised in Python:

* Tokenising every word of 15,000 abstracts in Python costs 1–2 s on the 2-core reference
  machine — the whole ranking budget. Only the query terms matter, so token boundaries,
  document lengths and stopwords are found with numpy over the UTF-8 bytes of the corpus, and
  only tokens whose first three bytes could start a query stem are materialised and stemmed.
  :func:`tokenise` does this once per corpus; a second scoring of the same corpus (the
  feedback round of a phrase) passes the result back in.
* The BM25 formula is then applied to the query terms' occurrences with numpy. Document
  lengths, document frequencies and therefore idf and length normalisation are exactly those of
  a full ``bm25s`` index (a test checks the numbers against ``bm25s`` itself).
* A multi-word term ("heart failure") becomes one pseudo-token that occurs wherever its stems
  appear consecutively once stopwords are dropped ("quality of life" matches "quality-of-life"
  and "qualities of life"). It therefore gets its own idf and term frequency, which a
  bag-of-words query ("heart" + "failure" anywhere) would not give it.

Known approximations: a token is a maximal run of ASCII letters, digits, ``_`` and non-ASCII
letters (Unicode punctuation from the common blocks splits tokens, exotic symbols do not);
stems whose first three letters differ from their word's (Snowball's handful of irregular
forms such as "dying" → "die") are not found.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import Stemmer
from tqdm import TqdmWarning

# bm25s imports tqdm.auto, which in a Jupyter kernel without ipywidgets warns "IProgress not
# found" (once, on that first import) and falls back to the text progress bar. The ranking
# never shows a progress bar (show_progress=False), so the warning only confuses notebook
# users; ignore exactly that message, here, and nothing else.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="IProgress not found", category=TqdmWarning)
    from bm25s.stopwords import STOPWORDS_EN

__all__ = ["STOPWORDS", "Corpus", "TermMatrix", "analyse", "score_terms", "tokenise"]

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_STOPWORDS = frozenset(STOPWORDS_EN)
#: The English stopwords the analysis drops (``bm25s``'s list).
STOPWORDS = _STOPWORDS
_STOP_MAXLEN = max(len(w) for w in _STOPWORDS)

# Byte classes: ASCII letters, digits and "_" are word bytes, as for ``\w``; bytes >= 0x80 are
# parts of non-ASCII characters and count as word bytes unless the character is punctuation
# (fixed up below). NUL separates documents.
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer objects are not thread-safe; one per call is cheap (microseconds).
    return Stemmer.Stemmer("english")


def analyse(text: str, stemmer: Stemmer.Stemmer | None = None) -> tuple[str, ...]:
    """The stems of ``text`` as ``bm25s.tokenize`` would produce them (stopwords dropped)."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS]
    if not words:
        return ()
    return tuple((stemmer or _stemmer()).stemWords(words))


@dataclass(frozen=True)
class TermMatrix:
    """BM25 scores of each term in each document.

    Attributes:
        terms: the terms, in the order given.
        stems: the analysed form of each term (empty when it is only stopwords).
        scores: float32 array of shape ``(len(terms), n_docs)``; 0 where the term is absent.
    """

    terms: tuple[str, ...]
    stems: tuple[tuple[str, ...], ...]
    scores: np.ndarray


def _word_mask(buf: np.ndarray) -> np.ndarray:
    word = _WORD_BYTE[buf]
    n = len(buf)
    if n >= 3:
        # U+2000–U+207F (dashes, quotes, bullets, ellipsis…): E2 80 xx / E2 81 xx.
        lead = np.flatnonzero((buf[:-2] == 0xE2) & ((buf[1:-1] == 0x80) | (buf[1:-1] == 0x81)))
        for off in (0, 1, 2):
            word[lead + off] = False
    if n >= 2:
        # U+00A0–U+00BF (no-break space, «», ·, °, ±…): C2 A0..BF.
        lead = np.flatnonzero((buf[:-1] == 0xC2) & (buf[1:] >= 0xA0))
        word[lead] = False
        word[lead + 1] = False
    return word


def _small_keys(buf: np.ndarray, starts: np.ndarray, lengths: np.ndarray, width: int) -> np.ndarray:
    """Little-endian integer key of the first ``width`` bytes of each token (zero padded)."""
    key = np.zeros(len(starts), dtype=np.int64)
    last = len(buf) - 1
    for off in range(width):
        byte = buf[np.minimum(starts + off, last)].astype(np.int64)
        byte[lengths <= off] = 0
        key |= byte << (8 * off)
    return key


def _key_of(word: bytes, width: int) -> int:
    return int.from_bytes(word[:width].ljust(width, b"\0"), "little")


def _phrase_starts(
    hit_qid: np.ndarray, hit_pos: np.ndarray, hit_doc: np.ndarray, ids: Sequence[int]
) -> np.ndarray:
    """Indices into the hit stream where the stems ``ids`` occur consecutively."""
    k = len(ids)
    m = len(hit_qid) - k + 1
    if m <= 0:
        return np.empty(0, dtype=np.int64)
    match = hit_qid[:m] == ids[0]
    for j in range(1, k):
        match &= hit_qid[j : m + j] == ids[j]
    if k > 1:
        match &= hit_pos[k - 1 :] - hit_pos[:m] == k - 1
        match &= hit_doc[k - 1 :] == hit_doc[:m]
    return np.flatnonzero(match)


@dataclass(frozen=True)
class Corpus:
    """The corpus' tokens of two or more word bytes, stopwords removed, as byte spans."""

    raw: bytes  # the lower-cased corpus, documents separated by NUL
    buf: np.ndarray  # ``raw`` as uint8
    starts: np.ndarray  # byte offset of each token
    lengths: np.ndarray  # byte length of each token
    doc_of: np.ndarray  # document index of each token
    doc_len: np.ndarray  # tokens per document (the BM25 document length)


def tokenise(docs: Sequence[str]) -> Corpus:
    """The documents' tokens, for :func:`score_terms` to score any terms against, once."""
    text = "\0".join(d.replace("\0", " ") for d in docs).lower()
    raw = text.encode("utf-8")
    buf = np.frombuffer(raw, dtype=np.uint8)
    word = _word_mask(buf)
    edges = np.diff(word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    lengths = np.flatnonzero(edges == -1) - starts
    keep = lengths >= 2
    starts, lengths = starts[keep], lengths[keep]
    doc_of = np.searchsorted(np.flatnonzero(buf == 0), starts)

    short = np.flatnonzero(lengths <= _STOP_MAXLEN)
    stop_keys = np.array([_key_of(w.encode(), _STOP_MAXLEN) for w in _STOPWORDS], dtype=np.int64)
    is_stop = np.zeros(len(starts), dtype=bool)
    is_stop[short] = np.isin(
        _small_keys(buf, starts[short], lengths[short], _STOP_MAXLEN), stop_keys
    )
    kept = np.flatnonzero(~is_stop)
    starts, lengths, doc_of = starts[kept], lengths[kept], doc_of[kept]
    doc_len = np.bincount(doc_of, minlength=len(docs))
    return Corpus(raw, buf, starts, lengths, doc_of, doc_len)


def _stem_hits(
    tok: Corpus, stem_ids: dict[str, int], words_of_query: Sequence[str], stemmer: Stemmer.Stemmer
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position, query stem id, document) of every token whose stem is a query stem."""
    # Candidate tokens: those whose first three bytes start some query stem, or the word the
    # stem came from (Snowball rewrites endings, e.g. "therapy" -> "therapi", never the start).
    prefixes = {s.encode()[:3] for s in stem_ids} | {
        w.encode()[:3] for t in words_of_query for w in _TOKEN.findall(t.lower())
    }
    table = np.zeros(1 << 24, dtype=bool)
    for p in prefixes:
        table[_key_of(p, 3)] = True
    buf, starts, lengths = tok.buf, tok.starts, tok.lengths
    key3 = _small_keys(buf, starts, lengths, 3)
    cand = np.flatnonzero(table[key3])
    # Stem each *distinct* candidate word once: candidates are grouped by a 64-bit polynomial
    # hash of their bytes (wrapping uint64 arithmetic), so Python touches only distinct words.
    c_start, c_len = starts[cand], lengths[cand]
    digest = np.zeros(len(cand), dtype=np.uint64)
    last = len(buf) - 1
    prime = np.uint64(1_099_511_628_211)
    for off in range(int(c_len.max()) if len(cand) else 0):
        byte = buf[np.minimum(c_start + off, last)].astype(np.uint64)
        within = c_len > off
        digest = np.where(within, digest * prime + byte + np.uint64(1), digest)
    _distinct, first, inverse = np.unique(digest, return_index=True, return_inverse=True)
    raw = tok.raw
    words = [
        raw[s : s + n] for s, n in zip(c_start[first].tolist(), c_len[first].tolist(), strict=True)
    ]
    stems = stemmer.stemWords([w.decode("utf-8", errors="ignore") for w in words])
    distinct_qid = np.array([stem_ids.get(s, -1) for s in stems], dtype=np.int64)
    cand_qid = distinct_qid[inverse.reshape(-1)] if len(cand) else np.empty(0, dtype=np.int64)
    is_hit = cand_qid >= 0
    hit_pos, hit_qid = cand[is_hit], cand_qid[is_hit]  # positions in the stopword-free stream
    return hit_pos, hit_qid, tok.doc_of[hit_pos]


def _drop_excluded(
    hits: tuple[np.ndarray, np.ndarray, np.ndarray],
    exclude_stems: Sequence[tuple[str, ...]],
    stem_ids: dict[str, int],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``hits`` without the words inside an occurrence of a false-friend phrase."""
    hit_pos, hit_qid, hit_doc = hits
    if not exclude_stems:
        return hits
    dropped = np.zeros(len(hit_qid), dtype=bool)
    for stems_x in exclude_stems:
        at = _phrase_starts(hit_qid, hit_pos, hit_doc, [stem_ids[x] for x in stems_x])
        for j in range(len(stems_x)):
            dropped[at + j] = True
    return hit_pos[~dropped], hit_qid[~dropped], hit_doc[~dropped]


def _bm25_scores(
    occurrences: dict[tuple[str, ...], np.ndarray],
    doc_len: np.ndarray,
    k1: float,
    b: float,
) -> dict[tuple[str, ...], np.ndarray]:
    """BM25 scores over all documents of each analysed term, from its occurrences.

    ``bm25s``'s Lucene variant, computed directly: idf ``ln(1 + (N − df + 0.5)/(df + 0.5))``
    times ``tf / (k1·(1 − b + b·len/avg len) + tf)``. Indexing a query-restricted corpus in
    ``bm25s`` gave the same numbers (``tests/rank/test_termindex.py`` checks it against
    ``bm25s`` itself) at several times the cost, since it builds a Python list per document.
    """
    n_docs = len(doc_len)
    avg = float(doc_len.mean()) if n_docs else 0.0
    norm = k1 * ((1.0 - b) + b * doc_len / avg) if avg > 0 else np.full(n_docs, k1)
    out: dict[tuple[str, ...], np.ndarray] = {}
    for unit, docs_of in occurrences.items():
        tf = np.bincount(docs_of, minlength=n_docs).astype(np.float64)
        df = int(np.count_nonzero(tf))
        idf = math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
        out[unit] = (idf * tf / (norm + tf)).astype(np.float32)
    return out


def score_terms(
    docs: Sequence[str],
    terms: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    k1: float = 1.5,
    b: float = 0.75,
    corpus: Corpus | None = None,
) -> TermMatrix:
    """Score every term against every document with ``bm25s`` (Lucene BM25 variant).

    Args:
        docs: document texts.
        terms: query terms; each is analysed like a document, and a term of several stems is
            matched as a phrase (consecutive stems after stopword removal).
        exclude: "false friend" phrases; words inside an occurrence of one do not count for
            any term ("tumor necrosis factor" does not match "tumor").
        k1, b: the BM25 parameters.
        corpus: ``tokenise(docs)`` when the caller has it already (it must be of ``docs``).

    Returns:
        A :class:`TermMatrix`; an all-zero one when nothing matches.
    """
    stemmer = _stemmer()
    term_stems = tuple(analyse(t, stemmer) for t in terms)
    n_docs = len(docs)
    scores = np.zeros((len(terms), n_docs), dtype=np.float32)
    result = TermMatrix(tuple(terms), term_stems, scores)
    stem_ids: dict[str, int] = {}
    for stems in term_stems:
        for s in stems:
            stem_ids.setdefault(s, len(stem_ids))
    if n_docs == 0 or not stem_ids:
        return result
    # A false friend of several words that keeps one stem once its stopwords are dropped ("at
    # the heart of" → "heart") cannot be told from that word anywhere: it would silence every
    # "heart". Such phrases are left out; one-word false friends ("cardia") still count.
    exclude_stems = [
        e for x in exclude if (e := analyse(x, stemmer)) and (len(e) > 1 or len(x.split()) == 1)
    ]
    for stems in exclude_stems:
        for s in stems:
            stem_ids.setdefault(s, len(stem_ids))

    tok = corpus if corpus is not None else tokenise(docs)
    hits = _stem_hits(tok, stem_ids, (*terms, *exclude), stemmer)
    hit_pos, hit_qid, hit_doc = _drop_excluded(hits, exclude_stems, stem_ids)
    # Occurrences (document index per occurrence) of each distinct analysed term.
    occurrences: dict[tuple[str, ...], np.ndarray] = {}
    for stems_t in dict.fromkeys(term_stems):
        if stems_t:
            at = _phrase_starts(hit_qid, hit_pos, hit_doc, [stem_ids[x] for x in stems_t])
            occurrences[stems_t] = hit_doc[at]
    if not any(len(o) for o in occurrences.values()):
        return result
    by_term = _bm25_scores(occurrences, tok.doc_len, k1, b)
    for row, stems_t in enumerate(term_stems):
        if stems_t:
            scores[row] = by_term[stems_t]
    return result
