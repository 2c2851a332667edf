import ArgumentParser
import KiokuFormats

/// `kioku import --format tmx|tsv|csv|xliff|moses|po`.
extension UnitFormat: ExpressibleByArgument {}
