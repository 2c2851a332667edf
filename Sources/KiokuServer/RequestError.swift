import Foundation
import Hummingbird
import KiokuMemory
import Logging

/// A request the server refuses or could not serve, answered as `{"error": "…"}`.
struct RequestError: HTTPResponseError, CustomStringConvertible {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { "\(status.code) \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONBody.response(["error": message], status: status)
    }
}

extension RequestError {
    /// What a client is told when the TM fails: the status that says whose move it is, and
    /// a message without paths (those go to the server's log).
    init(_ error: MemoryError) {
        switch error {
        case .busy:
            self.init(.serviceUnavailable, "the TM is busy with another program's write; nothing of this request was stored, retry in a moment")
        case .filling:
            self.init(.serviceUnavailable, "another program is filling the TM and holds it alone; nothing of this request was stored, retry when it is done")
        case .unreachable:
            self.init(.serviceUnavailable, "the TM's database is out of reach: retry in a moment (the server reconnects by itself); a write in this request was not stored")
        case .diskFull:
            self.init(.init(code: 507, reasonPhrase: "Insufficient Storage"), "the TM's disk is full; nothing of this request was stored")
        case .readOnly:
            self.init(.forbidden, "this server's TM is read-only: it takes no writes")
        case .writeFailed:
            self.init(.internalServerError, "the TM could not be written; nothing of this request was stored, and the server's log says why")
        case .damaged, .damagedIndex:
            self.init(.internalServerError, "the TM is damaged; the server's log says where, and an administrator must rebuild it")
        case .format(let format):
            self.init(.badRequest, format.description)
        case .noSuchUnit(_, let id):
            self.init(.notFound, "there is no unit \(id) (never added, or deleted)")
        case .noSuchVariant(_, let unit, let language, let available):
            self.init(.unprocessableContent, "unit \(unit) has no \(language) variant; it has \(available.joined(separator: ", "))")
        case .ambiguousVariant(_, let unit, let language, let candidates):
            self.init(.unprocessableContent, "unit \(unit) has several \(language) variants (\(candidates.joined(separator: ", "))); name one")
        case .emptyVariant(_, let unit):
            self.init(.unprocessableContent, "the new text for unit \(unit) is empty; delete the unit instead")
        case .missing, .notAMemory, .cannotOpen, .readFailed, .newerFormat, .notEmpty:
            self.init(.internalServerError, "the TM could not be read; the server's log says why")
        }
    }
}
