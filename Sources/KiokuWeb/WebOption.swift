/// One `<option>` of a `<select>`.
struct WebOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
