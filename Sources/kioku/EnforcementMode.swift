import ArgumentParser

/// What `kioku import --enforce` does with a unit the glossary check finds errors in.
enum EnforcementMode: String, CaseIterable, ExpressibleByArgument {
    /// Keep it out of the TM (listed in the report).
    case reject
    /// Store it with an `x-kioku-flag` property saying why.
    case flag
}
