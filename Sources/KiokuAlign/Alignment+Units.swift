import KiokuFormats

extension Alignment {
    /// The property that records a bead's score on the unit made from it.
    public static let scoreProperty = "x-kioku-align-score"
    /// The property that records a bead's shape ("1-1", "2-1"…).
    public static let shapeProperty = "x-kioku-align-bead"

    /// Translation units for the pairings scoring at least `minimumScore` (1-0 and 0-1 beads
    /// are not translations and never become units). Each carries its score and shape.
    public func units(minimumScore: Double = 0) -> [TranslationUnit] {
        beads.filter { $0.isPair && $0.score >= minimumScore }.map { bead in
            TranslationUnit(
                variants: [Variant(language: sourceLanguage, text: sourceText(of: bead)),
                           Variant(language: targetLanguage, text: targetText(of: bead))],
                sourceLanguage: sourceLanguage,
                metadata: Metadata(properties: [
                    Property(type: Self.scoreProperty, value: String(format2: bead.score)),
                    Property(type: Self.shapeProperty, value: bead.shape),
                ]))
        }
    }
}

extension String {
    /// Two decimals, without Foundation's formatter: 0.9712 → "0.97".
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
