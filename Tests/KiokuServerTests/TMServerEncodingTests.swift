import Foundation
import NIOCore
import Testing
@testable import KiokuServer

/// The tmserver route reads its text and writes its answer by hand, for speed: both must give
/// exactly what Foundation gave before (clients saw those bytes).
struct TMServerEncodingTests {
    static let awkwardTexts: [String] = {
        var controls = ""
        for value in 0..<0x80 { controls.unicodeScalars.append(Unicode.Scalar(value)!) }
        return [controls, "", "Токио — «столица»", "東京\u{2028}\u{2029}\u{85}", "a/b\\c\"d", "e\u{301}", "🇯🇵 Abe"]
    }()

    @Test func answersAreTheBytesJSONEncoderWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in Self.awkwardTexts {
            for quality in [0.0, 85, 100] {
                let matches = [TMServerMatch(source: text, target: "Токио", quality: quality, context: text),
                               TMServerMatch(source: "Tokyo", target: text, quality: 100, context: "")]
                for shown in [[], matches] {
                    let expected = try encoder.encode(shown)
                    var written = TMServerMatch.jsonArray(shown)
                    #expect(written.readBytes(length: written.readableBytes) == Array(expected), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func theUnitTextIsDecodedAsFoundationDecodedIt() throws {
        func foundation(_ path: String) -> String? {
            let raw = path.components(separatedBy: "/unit/").dropFirst().joined(separator: "/unit/")
            return raw.isEmpty ? nil : raw.removingPercentEncoding?.replacingOccurrences(of: "\r", with: " ")
        }
        var paths = ["/tmserver/en/ru/unit/", "/tmserver/en/ru/languages/", "/api/v1/en/ru/unit/Tokyo%20is%20big",
                     "/tmserver/en/ru/unit/a%0D%0Ab", "/tmserver/en/ru/unit/x/unit/y", "/tmserver/en/ru/unit/%E6%9D%B1%E4%BA%AC",
                     "/tmserver/en/ru/unit/100%25", "/tmserver/en/ru/unit/a+b%2Fc"]
        for text in Self.awkwardTexts {
            paths.append("/tmserver/en/ru/unit/" + text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        }
        for path in paths {
            #expect(try TranslationService.decodedUnitText(path) == foundation(path), "\(path)")
        }
        for bad in ["/tmserver/en/ru/unit/100%", "/tmserver/en/ru/unit/%zz", "/tmserver/en/ru/unit/%E6%9D", "/tmserver/en/ru/unit/%FF"] {
            #expect(foundation(bad) == nil)
            #expect(throws: RequestError.self) { try TranslationService.decodedUnitText(bad) }
        }
    }
}
