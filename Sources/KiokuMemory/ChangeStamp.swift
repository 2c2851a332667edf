import Foundation

/// Who changed a unit and when, as TMX writes it (`changedate`, `changeid`): the date in
/// UTC, `20261127T185700Z`.
public struct ChangeStamp: Sendable, Hashable, Codable {
    public var date: String
    public var user: String?

    public init(date: String, user: String?) {
        self.date = date
        self.user = user
    }

    /// Now, by `user`.
    public static func now(by user: String?) -> ChangeStamp {
        ChangeStamp(date: tmxDate(Date()), user: user)
    }

    /// A date as TMX writes it.
    public static func tmxDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
