"""The analysis in worker processes gives exactly the rows of the analysis in this process."""

import signal
import subprocess
import sys

import psutil

from pipeline import workers
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


def test_workers_are_replaced_after_their_share_and_give_the_same_rows(monkeypatch) -> None:
    monkeypatch.setattr(workers, "CHUNKS_PER_WORKER", 1)
    bodies = _bodies() * 4
    first = _outcome(Analyser(workers=2).analyse(bodies))
    assert not workers._POOLS  # served its share: stopped, new workers next time
    assert _outcome(Analyser(workers=2).analyse(bodies)) == first


def test_workers_end_when_their_parent_is_killed() -> None:
    script = (
        "import sys, time\n"
        "from pipeline.workers import Analyser, Body\n"
        "Analyser(workers=2).analyse([Body('Mr Smith said 3 things.', None)] * 40)\n"
        "print('ready', flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout.readline().strip() == "ready"
    children = psutil.Process(parent.pid).children()
    assert len([c for c in children if "spawn_main" in " ".join(c.cmdline())]) == 2
    parent.send_signal(signal.SIGKILL)  # no shutdown, no atexit
    parent.wait()
    _gone, alive = psutil.wait_procs(children, timeout=60)
    assert not alive, f"orphaned workers still running: {[p.pid for p in alive]}"


def test_workers_do_not_rerun_their_parents_main_module(tmp_path) -> None:
    """A worker runs only `pipeline.workers`: the parent's script is not imported again, so
    its imports (Dagster, here) cost the workers nothing, and a script without an
    `if __name__ == "__main__"` guard does not start workers from its workers."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import dagster  # noqa: F401, a heavy import the workers must not repeat\n"
        "from pipeline import workers\n"
        "analyser = workers.Analyser(workers=2)\n"
        "found = analyser.analyse([workers.Body('Mr Smith said 3 things.', None)] * 40)\n"
        "pool = workers._pool(analyser.model, analyser.workers, analyser.batch_size)\n"
        "probe = \"'dagster' in __import__('sys').modules\"\n"
        "print(len(found), 'dagster in a worker:', pool.submit(eval, probe).result())\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split("\n")[0] == "40 dagster in a worker: False"
