"""``--output-format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` describes each rule that has a result, from the rule's own
docs. A region is given by line and column: columns count Unicode code points
(``columnKind``), the end is exclusive as SARIF's ``endColumn`` is, and a BOM is not counted,
as SARIF requires. A fix becomes replacements of regions of the unmodified file, given the
same way; its applicability (safe or unsafe) is in the fix's ``properties``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__, docs
from ..problems import PROBLEMS
from ..registry import Registry
from . import locate, relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def descriptor(rule_id: str, registry: Registry) -> dict:
    """The ``reportingDescriptor`` of one rule, or of a problem id (read-error, …)."""
    if rule_id in PROBLEMS:  # always an error; its summary is all its documentation
        summary = full = help_text = PROBLEMS[rule_id]
        level = "error"
    else:
        rule = registry.load(rule_id)
        summary, level = rule.summary, LEVEL[rule.severity]
        full = docs.sections(rule).get("What it does", summary)
        help_text = docs.markdown(rule)
    return {
        "id": rule_id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": level},
    }


def artifact_location(path: str) -> dict:
    path = relative_path(path)
    if os.path.isabs(path):  # no relative way to it (another drive)
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def region(start: tuple[int, int], end: tuple[int, int]) -> dict:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def fix_object(result, fix, location: dict) -> dict:
    replacements = []
    for edit in sorted(fix.edits):
        replacement: dict = {"deletedRegion": region(result.position(edit.start), result.position(edit.end))}
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def sarif_log(results) -> dict:
    rule_ids = sorted({f.rule for r in results for f in r.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    registry = Registry()
    sarif_results = []
    for r in results:
        location = artifact_location(r.path)
        for item in locate(r):
            f = item.finding
            entry = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": location,
                    "region": region((item.line, item.column), (item.end_line, item.end_column)),
                }}],
            }
            if f.fix is not None:
                entry["fixes"] = [fix_object(r, f.fix, location)]
            sarif_results.append(entry)
    root = Path.cwd().as_uri()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "postlint",
                "version": __version__,
                "rules": [descriptor(rule_id, registry) for rule_id in rule_ids],
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": root if root.endswith("/") else root + "/"}},
            "columnKind": "unicodeCodePoints",
            "defaultEncoding": "utf-8",
            "results": sarif_results,
        }],
    }


def render(results, out, options, tally) -> None:
    results = list(results)  # one document, built whole
    out.write(json.dumps(sarif_log(results), ensure_ascii=False, indent=2) + "\n")
