extension XMLPullParser {
    /// The text content of the element just opened, up to its end tag (child tags dropped).
    func readText(of element: String) throws(FormatError) -> String {
        var text = ""
        var depth = 0
        while let event = try next() {
            switch event {
            case .text(let piece): text += piece
            case .start: depth += 1
            case .end:
                if depth == 0 { return text }
                depth -= 1
            }
        }
        throw .malformedXML(SourceLocation(file: path, line: line), "the file ends inside <\(element)>")
    }

    /// Skips the rest of the element just opened, its end tag included.
    func skip(_ element: String) throws(FormatError) {
        _ = try readText(of: element)
    }
}
