/// One tmserver match, in the shape Weblate's and Virtaal's clients read.
struct TMServerMatch: Encodable {
    var source: String
    var target: String
    var quality: Double
    var context: String
}
