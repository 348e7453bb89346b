"""render.markdown: a dossier as Markdown."""

from __future__ import annotations

from newsprism.render.markdown import dossier_markdown


def test_render_markdown_cites_every_summary_line(flood_story) -> None:
    d, _ = flood_story()
    md = dossier_markdown(d)
    summary = md.split("## What happened")[1].split("##")[0]
    lines = [ln for ln in summary.splitlines() if ln.startswith("- ")]
    assert lines and all("[wire:body:" in ln or "[indie:body:" in ln or "[copy:body:" in ln for ln in lines)
