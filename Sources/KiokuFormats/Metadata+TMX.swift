extension Metadata {
    /// Builds metadata from TMX attributes: dates and users get their fields, the rest is kept.
    public init(tmxAttributes attributes: [XMLAttribute]) {
        var rest = attributes
        self.init(creationDate: rest.take("creationdate"), creationUser: rest.take("creationid"),
                  changeDate: rest.take("changedate"), changeUser: rest.take("changeid"), attributes: rest)
    }

    mutating func take(_ name: String) -> String? { attributes.take(name) }

    /// The TMX attributes for this metadata, dates and users included.
    public var tmxAttributes: [XMLAttribute] {
        var out: [XMLAttribute] = []
        if let creationDate { out.append(XMLAttribute(name: "creationdate", value: creationDate)) }
        if let creationUser { out.append(XMLAttribute(name: "creationid", value: creationUser)) }
        if let changeDate { out.append(XMLAttribute(name: "changedate", value: changeDate)) }
        if let changeUser { out.append(XMLAttribute(name: "changeid", value: changeUser)) }
        return out + attributes
    }
}
