import KiokuFormats
import KiokuText

/// The result of `kioku analyze`: for each file and for the whole job, how many segments,
/// words and characters fall in each match band.
public struct JobAnalysis: Sendable, Codable, Hashable {
    /// One band's totals.
    public struct Band: Sendable, Codable, Hashable {
        public var name: String
        public var segments: Int
        public var words: Int
        public var characters: Int

        public init(name: String, segments: Int = 0, words: Int = 0, characters: Int = 0) {
            self.name = name
            self.segments = segments
            self.words = words
            self.characters = characters
        }
    }

    /// How one segment was classed.
    public struct SegmentResult: Sendable, Codable, Hashable {
        public var id: String
        public var line: Int
        public var band: String
        /// The best TM match's score (101: context match), nil when none reached the lowest band.
        public var score: Int?
        public var words: Int
        public var characters: Int
    }

    /// One file's analysis.
    public struct File: Sendable, Codable, Hashable {
        public var path: String
        public var format: JobFormat
        public var sourceLanguage: LanguageTag
        public var targetLanguage: LanguageTag
        public var bands: [Band]
        public var total: Band
        public var segments: [SegmentResult]
    }

    public var bandDefinition: MatchBands
    public var files: [File]
    /// The job's bands (all files, repetitions counted across files).
    public var bands: [Band]
    public var total: Band
    /// What a quote is counted in for the job's source language: `words`, or `characters` for Japanese.
    public var countingUnit: String
}
