namespace Haven.Core.Synthetic;

/// Picks by weight along a golden-ratio sequence instead of with independent draws: over any run
/// of n picks each choice comes up within a pick or two of n × its share. For calibrated shares of
/// small groups (75 children in care in a 3,000-child borough), where independent draws swing a
/// share by ±6 points and a change anywhere upstream reshuffles which way. The starting point is
/// random, so the order still varies with the seed.
internal sealed class Stratified<T>(IReadOnlyList<(T Item, double Weight)> items, Random rng)
{
    private const double Step = 0.6180339887498949;
    private readonly double _total = items.Sum(i => i.Weight);
    private double _u = rng.NextDouble();

    public T Next()
    {
        _u = (_u + Step) % 1.0;
        var x = _u * _total;
        foreach (var (item, w) in items)
        {
            if (x < w) return item;
            x -= w;
        }
        return items[^1].Item;
    }
}
