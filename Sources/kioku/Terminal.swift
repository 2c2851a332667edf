import ArgumentParser
import Foundation
import KiokuFormats
import KiokuMemory

/// Output helpers: JSON for tools, messages and a progress line for people.
enum Terminal {
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Runs a command's work; an error the libraries report becomes a message with advice
    /// on standard error (see ``ErrorAdvice``) and exit status 2.
    static func reportingErrors(_ verb: ErrorAdvice.Verb, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let message = ErrorAdvice.message(for: error, verb: verb) else { throw error }
            Terminal.error(message)
            throw ExitCode(2)
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("kioku: " + message + "\n").utf8))
    }

    /// What the user should know about what the command is doing (standard error).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("kioku: note: " + message + "\n").utf8))
    }

    /// Something the user must know although the command did its job (exit status 0).
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("kioku: warning: " + message + "\n").utf8))
    }

    /// A progress line on standard error, redrawn in place; silent when stderr is not a terminal.
    final class Progress {
        private let label: String
        private let enabled = Terminal.standardErrorIsTerminal
        private let start = Date()
        private var lastDrawn = Date.distantPast

        init(_ label: String) { self.label = label }

        func update(units count: Int, fraction: Double?) {
            guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.1 else { return }
            lastDrawn = Date()
            let seconds = max(Date().timeIntervalSince(start), 0.001)
            var bar = ""
            if let fraction {
                let filled = Int(fraction * 30)
                bar = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled) + "] \(Int(fraction * 100))% "
            }
            let line = "\r\(label) \(bar)\(count.formatted()) units (\(Int(Double(count) / seconds).formatted())/s)\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
        }

        func finish() {
            guard enabled else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}

extension Int {
    /// 1234567 → "1,234,567".
    func formatted() -> String {
        let digits = String(abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}

extension Int {
    /// "1 unit", "2 units", "1,000 units".
    func counted(_ noun: String) -> String { "\(formatted()) \(noun)\(self == 1 ? "" : "s")" }
    func counted(_ noun: String, plural: String) -> String { "\(formatted()) \(self == 1 ? noun : plural)" }
}
