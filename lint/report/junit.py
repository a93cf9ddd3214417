"""``--output-format junit``: JUnit XML, for CI systems that show test reports.

Each linted file is a test case, passing when it has no findings; each finding is a
``<failure>`` of its file. ``failures`` counts the failing files, so it never exceeds ``tests``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from . import locate

# Characters XML 1.0 cannot carry at all, not even escaped: most C0 controls, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot carry spelled out as ``\\xNN``; ElementTree escapes the rest."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def tree(results) -> ET.Element:
    counts = {"tests": str(len(results)), "failures": str(sum(1 for r in results if r.findings)), "errors": "0"}
    suites = ET.Element("testsuites", counts)
    suite = ET.SubElement(suites, "testsuite", {"name": "postlint", **counts})
    for r in results:
        case = ET.SubElement(suite, "testcase", classname="postlint", name=xml_text(r.path))
        for item in locate(r):
            f = item.finding
            failure = ET.SubElement(case, "failure", type=xml_text(f.rule), message=xml_text(f.message))
            failure.text = xml_text(f"{item.path}:{item.line}:{item.column}: {f.message}")
    ET.indent(suites)
    return suites


def render(results, out, options, tally) -> None:
    results = list(results)  # one document, built whole
    # The declaration by hand: ElementTree would name the locale's encoding, not the one written.
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree(results), encoding="unicode") + "\n")
