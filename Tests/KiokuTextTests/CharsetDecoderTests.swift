import Testing
@testable import KiokuText

@Suite struct CharsetDecoderTests {
    func decode(_ bytes: [UInt8], _ encoding: String) throws -> String {
        let decoder = try CharsetDecoder(encoding: encoding)
        let out = try bytes.withUnsafeBytes { try decoder.decode($0, flush: true) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func windows1251Russian() throws {
        // "Путин" in windows-1251
        #expect(try decode([0xCF, 0xF3, 0xF2, 0xE8, 0xED], "windows-1251") == "Путин")
    }

    @Test func shiftJISJapanese() throws {
        // "東京" in Shift_JIS
        #expect(try decode([0x93, 0x8C, 0x8B, 0x9E], "Shift_JIS") == "東京")
    }

    @Test func utf16SplitAcrossChunks() throws {
        let decoder = try CharsetDecoder(encoding: "UTF-16LE")
        let bytes: [UInt8] = Array("露🇯🇵".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var out: [UInt8] = []
        for chunk in [Array(bytes[0..<3]), Array(bytes[3..<7]), Array(bytes[7...])] {
            out += try chunk.withUnsafeBytes { try decoder.decode($0, flush: false) }
        }
        out += try [UInt8]().withUnsafeBytes { try decoder.decode($0, flush: true) }
        #expect(String(decoding: out, as: UTF8.self) == "露🇯🇵")
    }

    @Test func invalidBytesAreAnError() throws {
        #expect(throws: CharsetDecoder.Failure.self) { try decode([0x41, 0xFF, 0xFE, 0x41], "UTF-8") }
        #expect(throws: CharsetDecoder.Failure.self) { try CharsetDecoder(encoding: "no-such-encoding") }
    }
}
