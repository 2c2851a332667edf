/// One piece of evidence in a sentence: an interned key (the same key on both sides means the
/// same thing), its kind, and whether its absence on the other side speaks against a pairing.
struct Anchor: Sendable, Hashable {
    var key: Int32
    var kind: AnchorKind
    var expectsPartner: Bool
}

/// Gives each anchor text a small integer, shared by both documents of an alignment.
final class AnchorVocabulary {
    private var ids: [String: Int32] = [:]

    func id(_ key: String) -> Int32 {
        if let known = ids[key] { return known }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// The id of a key only if some sentence already has it (words of a Latin-script side are
    /// kept only when the other side has them as Latin words).
    func existingID(_ key: String) -> Int32? { ids[key] }
}
