using System.Globalization;
using Transferkatalog.Benchmarks.Generator;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Benchmarks;

/// <summary>Entry point: generate a synthetic catalogue, convert it for Hugo, time whole builds against Hugo, or run stage micro-benchmarks.</summary>
public static class Program
{
    private const string Usage = """
        Aufruf (aus dem Repository-Wurzelordner, Release-Build):
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- generate --profiles 10000 --kommunen 4000 --out /tmp/cat10k [--seed N]
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- hugo-site --content /tmp/cat10k --out /tmp/hugo10k
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- benchmark [--runs 5] [--sizes 1000:400,10000:4000] [--work /tmp/tk-bench] [--no-hugo] [--delete-before] [--r2r | --jit | --cli PFAD]
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- phases --content /tmp/cat10k [--theme themes/default] [--threads N]
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- sizes --content /tmp/cat10k [--out /tmp/site10k] [--gzip]   (oder --site AUSGABEORDNER)
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- rebuild --content /tmp/cat10k [--runs 5]
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- serve-latency --content /tmp/cat10k [--saves 10] [--scenarios abc] [--cli PFAD/Transferkatalog.Cli(.dll)] [--log]
          dotnet run --project tests/Transferkatalog.Benchmarks -c Release -- stages [--profiles 1000 --kommunen 400] [BenchmarkDotNet-Optionen, z. B. --filter *Markdown*]
        """;

    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = Options.Parse(args[1..]);
        try
        {
            switch (args[0])
            {
                case "generate":
                    return Generate(options);
                case "hugo-site":
                    HugoSite.Convert(options.Require("content"), options.Require("out"), Repo.Root);
                    Console.WriteLine($"Hugo-Site geschrieben: {options.Require("out")}");
                    return 0;
                case "benchmark":
                    return new FullBuildBenchmark(options).Run();
                case "rebuild":
                    return RebuildTimer.Run(options);
                case "serve-latency":
                    return ServeLatency.Run(options);
                case "sizes":
                    return OutputSizes.Run(options);
                case "phases":
                    return PhaseTimer.Run(options);
                case "stages":
                    return StageBenchmarks.Run(options, args[1..]);
                default:
                    Console.Error.WriteLine($"unbekannter Befehl '{args[0]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is UsageException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"Fehler: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static int Generate(Options options)
    {
        var profiles = options.Int("profiles", 1000);
        var kommunen = options.Int("kommunen", Math.Max(4, profiles * 2 / 5));
        var seed = (ulong)options.Int("seed", 20261121);
        var output = options.Require("out");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var summary = new CatalogGenerator(profiles, kommunen, seed).Write(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Katalog erzeugt: {summary.Profiles} Steckbriefe, {summary.Kommunen} Kommunen ({summary.Kreise} Kreise), {summary.Words / summary.Profiles} Wörter je Text im Mittel, {summary.Bytes / 1024.0 / 1024.0:0.0} MiB in {watch.Elapsed.TotalSeconds:0.0} s → {output}"));
        return 0;
    }
}

/// <summary>A wrong or missing command-line argument.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" pairs and "--flag" switches; unknown ones are left for BenchmarkDotNet.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.values[name] = hasValue ? args[++i] : null;
        }

        return options;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} fehlt");

    public int Int(string name, int fallback)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageException($"--{name} erwartet eine ganze Zahl, nicht '{text}'");
    }
}
