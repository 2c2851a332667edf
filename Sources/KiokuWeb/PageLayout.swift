/// The frame around every page: title, navigation (the current page marked), the write-token
/// box, and the page's own body, already rendered.
struct PageLayout: Sendable {
    var title: String
    var body: String
    var searchActive = false
    var checkActive = false
    var statsActive = false
}
