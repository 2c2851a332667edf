import KiokuFormats
import KiokuText

/// One import's decisions, unit by unit, inside its transaction: which languages to keep,
/// what the screen says, and whether a unit is already stored. The policy every store
/// shares; the store only carries out the typed writes.
struct ImportRun {
    let writer: any MemoryWriter
    let sources: [ImportSource]
    let options: ImportOptions
    let importedAt: String
    private(set) var report = ImportReport()
    /// Units and skips read so far.
    private(set) var seen = 0
    private var sourceIndex = 0
    private var origin: OriginID

    init(writer: any MemoryWriter, sources: [ImportSource], options: ImportOptions, importedAt: String) throws(MemoryError) {
        self.writer = writer
        self.sources = sources
        self.options = options
        self.importedAt = importedAt
        origin = try writer.recordOrigin(sources.first?.origin ?? "", importedAt: importedAt)
        report.files = sources.map(\.origin)
    }

    /// Tells the writer which hashes this batch's duplicate checks will ask about.
    func announce(_ batch: [ReadAhead.Item]) throws(MemoryError) {
        var contentHashes: [Int64] = [], pairHashes: [Int64] = []
        for case .unit(let unit, _, let hash) in batch {
            contentHashes.append(hash)
            if unit.variants.count >= 2 {
                pairHashes.append(unit.variants.count == 2 ? hash : ContentHash.pair(unit.variants[0], unit.variants[1]))
            }
        }
        try writer.expect(contentHashes: contentHashes, pairHashes: pairHashes)
    }

    mutating func take(_ item: ReadAhead.Item) throws(MemoryError) {
        switch item {
        case .endOfSource:
            sourceIndex += 1
            if sourceIndex < sources.count { origin = try writer.recordOrigin(sources[sourceIndex].origin, importedAt: importedAt) }
        case .skip(let skip):
            seen += 1
            report.count(skip, listing: options.maximumListedSkips)
        case .unit(let unit, let location, let hash):
            seen += 1
            guard case (var kept, let keptHash)? = keepingAskedLanguages(unit, hash: hash, at: location) else { return }
            guard screen(&kept, at: location) else { return }  // a flag is metadata: the hash stands
            try store(kept, hash: keptHash)
        }
    }

    /// The report, complete with the readers' notices and the TM's new size.
    mutating func finish() throws(MemoryError) -> ImportReport {
        report.notices = sources.flatMap(\.reader.notices)
        report.unitsInMemory = try writer.unitCount()
        return report
    }

    /// The unit with only the languages asked for, or nil (a skip) when fewer than two remain.
    private mutating func keepingAskedLanguages(_ unit: TranslationUnit, hash: Int64, at location: SourceLocation) -> (TranslationUnit, Int64)? {
        guard let languages = options.languages else { return (unit, hash) }
        var unit = unit
        unit.variants.removeAll { variant in !languages.contains { $0.covers(variant.language) } }
        guard unit.variants.count >= 2 else {
            report.count(Skip(location: location, reason: .outsideLanguages(languages)), listing: options.maximumListedSkips)
            return nil
        }
        if let source = unit.sourceLanguage, !unit.variants.contains(where: { $0.language == source }) {
            unit.sourceLanguage = unit.variants[0].language
        }
        return (unit, ContentHash.of(unit))
    }

    /// Applies the screen: false when it keeps the unit out; a flag is added to the unit.
    private mutating func screen(_ unit: inout TranslationUnit, at location: SourceLocation) -> Bool {
        guard let screen = options.screen else { return true }
        switch screen(unit, location) {
        case .accept:
            return true
        case .reject(let reason):
            report.rejected += 1
            if report.rejections.count < options.maximumListedSkips { report.rejections.append(Skip(location: location, reason: .screened(reason))) }
            return false
        case .flag(let reason):
            unit.metadata.properties.removeAll { $0.type == TranslationUnit.flagProperty }
            unit.metadata.properties.append(Property(type: TranslationUnit.flagProperty, value: reason))
            report.flagged += 1
            return true
        }
    }

    /// Stores the unit — unless it is already stored, whole or inside a richer unit (all its
    /// variants, identical, in one stored unit: OmegaT's EN–RU unit inside Kioku's EN–RU–JA
    /// one). Then the stored unit is kept and takes what the duplicate adds: newer dates, notes,
    /// properties.
    private mutating func store(_ unit: TranslationUnit, hash: Int64) throws(MemoryError) {
        if let existing = try storedCopy(of: unit, hash: hash) {
            try writer.mergeMetadata(into: existing, from: unit)
            report.duplicates += 1
        } else {
            let id = try writer.insert(unit, contentHash: hash, origin: origin)
            options.inserted?(id, unit)
            report.added += 1
        }
    }

    /// A stored unit with the same languages, texts and codes, or one that holds all of them
    /// and more (metadata does not count).
    private func storedCopy(of unit: TranslationUnit, hash: Int64) throws(MemoryError) -> UnitID? {
        for candidate in try writer.units(withContentHash: hash) where ContentHash.sameContent(try writer.variants(of: candidate), unit.variants) {
            return candidate
        }
        guard unit.variants.count >= 2 else { return nil }
        // a unit of two variants is its own pair: its content hash is the pair hash
        let pair = unit.variants.count == 2 ? hash : ContentHash.pair(unit.variants[0], unit.variants[1])
        for candidate in try writer.units(containingPair: pair) where ContentHash.contains(try writer.variants(of: candidate), unit.variants) {
            return candidate
        }
        return nil
    }
}
