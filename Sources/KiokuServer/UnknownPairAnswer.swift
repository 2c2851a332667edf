/// What the tmserver/amaGama routes answer for a language pair the TM holds no units in.
public enum UnknownPairAnswer: String, Sendable, CaseIterable {
    /// `[]`: no suggestions — what Weblate's settings check and Virtaal expect of a suggestion source.
    case empty
    /// A 404 with a JSON error that names the languages route.
    case notFound
}
