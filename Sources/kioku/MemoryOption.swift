import ArgumentParser

/// The `--tm PATH` option every command that works on a TM takes.
struct MemoryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The translation memory file (SQLite).", valueName: "path"), completion: .file(extensions: ["kioku"]))
    var tm: String
}
