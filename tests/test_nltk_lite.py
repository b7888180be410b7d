"""Tests that Punkt and Snowball load without nltk's `__init__` and leave `import nltk` intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("nltk")

TEXT = "Dr. Smith met the U.S. envoy on Monday. They talked for 3 hours. Nothing was agreed."


def _run(code: str) -> str:
    """Run code in a fresh interpreter (a clean sys.modules) and return its stdout."""
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_newsdiff_leaves_no_nltk_modules_behind() -> None:
    out = _run(
        f"""
        import sys
        from newsdiff.text.words import stem
        from newsdiff.text.segment import segment
        print(len(segment({TEXT!r})), stem("running"))
        print(sorted(m for m in sys.modules if m == "nltk" or m.startswith("nltk.")))
        """
    )
    assert out.splitlines() == ["3 run", "[]"]


def test_newsdiff_first_then_real_nltk() -> None:
    out = _run(
        f"""
        from newsdiff.text.words import stem
        from newsdiff.text.segment import segment
        n = len(segment({TEXT!r})), stem("running")
        import nltk
        import nltk.tokenize.punkt
        from nltk.stem import SnowballStemmer
        print(nltk.__file__.endswith("__init__.py"), hasattr(nltk, "FreqDist"))
        print(len(nltk.tokenize.punkt.PunktSentenceTokenizer().tokenize({TEXT!r})) > 0)
        print(SnowballStemmer("english").stem("cats"), nltk.tokenize.punkt.__name__)
        """
    )
    assert out.splitlines() == ["True True", "True", "cat nltk.tokenize.punkt"]


def test_nltk_first_then_newsdiff_uses_its_modules() -> None:
    out = _run(
        f"""
        import sys
        import nltk
        from newsdiff.text import nltk_lite
        from newsdiff.text.segment import segment
        print(len(segment({TEXT!r})), nltk_lite.punkt() is sys.modules["nltk.tokenize.punkt"])
        snowball = sys.modules["nltk.stem.snowball"]
        print(nltk_lite.snowball() is snowball, nltk.tokenize.punkt.__name__)
        """
    )
    assert out.splitlines() == ["3 True", "True nltk.tokenize.punkt"]


def test_same_sentences_and_stems_as_the_real_package() -> None:
    out = _run(
        f"""
        from newsdiff.text.segment import _tokenizer
        from newsdiff.text.words import snowball
        lite = _tokenizer().span_tokenize({TEXT!r}), snowball("english").stem("generously")
        lite = list(lite[0]), lite[1]
        import nltk
        from nltk.stem.snowball import SnowballStemmer
        from nltk.tokenize import punkt
        from newsdiff.text.segment import punkt_parameters
        params = punkt_parameters(punkt)
        real = list(punkt.PunktSentenceTokenizer(params).span_tokenize({TEXT!r}))
        print(lite == (real, SnowballStemmer("english").stem("generously")))
        """
    )
    assert out.strip() == "True"


def test_threads_share_one_load() -> None:
    out = _run(
        """
        from concurrent.futures import ThreadPoolExecutor
        from newsdiff.text import nltk_lite
        with ThreadPoolExecutor(8) as pool:
            mods = list(pool.map(lambda _: (nltk_lite.punkt(), nltk_lite.snowball()), range(8)))
        print(len({id(p) for p, _ in mods}), len({id(s) for _, s in mods}))
        """
    )
    assert out.split() == ["1", "1"]


def test_punkt_loads_without_the_modules_it_needs_only_for_models_on_disk() -> None:
    out = _run(
        f"""
        import sys
        from newsdiff.text.segment import segment
        from newsdiff.text.words import stem
        print(len(segment({TEXT!r})), stem("running"))
        heavy = ("http.client", "ssl", "urllib.request", "xml.sax", "xml.etree.ElementTree")
        print([m for m in heavy if m in sys.modules])
        """
    )
    assert out.splitlines() == ["3 run", "[]"]


def test_deferred_names_reach_the_real_nltk_when_called() -> None:
    out = _run(
        f"""
        import sys
        from newsdiff.text import nltk_lite
        punkt = nltk_lite.punkt()
        # Training builds FreqDists: the first call imports the real nltk.probability.
        trainer = punkt.PunktTrainer({TEXT!r} * 3)
        print(type(trainer._type_fdist).__module__, "nltk" in sys.modules)
        print(punkt.TokenizerI.__module__, callable(punkt.pathsec_open))
        """
    )
    assert out.splitlines() == ["nltk.probability True", "nltk.tokenize.api True"]


def test_an_nltk_taking_other_names_gets_the_real_modules() -> None:
    out = _run(
        f"""
        import sys
        from newsdiff.text import nltk_lite
        # As if Punkt took a name the stand-ins do not hold: the load falls back.
        nltk_lite._DEFERRED["nltk.pathsec"] = ("open",)
        from newsdiff.text.segment import segment
        print(len(segment({TEXT!r})), "http.client" in sys.modules)
        print(sorted(m for m in sys.modules if m == "nltk" or m.startswith("nltk.")))
        """
    )
    assert out.splitlines() == ["3 True", "[]"]
