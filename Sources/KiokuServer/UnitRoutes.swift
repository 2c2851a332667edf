import Foundation
import Hummingbird
import KiokuFormats
import KiokuMemory
import KiokuText

/// One unit of the TM, by id:
///
/// - `GET    /api/units/{id}`: the unit (variants, metadata, origin) and its history.
/// - `PATCH  /api/units/{id}` `{"lang": "ru", "text": "…", "user"?: "…"}` (needs the token):
///   replaces one variant's text; the old text goes to the history. The next lookup finds the new text.
/// - `DELETE /api/units/{id}` (needs the token): deletes the unit; no answer holds it afterwards.
///
/// Writes go through the write queue and the index is brought up to date before the answer.
/// Other servers and programs on the same TM pick the change up as they pick up imports.
extension TranslationService {
    func addUnitRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/units/:id") { _, context in try self.showUnit(try Self.unitID(context)) }
        router.patch("/api/units/:id") { request, context in try await self.editUnit(request, try Self.unitID(context)) }
        router.delete("/api/units/:id") { request, context in try await self.deleteUnit(request, try Self.unitID(context)) }
    }

    static func unitID(_ context: BasicRequestContext) throws -> UnitID {
        guard let text = context.parameters.get("id"), let number = Int64(text), number > 0 else {
            throw RequestError(.badRequest, "a unit id is a positive number: /api/units/42")
        }
        return UnitID(number)
    }

    struct UnitAnswer: Encodable {
        var unit: StoredUnit
        var history: [VariantRevision]
    }

    func showUnit(_ id: UnitID) throws -> Response {
        guard let stored = try memory.unit(id) else { throw MemoryError.noSuchUnit(path: memory.location, id: id) }
        return try JSONBody.response(UnitAnswer(unit: stored, history: try memory.history(of: id)))
    }

    struct EditRequest: Decodable {
        var lang: String
        var text: String
        var user: String?
    }

    func editUnit(_ request: Request, _ id: UnitID) async throws -> Response {
        try authorizeWrite(request)
        let body = try await JSONBody.decode(EditRequest.self, from: request, expected: #"{"lang": "ru", "text": "…", "user"?: "…"}"#)
        let language = try language(body.lang, "lang")
        let edit = try await writes.run { [self] in
            let edit = try memory.editVariant(of: id, language: language, to: Segment(text: body.text), stamp: .now(by: body.user ?? "http"))
            if edit.changed { try matcher.index.update(persist: false) }  // saved by keepIndexCurrent
            return edit
        }
        metrics.recordWrite(units: 0)
        logger.info("unit edited through the API", metadata: ["unit": "\(id)", "language": "\(edit.language)", "changed": "\(edit.changed)"])
        return try JSONBody.response(edit)
    }

    struct DeleteAnswer: Encodable {
        var deleted: UnitID
    }

    func deleteUnit(_ request: Request, _ id: UnitID) async throws -> Response {
        try authorizeWrite(request)
        let deleted = try await writes.run { [self] in
            let deleted = try memory.deleteUnits([id], stamp: .now(by: "http"))
            if !deleted.isEmpty { try matcher.index.update(persist: false) }
            return deleted
        }
        guard !deleted.isEmpty else { throw MemoryError.noSuchUnit(path: memory.location, id: id) }
        logger.info("unit deleted through the API", metadata: ["unit": "\(id)"])
        return try JSONBody.response(DeleteAnswer(deleted: id))
    }
}
