import ArgumentParser
import KiokuQA

extension QAFix: ExpressibleByArgument {}
