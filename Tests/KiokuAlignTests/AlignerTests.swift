import Testing
import KiokuTerms
import KiokuText
import KiokuTestSupport
@testable import KiokuAlign

/// Every bead shape the aligner promises, on real news sentences (the seed article).
@Suite struct AlignerTests {
    let rows = SeedPairs.rows
    let aligner = Aligner()

    /// Sentences 7–12 of the seed (a peace treaty, islands, sovereignty, Putin's answer).
    var english: [String] { rows[7...12].map(\.en) }
    var russian: [String] { rows[7...12].map(\.ru) }

    @Test func oneToOneAcrossParagraphs() throws {
        let source = SeedPairs.document(.english, [Array(english[0...2]), Array(english[3...5])])
        let target = SeedPairs.document(.russian, [Array(russian[0...2]), Array(russian[3...5])])
        let alignment = try aligner.align(source, target)
        #expect(alignment.beads.map(\.shape) == Array(repeating: "1-1", count: 6))
        for (index, bead) in alignment.beads.enumerated() {
            #expect(alignment.sourceText(of: bead) == english[index])
            #expect(alignment.targetText(of: bead) == russian[index])
            #expect(bead.score > 0.5)
        }
        #expect(alignment.warnings.isEmpty)
    }

    @Test func aSentenceMissingFromTheTranslationIsAnOmissionNotGlued() throws {
        var shortened = russian
        shortened.remove(at: 2)
        let alignment = try aligner.align(SeedPairs.document(.english, [english]), SeedPairs.document(.russian, [shortened]))
        let pairs = SeedPairs.pairs(alignment)
        #expect(pairs.map(\.shape) == ["1-1", "1-1", "1-0", "1-1", "1-1", "1-1"])
        #expect(pairs[2].source == english[2])
        #expect(pairs[3].target == russian[3])
    }

    @Test func aSentenceMissingFromTheOriginalIsAZeroToOne() throws {
        var shortened = english
        shortened.remove(at: 4)
        let alignment = try aligner.align(SeedPairs.document(.english, [shortened]), SeedPairs.document(.russian, [russian]))
        #expect(alignment.beads.map(\.shape) == ["1-1", "1-1", "1-1", "1-1", "0-1", "1-1"])
        #expect(alignment.targetText(of: alignment.beads[4]) == russian[4])
    }

    @Test func twoSentencesTranslatedAsOne() throws {
        // The translator fused sentences 1 and 2 into one with a semicolon.
        var fused = russian
        fused[1] = String(russian[1].dropLast()) + "; " + russian[2]
        fused.remove(at: 2)
        let alignment = try aligner.align(SeedPairs.document(.english, [english]), SeedPairs.document(.russian, [fused]))
        #expect(alignment.beads.map(\.shape) == ["1-1", "2-1", "1-1", "1-1", "1-1"])
        #expect(alignment.sourceText(of: alignment.beads[1]) == english[1] + " " + english[2])
    }

    @Test func oneSentenceTranslatedAsTwo() throws {
        var fused = english
        fused[3] = String(english[3].dropLast()) + "; " + english[4]
        fused.remove(at: 4)
        let alignment = try aligner.align(SeedPairs.document(.english, [fused]), SeedPairs.document(.russian, [russian]))
        #expect(alignment.beads.map(\.shape) == ["1-1", "1-1", "1-1", "1-2", "1-1"])
    }

    @Test func threeSentencesTranslatedAsOne() throws {
        var fused = russian
        fused[0] = [russian[0], russian[1], russian[2]].map { String($0.dropLast()) }.joined(separator: "; ") + "."
        fused.removeSubrange(1...2)
        let alignment = try aligner.align(SeedPairs.document(.english, [english]), SeedPairs.document(.russian, [fused]))
        #expect(alignment.beads.map(\.shape) == ["3-1", "1-1", "1-1", "1-1"])
    }

    @Test func sentenceBoundariesThatDoNotCorrespondMakeATwoToTwo() throws {
        // The translation moves the boundary: a long and a short sentence become a short and a long one.
        let source = AlignDocument(name: "en", language: .english, paragraphs: [
            "Vladimir Putin met Shinzo Abe in Vladivostok on Saturday, where the two leaders discussed the islands, the peace treaty and joint projects for more than three hours. Talks went on.",
            "They will meet again on December 15 in Japan.",
        ])
        let target = AlignDocument(name: "ru", language: .russian, paragraphs: [
            "Владимир Путин встретился с Синдзо Абэ во Владивостоке в субботу. Лидеры обсуждали острова, мирный договор и совместные проекты более трёх часов, и переговоры продолжились.",
            "Они снова встретятся 15 декабря в Японии.",
        ])
        let alignment = try aligner.align(source, target)
        #expect(alignment.beads.map(\.shape) == ["2-2", "1-1"])
    }

