internal import CICU

/// A failure reported by ICU, with the ICU error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// What Kioku was doing when ICU failed.
    public let operation: String
    /// ICU's own name for the error.
    public let code: String

    public var description: String { "ICU failed while \(operation): \(code)" }

    init(_ operation: String, _ status: UErrorCode) {
        self.operation = operation
        self.code = String(cString: kicu_errorName(status))
    }
}

extension UErrorCode {
    var isFailure: Bool { rawValue > U_ZERO_ERROR.rawValue }
}
