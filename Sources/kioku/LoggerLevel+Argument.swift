import ArgumentParser
import Logging

/// `kioku serve --log-level trace|debug|info|notice|warning|error|critical`.
extension Logger.Level: @retroactive ExpressibleByArgument {}
