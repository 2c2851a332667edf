import KiokuText

/// The driver's `--name value` options.
struct Arguments {
    let values: [String]

    init(_ values: [String]) { self.values = values }

    /// The value after `--name`, if given.
    func value(_ name: String) -> String? {
        values.firstIndex(of: name).flatMap { values.indices.contains($0 + 1) ? values[$0 + 1] : nil }
    }

    func has(_ flag: String) -> Bool { values.contains(flag) }

    /// A language option (`--src en`), or `fallback`.
    func language(_ name: String, _ fallback: LanguageTag) -> LanguageTag { value(name).flatMap(LanguageTag.init) ?? fallback }

    /// A whole-number option (`--min 50`), or `fallback`.
    func integer(_ name: String, _ fallback: Int) -> Int { value(name).flatMap { Int($0) } ?? fallback }
}