    /// A translation that leaves out a whole section (60 sentences, more than the search's first
    /// band) still pairs everything else right: the band follows the path until it fits.
    @Test func aLongStretchLeftOutOfTheTranslation() throws {
        var english: [[String]] = [], russian: [[String]] = []
        for paragraph in 0..<100 {
            var en: [String] = [], ru: [String] = []
            for k in 0..<3 {
                let row = rows[(paragraph * 3 + k) % rows.count], number = paragraph * 3 + k + 1
                en.append("Item \(number): \(row.en)")
                ru.append("Пункт \(number): \(row.ru)")
            }
            english.append(en)
            if !(30..<50).contains(paragraph) { russian.append(ru) }
        }
        let alignment = try aligner.align(SeedPairs.document(.english, english), SeedPairs.document(.russian, russian))
        // Items are numbered on both sides; headlines without a stop run into the next item, so
        // compare the item numbers each bead holds rather than sentence counts.
        func items(_ text: String, _ label: String) -> [Int] {
            text.components(separatedBy: label + " ").dropFirst().compactMap { Int($0.prefix(while: \.isNumber)) }
        }
        var omitted: [Int] = []
        for bead in alignment.beads {
            let english = items(alignment.sourceText(of: bead), "Item"), russian = items(alignment.targetText(of: bead), "Пункт")
            if bead.isPair { #expect(english == russian) } else { omitted += english + russian }
        }
        #expect(omitted == Array(91...150))
    }

    @Test func eitherSideMayBeTheOriginal() throws {
        let english = SeedPairs.document(.english, [self.english])
        let russian = SeedPairs.document(.russian, [self.russian])
        let forward = try aligner.align(english, russian)
        let backward = try aligner.align(russian, english)
        #expect(backward.sourceLanguage == .russian)
        #expect(SeedPairs.pairs(backward).map { [$0.target, $0.source] } == SeedPairs.pairs(forward).map { [$0.source, $0.target] })
    }

    @Test func japaneseHasItsOwnLengthRatio() throws {
        let rows = self.rows[3...8]
        let alignment = try aligner.align(SeedPairs.document(.english, [rows.map(\.en)]), SeedPairs.document(.japanese, [rows.map(\.ja)]))
        #expect(alignment.beads.map(\.shape) == Array(repeating: "1-1", count: rows.count))
        #expect(alignment.lengthRatio > 0.3 && alignment.lengthRatio < 0.6)
    }

    /// Documents that are not each other's translation are aligned anyway, but never silently.
    @Test func mismatchedDocumentsAreReported() throws {
        let short = try aligner.align(SeedPairs.document(.english, [english]), SeedPairs.document(.russian, [[russian[0]]]))
        #expect(short.warnings.contains { if case .lengthMismatch = $0 { true } else { false } })
        let unrelated = (0..<12).map { "Число \($0 * 7919 + 1000) не имеет отношения к статье; \($0 + 2) раза больше, чем ожидалось." }
        let other = try aligner.align(SeedPairs.document(.english, [english + english]), SeedPairs.document(.russian, [unrelated]))
        #expect(other.warnings.contains { if case .weakAlignment = $0 { true } else { false } })
        let swapped = try aligner.align(SeedPairs.document(.english, [russian]), SeedPairs.document(.russian, [english]))
        #expect(swapped.warnings.contains(.wrongScript(file: "en.txt", language: "en", script: "Cyrillic")))
    }

    @Test func glossaryNamesAnchorInflectedForms() throws {
        let glossary = try GlossaryFile.read(path: KiokuTestSupportPaths.glossary)
        let vocabulary = AnchorVocabulary()
        let kinds: Set<AnchorKind> = [.glossaryName]
        let russian = AnchorExtractor(language: .russian, otherLanguage: .english, vocabulary: vocabulary, kinds: kinds, glossary: glossary, lexicon: nil)
        let english = AnchorExtractor(language: .english, otherLanguage: .russian, vocabulary: vocabulary, kinds: kinds, glossary: glossary, lexicon: nil)
        let japanese = AnchorExtractor(language: .japanese, otherLanguage: .english, vocabulary: vocabulary, kinds: kinds, glossary: glossary, lexicon: nil)
        let ru = Set(russian.anchors(of: "Переговоры с Путиным прошли во Владивостоке.").map(\.key))
        let en = Set(english.anchors(of: "Talks with Putin were held in Vladivostok.").map(\.key))
        let ja = Set(japanese.anchors(of: "プーチン大統領との会談はウラジオストクで行われた。").map(\.key))
        #expect(ru.count == 2)
        #expect(ru == en)
        #expect(ja == en)
    }

    @Test func omissionsAndDoubtfulPairsAreScored() throws {
        var shortened = russian
        shortened.remove(at: 2)
        let alignment = try aligner.align(SeedPairs.document(.english, [english]), SeedPairs.document(.russian, [shortened]))
        let omission = try #require(alignment.beads.first { !$0.isPair })
        #expect(omission.score > 0.5)
        #expect(alignment.units().count == 5)
        #expect(alignment.units().allSatisfy { $0.metadata.property(Alignment.scoreProperty) != nil })
        #expect(alignment.units(minimumScore: 1.01).isEmpty)
    }
}

/// Paths of files the tests share.
enum KiokuTestSupportPaths {
    static var glossary: String { Repository.glossary("names-and-places.tsv") }
}
