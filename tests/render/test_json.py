"""render.json: a dossier as JSON."""

from __future__ import annotations

import json

from newsprism.render.json import dossier_dict


def test_render_json_is_documented_shape(flood_story) -> None:
    d, _ = flood_story()
    data = json.loads(json.dumps(dossier_dict(d)))
    assert data["schema"] == "newsprism.dossier/1"
    for key in ("story_id", "headline", "sources", "independent_sources", "summary", "timeline", "entities",
                "quotes", "conflicts", "exclusives", "details", "matrix", "copy_tree", "framing", "status_counts"):
        assert key in data
    assert data["matrix"]["columns"][0] == {"origin": "wire:NPA", "name": "Nordic Press Agency",
                                            "outlets": ["Nordic Press Agency", "Valley <b>Courier</b>"]}
    assert [(e["origin"], e["name"]) for e in data["exclusives"]] == [("outlet:northern observer", "Northern Observer")]
    assert data["copy_tree"] == [{"origin": "wire", "copies": [{"article_id": "copy", "kind": "copy"}]}]


def test_render_json_text_is_json_dumps_with_indent(flood_story) -> None:
    from newsprism.render.json import text

    class Name(str):
        pass

    class Count(int):
        pass

    d, _ = flood_story()
    odd = {"empty": [{}, [], ()], "nested": [[[]], {"k": {"m": [{"z": 1}]}}], Name("key"): Name("value"),
           "numbers": [0, -1, 10 ** 20, 2.5, -0.0, 1e-7, 1e22, float("nan"), float("inf"), -float("inf"), Count(3)],
           "scalars": [True, False, None, "é “quoted” \n\t\u2028 \\ \"", ""], "tuple": ("a", ("b",))}
    for data in (dossier_dict(d), odd, [], {}, "top", None, 1.5, {1: "an int key"}, {"x": {None: 1}}):
        assert text(data) == json.dumps(data, ensure_ascii=False, indent=1)
    try:
        text({"a": object()})
    except TypeError as exc:  # json's own error
        assert "not JSON serializable" in str(exc)
    else:
        raise AssertionError("an object json cannot write went through")
