"""The analysis in worker processes gives exactly the rows of the analysis in this process."""

from pipeline.clean import clean_article
from pipeline.formats import read_articles
from pipeline.workers import CHUNK, Analyser, Body

from .conftest import SAMPLE_CORPUS


def _bodies() -> list[Body]:
    bodies = []
    for path in sorted(SAMPLE_CORPUS.glob("*.txt")):
        for article in read_articles(path.read_bytes(), path.name).articles:
            cleaned = clean_article(article)
            bodies.append(Body(cleaned.body, cleaned.published))
    return bodies


def _outcome(found) -> list[tuple]:
    return [(a.n_words, a.rows, a.failure and (a.failure.stage, a.failure.message)) for a in found]


def test_workers_give_the_rows_of_one_process_and_keep_failures_apart() -> None:
    seeds = _bodies()
    too_long = Body("word " * 250_000, None)  # over the model's 1,000,000-character limit
    bodies = [*seeds, too_long, *seeds, *seeds, *seeds]
    assert len(bodies) > CHUNK  # so the work is split between the workers
    parallel = Analyser(workers=2)
    assert parallel.in_workers(len(bodies))
    here = _outcome(Analyser(workers=1).analyse(bodies))
    there = _outcome(parallel.analyse(bodies))
    assert there == here
    assert there[len(seeds)][2][0] == "nlp"  # the long article is set aside, the rest go on
    assert all(o[2] is None and o[1]["figures"] for o in there[: len(seeds)])
    assert parallel.analyse(bodies[:3]) and _outcome(parallel.analyse(bodies)) == here  # pool kept
