import Hummingbird
import KiokuMemory
import KiokuTerms
import Logging

extension KiokuServer {
    /// Every route of the server over an open TM, without a listening socket: for in-process
    /// clients such as Hummingbird's router test framework (the fuzz target uses it). The index
    /// is brought up to date and loaded first, as `run` does.
    public static func router(memory: any MemoryStore, glossary: Glossary, token: String?,
                              unknownPairs: UnknownPairAnswer = .empty, logger: Logger) throws -> Router<BasicRequestContext> {
        try TranslationService(memory: memory, glossary: glossary, token: token, unknownPairs: unknownPairs, logger: logger).router()
    }
}
