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
