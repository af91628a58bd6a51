//! The parts of a Word document that do not depend on what the report says: content types,
//! relationships, styles, settings, the footer with page numbers and the document properties.
//! Parts and styles are named as Word and LibreOffice name their own, so both treat the file as
//! one of theirs (a table of contents finds the headings, List Number is Word's List Number).

use crate::core::export::docx::body::first_strong_rtl;
use crate::core::export::markup::MarkupWriter;
use crate::core::report::{Digits, Language};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The tags Word uses for a language: the Latin-script language of the report (`w:val`) and of
/// its right-to-left script (`w:bidi`). Sorani is Word's "Central Kurdish (Iraq)".
pub fn language_tags(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::English | Language::Arabic => ("en-GB", "ar-IQ"),
        Language::Kurdish => ("en-GB", "ku-Arab-IQ"),
    }
}

/// `[Content_Types].xml`: the type of every part, photos by their extension.
pub fn content_types(photo_types: &[(&'static str, &'static str)]) -> String {
    let mut w = MarkupWriter::xml();
    w.open("Types", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]);
    w.empty(
        "Default",
        &[("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")],
    );
    w.empty("Default", &[("Extension", "xml"), ("ContentType", "application/xml")]);
    for (extension, mime) in photo_types {
        w.empty("Default", &[("Extension", extension), ("ContentType", mime)]);
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    for (part, kind) in [
        ("/word/document.xml", "document.main+xml"),
        ("/word/styles.xml", "styles+xml"),
        ("/word/numbering.xml", "numbering+xml"),
        ("/word/settings.xml", "settings+xml"),
        ("/word/footer1.xml", "footer+xml"),
    ] {
        w.empty("Override", &[("PartName", part), ("ContentType", &format!("{wml}{kind}"))]);
    }
    w.empty(
        "Override",
        &[
            ("PartName", "/docProps/core.xml"),
            ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml"),
        ],
    );
    w.empty(
        "Override",
        &[
            ("PartName", "/docProps/app.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ],
    );
    w.close("Types");
    w.finish()
}

/// `_rels/.rels`: where the document and its properties are.
pub fn package_relationships() -> String {
    relationships(&[
        ("rId1", "officeDocument", "word/document.xml", false),
        ("rId2", "metadata/core-properties", "docProps/core.xml", false),
        ("rId3", "extended-properties", "docProps/app.xml", false),
    ])
}

/// A relationships part: (id, type, target, external). Types other than the package's own
/// (`metadata/core-properties`) are officeDocument relationships.
pub fn relationships(rels: &[(&str, &str, &str, bool)]) -> String {
    let mut w = MarkupWriter::xml();
    w.open("Relationships", &[("xmlns", PACKAGE_RELATIONSHIPS)]);
    for &(id, kind, target, external) in rels {
        let kind = match kind {
            "metadata/core-properties" => {
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties".to_owned()
            }
            kind => format!("{RELATIONSHIP}{kind}"),
        };
        if external {
            w.empty("Relationship", &[("Id", id), ("Type", &kind), ("Target", target), ("TargetMode", "External")]);
        } else {
            w.empty("Relationship", &[("Id", id), ("Type", &kind), ("Target", target)]);
        }
    }
    w.close("Relationships");
    w.finish()
}

/// The document part's own relationships, before its photos and links.
pub const DOCUMENT_RELATIONSHIPS: [(&str, &str, &str, bool); 4] = [
    ("rId1", "styles", "styles.xml", false),
    ("rId2", "numbering", "numbering.xml", false),
    ("rId3", "settings", "settings.xml", false),
    ("rId4", "footer", "footer1.xml", false),
];
/// The footer's relationship id in [`DOCUMENT_RELATIONSHIPS`].
pub const FOOTER_ID: &str = "rId4";

/// `docProps/core.xml`: the title and language, as the file's properties show them.
pub fn core_properties(title: &str, language: Language) -> String {
    let mut w = MarkupWriter::xml();
    w.markup(concat!(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    ));
    w.element("dc:title", &[], title);
    w.element("dc:language", &[], language.code());
    w.close("cp:coreProperties");
    w.finish()
}

pub fn app_properties() -> String {
    let mut w = MarkupWriter::xml();
    w.markup("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">");
    w.markup("<Application>Taqrir</Application></Properties>");
    w.finish()
}

/// `word/settings.xml`: Word 2013+ layout, and the report's languages for the theme fonts.
pub fn settings(language: Language) -> String {
    let (latin, bidi) = language_tags(language);
    let mut w = MarkupWriter::xml();
    w.open("w:settings", &[("xmlns:w", W)]);
    w.markup("<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>");
    w.markup("<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>");
    w.empty("w:themeFontLang", &[("w:val", latin), ("w:bidi", bidi)]);
    w.close("w:settings");
    w.finish()
}

/// `word/footer1.xml`: the organisation's footer `lines` (address, contacts, registration), then
/// "page / pages", centred, as on the printed page.
pub fn footer(lines: &[&str]) -> String {
    let mut w = MarkupWriter::xml();
    w.open("w:ftr", &[("xmlns:w", W), ("xmlns:r", R)]);
    for line in lines {
        // Each line reads in the direction of its first letter, as on the page.
        let rtl = first_strong_rtl(line).unwrap_or(false);
        w.markup("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>");
        w.markup(if rtl { "<w:bidi/>" } else { "<w:bidi w:val=\"0\"/>" });
        w.markup("<w:jc w:val=\"center\"/></w:pPr>");
        w.markup(if rtl { "<w:r><w:rPr><w:rtl/></w:rPr>" } else { "<w:r>" });
        w.element("w:t", &[("xml:space", "preserve")], line);
        w.markup("</w:r></w:p>");
    }
    w.markup("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>");
    w.markup("<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
    w.markup("<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>");
    w.markup("<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>");
    w.markup("</w:p></w:ftr>");
    w.finish()
}

/// `word/numbering.xml`: one bullet list shared by every bulleted paragraph, and a numbered list
/// per numbered section (`numbered_lists` of them, ids from 2), each starting again at 1 and
/// counting in the report's `digits` (Word calls Arabic-Indic digits `hindiNumbers`).
pub fn numbering(numbered_lists: u32, digits: Digits) -> String {
    let mut w = MarkupWriter::xml();
    w.open("w:numbering", &[("xmlns:w", W)]);
    let numbers = match digits {
        Digits::Western => "decimal",
        Digits::ArabicIndic => "hindiNumbers",
    };
    for (id, format, text) in [("0", numbers, "%1."), ("1", "bullet", "\u{2022}")] {
        w.open("w:abstractNum", &[("w:abstractNumId", id)]);
        w.markup("<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>");
        w.empty("w:numFmt", &[("w:val", format)]);
        w.empty("w:lvlText", &[("w:val", text)]);
        w.markup("<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>");
        w.close("w:abstractNum");
    }
    w.markup("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>");
    for n in 0..numbered_lists {
        w.open("w:num", &[("w:numId", &(n + 2).to_string())]);
        w.markup(
            "<w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>",
        );
        w.close("w:num");
    }
    w.close("w:numbering");
    w.finish()
}

/// `word/styles.xml`: the report's look as Word's built-in styles (Title, Subtitle, Heading 1–2,
/// List Number, List Bullet, List Continue, Caption, Footer, Hyperlink) and a few of its own
/// (the activity line above the title, a person's role, notes, table text, the report table).
/// Right-to-left reports make right to left the default for new paragraphs too.
pub fn styles(language: Language) -> String {
    let (latin, bidi) = language_tags(language);
    let mut w = MarkupWriter::xml();
    w.open("w:styles", &[("xmlns:w", W)]);
    w.markup("<w:docDefaults><w:rPrDefault><w:rPr>");
    w.markup("<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Arial\"/>");
    w.markup("<w:color w:val=\"1D2430\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>");
    w.empty("w:lang", &[("w:val", latin), ("w:eastAsia", latin), ("w:bidi", bidi)]);
    w.markup("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>");
    if language.is_rtl() {
        w.markup("<w:bidi/>");
    }
    w.markup("<w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>");
    w.markup(STYLES);
    w.close("w:styles");
    w.finish()
}

const STYLES: &str = concat!(
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>",
    "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"6\" w:color=\"1C5D84\"/></w:pBdr><w:spacing w:before=\"40\" w:after=\"80\" w:line=\"240\" w:lineRule=\"auto\"/><w:contextualSpacing/></w:pPr>",
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>",
    "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:color w:val=\"4A5466\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"ReportKind\"><w:name w:val=\"Report Kind\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Title\"/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val=\"1C5D84\"/><w:spacing w:val=\"6\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"2\" w:color=\"D5DAE2\"/></w:pBdr><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>",
    "<w:rPr><w:b/><w:bCs/><w:color w:val=\"1C5D84\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"40\"/><w:outlineLvl w:val=\"1\"/></w:pPr>",
    "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"ListContinue\"><w:name w:val=\"List Continue\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:pPr><w:ind w:left=\"720\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/>",
    "<w:pPr><w:spacing w:before=\"40\" w:after=\"240\"/></w:pPr><w:rPr><w:color w:val=\"4A5466\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Photo\"><w:name w:val=\"Photo\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Caption\"/>",
    "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Role\"><w:name w:val=\"Role\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>",
    "<w:pPr><w:keepNext/><w:spacing w:after=\"60\"/></w:pPr><w:rPr><w:color w:val=\"4A5466\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:before=\"80\"/></w:pPr><w:rPr><w:color w:val=\"4A5466\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeading\"><w:name w:val=\"Table Heading\"/><w:basedOn w:val=\"TableText\"/>",
    "<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"SignatureLine\"><w:name w:val=\"Signature Line\"/><w:basedOn w:val=\"TableText\"/>",
    "<w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"4A5466\"/></w:pBdr><w:spacing w:before=\"720\"/></w:pPr>",
    "<w:rPr><w:color w:val=\"4A5466\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Organisation\"><w:name w:val=\"Organisation\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:spacing w:before=\"60\" w:after=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"4A5466\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
    "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
    "<w:rPr><w:color w:val=\"1C5D84\"/><w:u w:val=\"single\"/></w:rPr></w:style>",
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>",
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>",
    "<w:pPr><w:spacing w:after=\"0\"/></w:pPr>",
    "<w:tblPr><w:tblBorders>",
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/>",
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/>",
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D5DAE2\"/>",
    "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"113\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"113\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>",
    "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F0F4F8\"/></w:tcPr></w:tblStylePr>",
    "<w:tblStylePr w:type=\"firstCol\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F0F4F8\"/></w:tcPr></w:tblStylePr>",
    "</w:style>",
);
