"""The stories stage's results as JSON, to compare two versions of the code byte for byte.

For each corpus (news_cluster and ECB+ dev when present under ``../shared/benchmarks``, and
two synthetic streams of ``scale.generate``: 4,000 articles over 2,000 and over 200 events)
and each of three settings (the defaults with batch IDF; online IDF; ``split_below`` 0.25 with
``word_support`` 0.5 and ``year_gap`` 3, to exercise the optional rules), it runs copies, then
``stories.assign`` once over all the articles and once over half of them (by id) and then the rest
incrementally (``previous``, ``prior``), and writes the memberships, merges and stories of
each run as JSON. ``--corpora FILE`` keeps the articles read the first time (a pickle, outside the
repository) and reads them back the second, so that both versions see the same records (the
corpora are read with ``--src``'s own ingest and cleaning, which may differ between versions).

    .venv/bin/python benchmarks/stories_same.py --src src --corpora /tmp/corpora.pkl OUT.json
    .venv/bin/python benchmarks/stories_same.py --src /path/to/other/checkout/src --corpora /tmp/corpora.pkl OTHER.json
    cmp OUT.json OTHER.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the src/ folder of the code to run")
    ap.add_argument("--corpora", type=Path, default=None,
                    help="pickle of the articles: written if absent, else read (the same records for both versions)")
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    # newsprism from --src first: the benchmark modules below put this checkout's src/ on the path
    from newsprism import stories
    from newsprism.copies import find_copies
    from newsprism.stories import StorySettings, assign

    print(f"newsprism from {Path(stories.__file__).parent}", file=sys.stderr)
    sys.path.insert(1, str(ROOT / "benchmarks"))
    import clustering
    import scale

    if args.corpora and args.corpora.exists():
        corpora = pickle.loads(args.corpora.read_bytes())  # our own file, written below
    else:
        corpora = {"syn4000_2000": scale.generate(4000, 2000), "syn4000_200": scale.generate(4000, 200)}
        for name, path in (("news_cluster", clustering.DEFAULT), ("ecbplus_dev", clustering.ECB)):
            if clustering.present(path):
                corpora[name] = clustering.load(path)[0]
            else:
                print(f"{name}: not found at {path}, left out", file=sys.stderr)
        if args.corpora:
            args.corpora.write_bytes(pickle.dumps(corpora))
    settings = {"batch": StorySettings(), "online": StorySettings(batch_idf=False),
                "rules": StorySettings(split_below=0.25, word_support=0.5, year_gap=3)}
    out = {}
    for name, arts in sorted(corpora.items()):
        groups = [g.article_ids for g in find_copies(arts).groups]
        ordered = sorted(arts, key=lambda a: a.article_id)
        first, rest = ordered[: len(ordered) // 2], ordered[len(ordered) // 2:]
        for mode, s in settings.items():
            out[f"{name}/{mode}"] = dataclasses.asdict(assign(arts, s, copy_groups=groups))
            step = assign(first, s, copy_groups=groups)
            out[f"{name}/{mode}/incremental"] = dataclasses.asdict(
                assign(rest, s, previous=step, prior=first, copy_groups=groups))
        print(name, file=sys.stderr)
    args.out.write_text(json.dumps(out, default=str, sort_keys=True, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
