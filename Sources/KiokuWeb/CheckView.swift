import KiokuTerms

/// What the glossary-check page shows: the pasted pair and what the check found.
struct CheckView: Sendable {
    struct FindingView: Sendable {
        var severity: String
        var message: String
    }

    var sources: [WebOption] = []
    var targets: [WebOption] = []
    var sourceCode = "en"
    var targetCode = "ru"
    var source = ""
    var target = ""
    var noGlossary = false
    var error: String?
    var ran = false
    var passed = false
    var summary = ""
    var findings: [FindingView] = []

    mutating func show(_ report: CheckReport) {
        ran = true
        passed = report.findings.isEmpty
        summary = passed ? "No glossary problems found." : "\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
        findings = report.findings.map { finding in
            // The message without its location ("pair: ") and severity, which the page shows apart.
            let text = finding.description
            var message = text.firstRange(of: ": ").map { String(text[$0.upperBound...]) } ?? text
            if message.hasPrefix(finding.severity.rawValue + " ") { message.removeFirst(finding.severity.rawValue.count + 1) }
            return FindingView(severity: finding.severity.rawValue, message: message)
        }
    }
}
