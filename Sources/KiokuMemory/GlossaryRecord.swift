/// One concept of the glossary a TM keeps: its id and its document, encoded by the glossary's
/// owner (KiokuTerms writes JSON). The store keeps records in the order they were first saved.
public struct GlossaryRecord: Sendable, Hashable {
    public var id: String
    public var document: String

    public init(id: String, document: String) {
        self.id = id
        self.document = document
    }
}
