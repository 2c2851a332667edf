import ArgumentParser
import KiokuFormats

/// `kioku import --format tmx|tsv|csv|xliff|moses`.
extension UnitFormat: ExpressibleByArgument {}
