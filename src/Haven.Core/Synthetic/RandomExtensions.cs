using System.Runtime.InteropServices;

namespace Haven.Core.Synthetic;

/// Small helpers over System.Random. Everything the generator draws goes through one seeded
/// Random, in a fixed order, so the same seed gives the same borough.
internal static class RandomExtensions
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static int Between(this Random rng, int min, int maxInclusive) =>
        maxInclusive <= min ? min : rng.Next(min, maxInclusive + 1);

    public static T Weighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, w) in items) total += w;
        var x = rng.NextDouble() * total;
        foreach (var (item, w) in items)
        {
            if (x < w) return item;
            x -= w;
        }
        return items[^1].Item;
    }

    public static void Shuffle<T>(this Random rng, List<T> items) => rng.Shuffle(CollectionsMarshal.AsSpan(items));

    /// A date between two dates, both included.
    public static DateOnly DateBetween(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

    /// A date of birth that makes someone exactly `age` on `today`.
    public static DateOnly BirthDateForAge(this Random rng, DateOnly today, int age) =>
        rng.DateBetween(today.AddYears(-age - 1).AddDays(1), today.AddYears(-age));

    /// Integer counts summing exactly to `total`, in proportion to the weights (largest remainder).
    public static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left))
            counts[i]++;
        return counts;
    }
}

internal static class Dates
{
    public static DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var d = date;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }

    /// The date, or the Friday before if it falls at a weekend: office work happens on weekdays.
    public static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static int AgeOn(DateOnly dob, DateOnly date)
    {
        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }
}
