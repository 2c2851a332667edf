import Foundation
import KiokuFormats

/// The part of a unit's or variant's metadata kept as JSON: notes, properties and
/// extra attributes. Nil (no JSON at all) when there are none, which is the common case.
struct StoredExtras: Codable {
    var notes: [Note]?
    var properties: [Property]?
    var attributes: [XMLAttribute]?

    static func encode(_ metadata: Metadata) -> String? {
        guard !(metadata.notes.isEmpty && metadata.properties.isEmpty && metadata.attributes.isEmpty) else { return nil }
        let extras = StoredExtras(notes: metadata.notes.nilIfEmpty, properties: metadata.properties.nilIfEmpty,
                                  attributes: metadata.attributes.nilIfEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(extras) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A variant's metadata, dates and users included (variants have no columns for them).
    static func encodeVariant(_ metadata: Metadata) -> String? {
        encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.tmxAttributes))
    }

    static func decodeVariant(_ json: String?) -> Metadata {
        var stored = Metadata()
        decode(json, into: &stored)
        var metadata = Metadata(tmxAttributes: stored.attributes)
        metadata.notes = stored.notes
        metadata.properties = stored.properties
        return metadata
    }

    static func decode(_ json: String?, into metadata: inout Metadata) {
        guard let json, let extras = try? JSONDecoder().decode(StoredExtras.self, from: Data(json.utf8)) else { return }
        metadata.notes = extras.notes ?? []
        metadata.properties = extras.properties ?? []
        metadata.attributes = extras.attributes ?? []
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
