import Foundation

/// A calendar day (no time of day, no time zone), as laws and decisions are dated.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Reads `YYYY-MM-DD`; nil for anything else, including days the month does not have.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= CalendarDay.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in China Standard Time, where the instruments take effect.
    public static func today() -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date a citation gives to the day, or only to the month or the year when that is all that is known
/// (`2026-03-15`, `2026-03`, `2019`). It covers every day from `first` to `last`.
public struct LegalDate: Sendable, Hashable, CustomStringConvertible {
    /// As written in the ruleset.
    public let text: String
    public let first: CalendarDay
    public let last: CalendarDay

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil for anything else.
    public init?(parsing text: String) {
        if let day = CalendarDay(iso: text) {
            first = day
            last = day
        } else if text.count == 7, let day = CalendarDay(iso: text + "-01") {
            first = day
            last = CalendarDay(year: day.year, month: day.month, day: CalendarDay.days(inMonth: day.month, year: day.year))
        } else if text.count == 4, let day = CalendarDay(iso: text + "-01-01") {
            first = day
            last = CalendarDay(year: day.year, month: 12, day: 31)
        } else {
            return nil
        }
        self.text = text
    }

    /// Whether the date is known to the day.
    public var isExact: Bool { first == last }

    public var description: String { text }
}
