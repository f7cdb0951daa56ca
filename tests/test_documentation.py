"""Every attribution rule and resolution is documented where users read about them."""
import json
import re
from pathlib import Path

import pytest

from extract import cues, speakers

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf8")
METADATA = json.loads((ROOT / "datasette-metadata.json").read_text(encoding="utf8"))


def column_descriptions(node, column):
    """Every description the metadata gives a column, in any database, table or view."""
    if isinstance(node, dict):
        found = [node[column]] if isinstance(node.get(column), str) and "columns" not in node else []
        for key, value in node.items():
            if key == "columns" and isinstance(value, dict) and isinstance(value.get(column), str):
                found.append(value[column])
            else:
                found += column_descriptions(value, column)
        return found
    return []


def readme_rows(heading):
    """The first cell of every row of the table under a README heading."""
    section = README.split(heading, 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M)


def test_the_readme_lists_the_rules_in_registry_order():
    assert readme_rows("### Attribution rules") == [rule.name for rule in cues.CUE_RULES]
    for rule in cues.STATEMENT_RULES:
        assert f"`{rule.name}` ({rule.confidence}" in README


def test_the_readme_lists_every_resolution_with_its_confidence():
    section = README.split("### Resolutions", 1)[1].split("\n#", 1)[0]
    assert readme_rows("### Resolutions") == list(speakers.RESOLUTIONS)
    for name, how in speakers.RESOLUTIONS.items():
        assert f"| `{name}` | {how.confidence} |" in section


def test_the_readme_gives_each_rule_its_confidence():
    section = README.split("### Attribution rules", 1)[1].split("\n#", 1)[0]
    for rule in cues.CUE_RULES:
        assert f"| `{rule.name}` | {rule.confidence} |" in section


@pytest.mark.parametrize("column, names", [
    ("cue_rule", [rule.name for rule in cues.REGISTRY.values()]),
    ("resolution", list(speakers.RESOLUTIONS)),
])
def test_the_metadata_names_every_value_of_a_column(column, names):
    descriptions = column_descriptions(METADATA, column)
    assert descriptions
    for description in descriptions:
        assert [name for name in names if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", description)] == []
