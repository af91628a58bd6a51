#!/usr/bin/env python3
"""Reads a flat OpenDocument text (.fodt, as LibreOffice writes it) and prints, as JSON, what a
reader sees: every paragraph and heading in order with its text and direction, the number of
pictures, the document's languages and the page footer's lines. Used by tests/docx_export.rs to check Word files through
LibreOffice: no code of Taqrir's reads them.

    python3 read_fodt.py FILE.fodt
"""
import json
import sys
import xml.etree.ElementTree as ET

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


root = ET.parse(sys.argv[1]).getroot()

# Paragraph styles: name -> (parent, writing mode or None).
styles = {}
for style in root.iter(q("style", "style")):
    props = style.find(q("style", "paragraph-properties"))
    mode = props.get(q("style", "writing-mode")) if props is not None else None
    styles[style.get(q("style", "name"))] = (style.get(q("style", "parent-style-name")), mode)
page_mode = "lr-tb"
for layout in root.iter(q("style", "page-layout-properties")):
    page_mode = layout.get(q("style", "writing-mode"), page_mode)
    break


def direction(style_name):
    while style_name in styles:
        parent, mode = styles[style_name]
        if mode and mode != "page":
            return mode
        style_name = parent
    return page_mode


SKIP = {q("text", "number"), q("svg", "title"), q("svg", "desc"), q("draw", "frame")}


def text_of(element):
    out = [element.text or ""]
    for child in element:
        if child.tag in SKIP:
            pass
        elif child.tag in (q("text", "line-break"), q("text", "tab")):
            out.append(" ")
        elif child.tag == q("text", "s"):
            out.append(" " * int(child.get(q("text", "c"), "1")))
        else:
            out.append(text_of(child))
        out.append(child.tail or "")
    return "".join(out)


body = root.find(q("office", "body"))
paragraphs = []
for element in body.iter():
    if element.tag in (q("text", "p"), q("text", "h")):
        text = " ".join(text_of(element).split())
        if text:
            paragraphs.append([text, direction(element.get(q("text", "style-name")))])

languages = set()
for props in root.iter(q("style", "text-properties")):
    for kind in ("", "-complex"):
        lang = props.get(q("style", "language" + kind) if kind else "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}language")
        if lang:
            languages.add(lang)
images = sum(1 for _ in body.iter(q("draw", "image")))
# The page footer's lines (in the master page), as on every page.
footer = []
for part in root.iter(q("style", "footer")):
    for element in part.iter():
        if element.tag in (q("text", "p"), q("text", "h")):
            text = " ".join(text_of(element).split())
            if text:
                footer.append([text, direction(element.get(q("text", "style-name")))])
    break
print(json.dumps({"paragraphs": paragraphs, "images": images, "languages": sorted(languages), "footer": footer}, ensure_ascii=False))
