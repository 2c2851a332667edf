/// One entry of a unit's history: the text a variant had before an edit replaced it, and
/// who replaced it when. The text it has now is the variant's own.
public struct VariantRevision: Sendable, Hashable, Codable {
    public var unitID: UnitID
    /// The variant's language as stored (`ru-RU`).
    public var language: String
    /// The text before the edit, and its TMX inline markup when it had codes.
    public var text: String
    public var markup: String?
    /// When the edit was made, and by whom.
    public var replaced: ChangeStamp

    public init(unitID: UnitID, language: String, text: String, markup: String?, replaced: ChangeStamp) {
        self.unitID = unitID
        self.language = language
        self.text = text
        self.markup = markup
        self.replaced = replaced
    }
}
