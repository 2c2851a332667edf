/// What a reader yields, one at a time: a unit (with where it starts) or a skip.
public enum ReadItem: Sendable {
    case unit(TranslationUnit, SourceLocation)
    case skip(Skip)
}
