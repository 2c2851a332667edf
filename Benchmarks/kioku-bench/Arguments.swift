/// The driver's `--name value` options.
struct Arguments {
    let values: [String]

    init(_ values: [String]) { self.values = values }

    /// The value after `--name`, if given.
    func value(_ name: String) -> String? {
        values.firstIndex(of: name).flatMap { values.indices.contains($0 + 1) ? values[$0 + 1] : nil }
    }

    func has(_ flag: String) -> Bool { values.contains(flag) }
}
