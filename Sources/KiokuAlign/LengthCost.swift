import Foundation

/// Gale and Church's length cost: −log of the two-sided tail probability that two sentence
/// lengths (already on one scale) differ this much in translation, with a variance that grows
/// with the length. Read from a table: the aligner asks for it millions of times.
enum LengthCost {
    static func cost(source a: Double, target b: Double, variance: Double) -> Double {
        let delta = abs(b - a) / (variance * ((a + b) / 2 + 1)).squareRoot()
        let position = delta * Double(stepsPerUnit)
        guard position < Double(table.count - 1) else { return exact(delta) }
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }

    static func exact(_ delta: Double) -> Double {
        -log(max(erfc(delta / 2.0.squareRoot()), 1e-300))
    }

    private static let stepsPerUnit = 64
    private static let table: [Double] = (0...(40 * stepsPerUnit)).map { exact(Double($0) / Double(stepsPerUnit)) }
}
