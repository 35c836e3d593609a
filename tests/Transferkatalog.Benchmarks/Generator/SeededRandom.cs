namespace Transferkatalog.Benchmarks.Generator;

/// <summary>SplitMix64: a tiny PRNG whose sequence is fixed by its seed on every runtime, unlike System.Random's unspecified algorithm.</summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Below(int count) => (int)(NextUInt64() % (ulong)count);

    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>Picks <paramref name="count"/> distinct items, in the order drawn.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        count = Math.Min(count, items.Count);
        var chosen = new HashSet<int>();
        var result = new List<T>(count);
        while (result.Count < count)
        {
            var i = Below(items.Count);
            if (chosen.Add(i))
            {
                result.Add(items[i]);
            }
        }

        return result;
    }
}
