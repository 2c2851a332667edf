/// What a fuzzy score counts: words (English, Russian) or characters (Japanese, Chinese).
public enum ScoringUnit: String, Sendable {
    case word, character
}
