internal import CICU

/// A failure reported by ICU, with the ICU error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// What Kioku was doing when ICU failed.
    public let operation: String
    /// ICU's own name for the error.
    public let code: String

    public var description: String { "ICU failed while \(operation): \(code)" }

    init(_ operation: String, _ status: kicu_status) {
        self.operation = operation
        self.code = String(cString: kicu_errorName(status))
    }
}

extension kicu_status {
    /// ICU reports failures as positive codes; negative ones are warnings.
    var isFailure: Bool { self > 0 }
}
