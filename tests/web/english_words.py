"""English words that must not reach a Danish reader (docs/web.md, docs/preview.md).

A small deny-list of common English words, matched as whole words in text a person reads, after
web addresses are taken out (an address is a name, not text).  Used by test_no_english.sh on the
preview text, the served page's HTML and JavaScript strings, and by browser_test.py on the page as
rendered with an API answer."""
import re
import sys

DENY = {
    "the", "and", "is", "are", "of", "not", "with", "its", "it", "this", "that", "which", "from",
    "must", "should", "required", "invalid", "above", "below", "between", "before", "after",
    "page", "derived", "secondary", "published", "chain", "child", "children", "rate", "rates",
    "amount", "amounts", "per", "week", "month", "months", "day", "days", "wage", "income",
    "holiday", "paid", "payment", "reason", "error", "unknown", "number", "value", "table",
    "computed", "rejected", "row", "rows", "line", "column", "see", "use", "give", "only",
}

URL = re.compile(r"https?://\S+")
# a command, an option or a file of the docs is a name too
COMMAND = re.compile(r"\brfy [a-z]+(?: [a-z]+)?|--[a-z-]+|[\w./-]+\.md\b")
WORD = re.compile(r"[A-Za-z]+")


def english_words(text):
    """The deny-listed words in text, in order (web addresses left out)."""
    text = COMMAND.sub(" ", URL.sub(" ", text))
    return [w for w in WORD.findall(text) if w.lower() in DENY]


def js_strings(source):
    """The string literals of a JavaScript source that read as sentences (hold a space and a
    letter), comments left out: the text the page can show."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    source = re.sub(r"(?m)^\s*//.*$", "", source)
    # names, not text: the strict-mode directive and class attributes
    source = source.replace("'use strict'", "")
    source = re.sub(r"class: *'[^']*'", "", source)
    out = []
    for m in re.finditer(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`((?:[^`\\]|\\.)*)`", source):
        s = next(g for g in m.groups() if g is not None)
        s = re.sub(r"\$\{[^}]*\}", " ", s)  # a template's code is not text
        if " " in s.strip() and re.search(r"[A-Za-zæøåÆØÅ]{2}", s):
            out.append(s)
    return out


def html_text(source):
    """The text of an HTML page: tags, scripts and styles left out."""
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S | re.I)
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    return re.sub(r"<[^>]*>", " ", source)


if __name__ == "__main__":
    # english_words.py KIND FILE...: KIND is text, js or html; prints "FILE: word word" per file
    kind, bad = sys.argv[1], 0
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        if kind == "js":
            text = "\n".join(js_strings(text))
        elif kind == "html":
            text = html_text(text)
        words = english_words(text)
        if words:
            bad = 1
            print(f"{path}: {' '.join(sorted(set(words)))}")
    sys.exit(bad)
