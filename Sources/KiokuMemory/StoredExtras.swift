import Foundation
import KiokuFormats

/// The part of a unit's or variant's metadata kept as JSON: notes, properties and
/// extra attributes. Nil (no JSON at all) when there are none, which is the common case.
package struct StoredExtras: Codable {
    var notes: [Note]?
    var properties: [Property]?
    var attributes: [XMLAttribute]?

    package static func encode(_ metadata: Metadata) -> String? {
        guard !(metadata.notes.isEmpty && metadata.properties.isEmpty && metadata.attributes.isEmpty) else { return nil }
        // Written by hand: this runs once per imported unit, and JSONEncoder costs ~10 µs a call.
        var json = JSONText()
        json.object { json in
            if !metadata.attributes.isEmpty {
                json.key("attributes")
                json.array(metadata.attributes) { json, attribute in json.attribute(attribute) }
            }
            if !metadata.notes.isEmpty {
                json.key("notes")
                json.array(metadata.notes) { json, note in
                    json.object { json in
                        json.key("attributes"); json.array(note.attributes) { json, attribute in json.attribute(attribute) }
                        if let language = note.language { json.key("language"); json.string(language) }
                        json.key("text"); json.string(note.text)
                    }
                }
            }
            if !metadata.properties.isEmpty {
                json.key("properties")
                json.array(metadata.properties) { json, property in
                    json.object { json in
                        json.key("attributes"); json.array(property.attributes) { json, attribute in json.attribute(attribute) }
                        if let language = property.language { json.key("language"); json.string(language) }
                        json.key("type"); json.string(property.type)
                        json.key("value"); json.string(property.value)
                    }
                }
            }
        }
        return json.text
    }

    /// A variant's metadata, dates and users included (variants have no columns for them).
    package static func encodeVariant(_ metadata: Metadata) -> String? {
        encode(Metadata(notes: metadata.notes, properties: metadata.properties, attributes: metadata.tmxAttributes))
    }

    package static func decodeVariant(_ json: String?) -> Metadata {
        guard json != nil else { return Metadata() }  // most variants: nothing stored
        var stored = Metadata()
        decode(json, into: &stored)
        var metadata = Metadata(tmxAttributes: stored.attributes)
        metadata.notes = stored.notes
        metadata.properties = stored.properties
        return metadata
    }

    package static func decode(_ json: String?, into metadata: inout Metadata) {
        guard let json, let extras = try? JSONDecoder().decode(StoredExtras.self, from: Data(json.utf8)) else { return }
        metadata.notes = extras.notes ?? []
        metadata.properties = extras.properties ?? []
        metadata.attributes = extras.attributes ?? []
    }
}
