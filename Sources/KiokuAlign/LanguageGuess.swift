import KiokuText

/// The language of a document when the user did not say: from its file name
/// (`article.ru.txt`, `summit_ja.docx`) when the text is in that language's script, else from
/// its script (Cyrillic → ru, kana or Han → ja, Latin → en).
public enum LanguageGuess {
    public static func language(path: String, paragraphs: [String]) -> LanguageTag? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let script = Script.dominant(in: paragraphs)?.script
        // A code in the name counts only when the text is in that language's script
        // ("news.co.uk.txt" is not Ukrainian).
        for part in name.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).dropFirst().reversed() {
            if part.count == 2, let tag = LanguageTag(String(part).lowercased()), let expected = Script.expected(for: tag),
               script == nil || expected == script {
                return tag
            }
        }
        switch script {
        case .cyrillic: return .russian
        case .cjk: return .japanese
        case .latin: return .english
        case nil: return nil
        }
    }
}
