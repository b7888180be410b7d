"""HTML: one self-contained page with side-by-side columns, highlights, legend and summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from newsdiff.model import KINDS, SIGNAL_TYPES, Comparison, Group, Signal
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import html_attr, html_text
from newsdiff.render.view import (
    coverage_text,
    filtered,
    member_pieces,
    moved,
    moved_places,
    report_names,
    signal_line,
    told_in,
    visible_groups,
)

if TYPE_CHECKING:
    from newsdiff.render.explain import GroupEvidence

_KIND_HELP = {
    "shared": "same fact, same substance",
    "divergent": "same fact, told differently",
    "unique": "one report only",
}

# No scripts and no external assets: the page is readable offline, from a mail
# attachment or a CI artefact, and the policy stops anything that slipped through.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"

_CSS = """
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--mark:#ffd86b;
--shared:#1a7f37;--shared-bg:#dafbe1;--divergent:#9a6700;--divergent-bg:#fff3c4;
--unique:#0969da;--unique-bg:#ddf4ff}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--line:#30363d;--mark:#7a5c00;--shared:#3fb950;--shared-bg:#12261e;--divergent:#d29922;
--divergent-bg:#2e2410;--unique:#58a6ff;--unique-bg:#0c2d4d}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:1rem;font:16px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.2rem 0 .4rem}
code{font-size:.85em;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.badge{display:inline-block;padding:0 .5em;border-radius:1em;font-weight:600;
font-size:.85em;border:1px solid currentColor}
.badge.shared,.kind-shared .kind{color:var(--shared);background:var(--shared-bg)}
.badge.divergent,.kind-divergent .kind{color:var(--divergent);background:var(--divergent-bg)}
.badge.unique,.kind-unique .kind{color:var(--unique);background:var(--unique-bg)}
table.shares{border-collapse:collapse;margin:.5rem 0;width:100%;max-width:60rem}
.shares th,.shares td{padding:.2rem .5rem;border-bottom:1px solid var(--line);text-align:right}
.shares th:first-child,.shares td:first-child{text-align:left;overflow-wrap:anywhere}
.bar{display:flex;height:.7rem;min-width:6rem;border:1px solid var(--line)}
.bar span{display:block}
.bar .shared{background:var(--shared)}.bar .divergent{background:var(--divergent)}
.bar .unique{background:var(--unique)}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}
.legend dd{margin:0}
mark{background:var(--mark);color:inherit;border-radius:2px;padding:0 1px}
.cols{display:grid;gap:.75rem}
.colhead{position:sticky;top:0;z-index:1;background:var(--bg);font-weight:600;
padding:.4rem 0;border-bottom:2px solid var(--line)}
.colhead div{overflow-wrap:anywhere}
.group{border-left:.35rem solid var(--line);padding:.4rem .6rem;margin:.6rem 0;
break-inside:avoid}
.group.kind-shared{border-color:var(--shared)}
.group.kind-divergent{border-color:var(--divergent)}
.group.kind-unique{border-color:var(--unique)}
.ghead{font-size:.85rem;color:var(--muted);margin-bottom:.25rem}
.ghead a{color:inherit}
.kind{font-weight:600;padding:0 .4em;border-radius:.3em}
.cell{min-width:0}
.cell p{margin:0;overflow-wrap:anywhere}
.cell.absent p{color:var(--muted);font-style:italic}
.doclabel{display:none;font-size:.8rem;font-weight:600;color:var(--muted)}
.signals{margin:.3rem 0 0;padding-left:1.2rem;font-size:.9rem}
.sig{font-weight:600}.moved{font-weight:600;font-style:italic}
details{margin:.3rem 0}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
@media (max-width:720px){body{padding:.6rem;font-size:15px}
.cols{grid-template-columns:1fr!important}.colhead{display:none}
.doclabel{display:block}.cell.absent{display:none}
.shares thead{display:none}.shares tr{display:flex;flex-wrap:wrap;gap:0 .8rem;
padding:.3rem 0;border-bottom:1px solid var(--line)}
.shares td{border:0;padding:0;text-align:left}
.shares td:first-child{flex-basis:100%;font-weight:600}
.shares td[data-label]::before{content:attr(data-label) " ";color:var(--muted)}
.shares td:last-child{flex-basis:100%;padding-top:.2rem}}
@media print{body{max-width:none;font-size:10pt;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.colhead{position:static}.doclabel{display:block}
mark{text-decoration:underline}a{text-decoration:none}}
"""


def _e(text: str) -> str:
    """Escape element text."""
    return html_text(text)


def _summary(comparison: Comparison) -> list[str]:
    """Return the summary section: counts per kind and a bar per report."""
    s = comparison.summary()
    counts = " ".join(f'<span class="badge {k}">{getattr(s, k)} {k}</span>' for k in KINDS)
    out = [
        '<section class="summary" aria-labelledby="summary-h">',
        '<h2 id="summary-h">Summary</h2>',
        f"<p>{s.documents} reports, {s.groups} groups: {counts}</p>",
        '<table class="shares"><thead><tr><th scope="col">report</th>'
        '<th scope="col">sentences</th><th scope="col">shared</th>'
        '<th scope="col">divergent</th><th scope="col">unique</th>'
        '<th scope="col">boilerplate</th><th scope="col">share</th></tr></thead><tbody>',
    ]
    for d in s.per_document:
        doc = comparison.documents[d.doc]
        total = d.shared + d.divergent + d.unique
        bar = "".join(
            f'<span class="{k}" style="width:{100 * n / total:.1f}%" title="{k}"></span>'
            for k, n in (("shared", d.shared), ("divergent", d.divergent), ("unique", d.unique))
            if total and n
        )
        # data-label names each number when a narrow screen stacks the row into a card.
        out.append(
            f'<tr><td>{_e(doc.id)}</td><td data-label="sentences">{d.sentences}</td>'
            f'<td data-label="shared">{d.shared}</td>'
            f'<td data-label="divergent">{d.divergent}</td>'
            f'<td data-label="unique">{d.unique}</td>'
            f'<td data-label="boilerplate">{d.boilerplate}</td>'
            f'<td><div class="bar" role="img" aria-label="{d.shared} shared, '
            f'{d.divergent} divergent, {d.unique} unique sentences">{bar}</div></td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _legend() -> list[str]:
    """Return the legend: what the kinds, the coverage and the highlights mean."""
    out = [
        '<section class="legend" aria-labelledby="legend-h">',
        '<h2 id="legend-h">Legend</h2><dl>',
    ]
    for k in KINDS:
        out.append(f'<dt><span class="badge {k}">{k}</span></dt><dd>{_KIND_HELP[k]}</dd>')
    out.append("<dt><mark>word</mark></dt><dd>differs between the reports of a group</dd>")
    out.append("<dt>k/N</dt><dd>coverage: k of the N reports carry the fact</dd>")
    out.append(
        '<dt><span class="moved">moved</span></dt><dd>a report tells the fact in another '
        "order than the first report (¶: its paragraph in each)</dd>"
    )
    out.append(
        '<dt><span class="sig">signals</span></dt><dd>why the reports of a group diverge: '
        f"{', '.join(SIGNAL_TYPES)}</dd>"
    )
    out.append("</dl></section>")
    return out


def _signal(comparison: Comparison, signal: Signal, explain: bool) -> str:
    """Return one signal as a list item, with its evidence when asked to explain."""
    item = f'<li><span class="sig">{_e(signal.type)}</span>'
    # The line starts with the type: the rest names the reports and their words.
    item += _e(signal_line(signal, report_names(comparison))[len(signal.type) :])
    if explain and signal.evidence:
        quotes = "; ".join(
            f"{_e(comparison.documents[ev.doc].id)}: “{_e(ev.text)}”" for ev in signal.evidence
        )
        item += f' <span class="muted">({quotes})</span>'
    return item + "</li>"


def _moved(comparison: Comparison, group: Group, docs: tuple[int, ...]) -> str:
    """Return the note of a fact some reports tell in another order than the first."""
    names = ", ".join(_e(comparison.documents[d].id) for d in docs)
    where = ", ".join(
        f"{_e(comparison.documents[d].id)} \u00b6{p}"
        for d, p in moved_places(comparison, group, docs)
    )
    return f' · <span class="moved">moved in {names}</span> ({where})'


def _pairs(comparison: Comparison, explained: GroupEvidence) -> list[str]:
    """Return the explained pairs of a group: similarity and what linked them, per pair."""
    from newsdiff.render.explain import pair_text

    names = [doc.id for doc in comparison.documents]
    # The signals' list style: a report without --explain stays as it was.
    out = ['<ul class="signals pairs muted">']
    out.extend(f"<li>{_e(pair_text(pair, names, ' vs '))}</li>" for pair in explained.pairs)
    if explained.more:
        out.append(f"<li>{explained.more} more pair{'' if explained.more == 1 else 's'}</li>")
    out.append("</ul>")
    return out


def _group(
    comparison: Comparison,
    group: Group,
    explain: bool,
    moves: dict[int, tuple[int, ...]],
    evidence: dict[int, GroupEvidence] | None = None,
) -> list[str]:
    """Return one group: a header line, a cell per report and its signals."""
    n = len(comparison.documents)
    out = [
        f'<article class="group kind-{group.kind}" id="g{group.index}">',
        f'<div class="ghead"><a href="#g{group.index}">#{group.index}</a> '
        f'<span class="kind">{group.kind}</span> {coverage_text(comparison, group)}'
        # A lone report's similarity to itself says nothing.
        + (f" · similarity {group.similarity:.2f}" if group.coverage > 1 else "")
        + (_moved(comparison, group, moves[group.index]) if group.index in moves else "")
        + "</div>",
    ]
    explained = (evidence or {}).get(group.index)
    if explained is not None:
        out.extend(_pairs(comparison, explained))
    out.append('<div class="cols">')
    for d in range(n):
        doc = comparison.documents[d]
        member = group.member(d)
        label = f'<span class="doclabel">{_e(doc.id)}</span>'
        if member is None:
            home = told_in(group, d)
            said = (
                f"not in {_e(doc.id)}"
                if home is None
                else f'told in <a href="#g{home}">#{home}</a>'
            )
            out.append(f'<div class="cell absent">{label}<p>{said}</p></div>')
            continue
        first, last = member.sentences[0], member.sentences[-1]
        where = f"sentence {first}" if first == last else f"sentences {first}–{last}"
        body = "".join(
            f"<mark>{_e(p.text)}</mark>" if p.differs else _e(p.text)
            for p in member_pieces(comparison, member)
        )
        out.append(
            f'<div class="cell" title="{html_attr(doc.id)}, {where}">{label}'
            f'<p dir="auto">{body}</p></div>'
        )
    out.append("</div>")
    if group.signals or group.marks:
        out.append('<ul class="signals">')
        out.extend(_signal(comparison, s, explain) for s in (*group.signals, *group.marks))
        out.append("</ul>")
    out.append("</article>")
    return out


def _boilerplate(comparison: Comparison) -> list[str]:
    """Return the sentences marked boilerplate, per report, folded away but never lost."""
    out: list[str] = []
    for doc in comparison.documents:
        marked = [s for s in doc.sentences if s.boilerplate]
        if not marked:
            continue
        out.append(
            f"<details><summary>{_e(doc.id)}: {len(marked)} boilerplate "
            f"sentence{'s' if len(marked) != 1 else ''}</summary><ul>"
        )
        out.extend(f'<li dir="auto">{_e(s.text)}</li>' for s in marked)
        out.append("</ul></details>")
    if out:
        out = [
            '<section class="boilerplate" aria-labelledby="boiler-h">',
            '<h2 id="boiler-h">Boilerplate (not compared)</h2>',
            *out,
            "</section>",
        ]
    return out


@register("html")
def render_html(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write a self-contained HTML report (inline CSS, no scripts, no external assets)."""
    n = len(comparison.documents)
    names = " vs ".join(d.id for d in comparison.documents)
    groups = visible_groups(comparison, options)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>newsdiff: {_e(names)}</title>",
        f"<style>{_CSS}.cols{{grid-template-columns:repeat({n},minmax(0,1fr))}}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>newsdiff report</h1>",
        '<ul class="reports">',
    ]
    for doc in comparison.documents:
        path = f" <code>{_e(doc.path)}</code>" if doc.path and doc.path != doc.id else ""
        out.append(f"<li><strong>{_e(doc.id)}</strong>{path}</li>")
    out.append("</ul></header>")
    out.extend(_summary(comparison))
    out.extend(_legend())
    out.append('<main aria-labelledby="groups-h">')
    shown = f" ({len(groups)} of {len(comparison.groups)})" if filtered(options) else ""
    out.append(f'<h2 id="groups-h">Groups{shown}</h2>')
    out.append('<div class="cols colhead" aria-hidden="true">')
    out.extend(f"<div>{_e(doc.id)}</div>" for doc in comparison.documents)
    out.append("</div>")
    moves = moved(comparison)
    evidence: dict[int, GroupEvidence] = {}
    if options.explain:
        # Imported only here: it rebuilds alignment's sentence bags.
        from newsdiff.render.explain import explain_groups

        evidence = explain_groups(comparison, groups)
    for group in groups:
        out.extend(_group(comparison, group, options.explain, moves, evidence))
    out.append("</main>")
    out.extend(_boilerplate(comparison))
    out.append(
        "<footer>Made by newsdiff. Control characters in the reports are shown as "
        "escapes (\\x1b for ESC).</footer>"
    )
    out.append("</body>")
    out.append("</html>")
    stream.write("\n".join(out) + "\n")
