import Foundation
import Testing
import KiokuTestSupport
@testable import KiokuFormats

/// Hostile and broken files: each is an error naming the file and line, never a crash or a fetch.
@Suite struct BadInputTests {
    func failure(_ path: String) -> FormatError? {
        do {
            _ = try readTMX(path)
            return nil
        } catch let error as FormatError {
            return error
        } catch {
            return nil
        }
    }

    @Test func billionLaughsIsRefusedNotExpanded() throws {
        let error = try #require(failure(Fixtures.path("bomb.tmx")))
        guard case .malformedXML(let at, let message) = error else { Issue.record("\(error)"); return }
        #expect(at.line == 11)
        #expect(message.contains("never expands DOCTYPE entities"))
        #expect(error.description.contains("bomb.tmx:11"))
    }

    @Test func externalEntitiesAreNeverFetched() throws {
        let error = try #require(failure(Fixtures.path("external-entity.tmx")))
        #expect(error.description.contains("&secret;"))
        #expect(!error.description.contains("root:"))  // /etc/passwd was not read
    }

    @Test func truncatedFileNamesWhereItEnds() throws {
        let error = try #require(failure(Fixtures.path("truncated.tmx")))
        guard case .malformedXML(let at, let message) = error else { Issue.record("\(error)"); return }
        #expect(at.file.hasSuffix("truncated.tmx"))
        #expect(message.contains("ends inside <seg>"))
        #expect(message.contains("truncated"))
    }

    @Test func mismatchedTagsNameBothLines() throws {
        let error = try #require(failure(Fixtures.path("mismatched.tmx")))
        guard case .malformedXML(let at, let message) = error else { Issue.record("\(error)"); return }
        #expect(at.line == 5)
        #expect(message == "</tuv> does not close <seg> opened at line 5")
    }

    /// Found by the job-xliff fuzz target: a name with control characters was read, and a
    /// pre-translated copy of the file could then not be read back.
    @Test func namesWithCharactersXMLForbidsAreErrors() throws {
        for (name, message) in [("a\u{01}b", "control character U+1"), ("a;b", "\";\" in an element"), ("a<b", "\"<\" in")] {
            let path = Scratch.file("bad-name.tmx", "<tmx version=\"1.4\">\n<body a\(name)=\"1\"/></tmx>")
            let error = try #require(failure(path), "\(name)")
            #expect(error.location?.line == 2)
            #expect(error.description.contains(message), "\(error)")
        }
        // Names in other scripts are names.
        let parser = try XMLPullParser(path: Scratch.file("unicode.xml", "<перевод 属性=\"1\"/>"))
        #expect(try parser.next() == .start(name: "перевод", attributes: [XMLAttribute(name: "属性", value: "1")]))
    }

    @Test func nulByteIsAnError() throws {
        let path = Scratch.file("nul.tmx", "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>a\u{0}b</seg></tuv></tu></body></tmx>")
        let error = try #require(failure(path))
        #expect(error.description.contains("NUL byte"))
    }

    @Test func invalidUTF8IsAnEncodingError() throws {
        var bytes = Array("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>".utf8)
        bytes += [0xC3, 0x28]  // broken two-byte sequence
        bytes += Array("</seg></tuv></tu></body></tmx>".utf8)
        let error = try #require(failure(Scratch.file("latin.tmx", bytes)))
        guard case .badEncoding(let at, _) = error else { Issue.record("\(error)"); return }
        #expect(at.line == 2)
    }

    @Test func notTMXAtAll() throws {
        let error = try #require(failure(Fixtures.path("translated.xlf")))
        #expect(error.description.contains("not a TMX file"))
        let empty = try #require(failure(Scratch.file("empty.tmx", "")))
        #expect(empty.description.contains("empty"))
        let missing = try #require(failure("/nonexistent/file.tmx"))
        #expect(missing.description.contains("/nonexistent/file.tmx"))
    }

    @Test func deepNestingIsBounded() throws {
        let deep = String(repeating: "<hi>", count: 5000)
        let path = Scratch.file("deep.tmx", "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>\(deep)")
        let error = try #require(failure(path))
        #expect(error.description.contains("nested deeper"))
    }

    @Test func undefinedEntityAndBareAmpersand() throws {
        let entity = Scratch.file("nbsp.tmx", "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>")
        #expect(failure(entity)?.description.contains("undefined entity &nbsp;") == true)
        let ampersand = Scratch.file("amp.tmx", "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>AT&T</seg></tuv></tu></body></tmx>")
        #expect(failure(ampersand)?.description.contains("&amp;") == true)
    }

    @Test func illegalCharacterReference() throws {
        let path = Scratch.file("ref.tmx", "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&#0;</seg></tuv></tu></body></tmx>")
        #expect(failure(path)?.description.contains("not a legal XML character") == true)
    }
}
