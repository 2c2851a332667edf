/// A sink for translation units in some file format.
public protocol UnitWriter: AnyObject {
    func write(_ unit: TranslationUnit) throws(FormatError)
    /// Writes what closes the document and moves the file into place.
    func finish() throws(FormatError)
}
