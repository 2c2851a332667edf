/// Dates as TMX writes them (`20161001T120000Z`) and as some tools write them instead
/// (`2016-10-01T12:00:00Z`): compared by the time they name, kept as written.
extension Metadata {
    /// The date's digits from year to second (`20161001120000`): a key under which both forms
    /// sort by time. Time-zone offsets are ignored (TMX dates are UTC).
    public static func sortKey(ofDate date: String) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(14)
        for byte in date.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            digits.append(byte)
            if digits.count == 14 { break }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Whether `date` names a later time than `other` (a missing date is the earliest).
    public static func isDate(_ date: String, laterThan other: String?) -> Bool {
        guard let other else { return true }
        return sortKey(ofDate: date) > sortKey(ofDate: other)
    }

    /// The newer of the creation and change dates, as written, if any.
    public var latestDate: String? {
        guard let changeDate else { return creationDate }
        guard let creationDate else { return changeDate }
        return Self.isDate(creationDate, laterThan: changeDate) ? creationDate : changeDate
    }

    /// The user of ``latestDate``: who changed it last, else who made it.
    public var latestUser: String? {
        guard let changeDate, latestDate == changeDate else { return creationUser ?? changeUser }
        return changeUser ?? creationUser
    }

    /// Takes `other`'s creation date and user when none is recorded, and its change date and
    /// user when newer than the recorded one. True when anything changed.
    public mutating func takeNewerDates(of other: Metadata) -> Bool {
        var changed = false
        if creationDate == nil, let created = other.creationDate {
            creationDate = created
            creationUser = other.creationUser
            changed = true
        }
        if let otherChange = other.changeDate, Self.isDate(otherChange, laterThan: changeDate) {
            changeDate = otherChange
            changeUser = other.changeUser
            changed = true
        }
        return changed
    }
}
