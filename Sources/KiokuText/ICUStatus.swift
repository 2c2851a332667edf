internal import CICU

extension kicu_status {
    /// ICU reports failures as positive codes; negative ones are warnings.
    var isFailure: Bool { self > 0 }
}
