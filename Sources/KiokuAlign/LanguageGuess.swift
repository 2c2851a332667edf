import KiokuText

/// The language of a document when the user did not say: from its file name
/// (`article.ru.txt`, `summit_ja.docx`), else from its script (Cyrillic → ru, kana or Han → ja,
/// Latin → en).
public enum LanguageGuess {
    public static func language(path: String, paragraphs: [String]) -> LanguageTag? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for part in name.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).dropFirst().reversed() {
            if part.count == 2, let tag = LanguageTag(String(part).lowercased()), Script.expected(for: tag) != nil { return tag }
        }
        switch Script.dominant(in: paragraphs)?.script {
        case .cyrillic: return .russian
        case .cjk: return .japanese
        case .latin: return .english
        case nil: return nil
        }
    }
}
