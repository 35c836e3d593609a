using System.Diagnostics;
using System.Text.Json;
using Transferkatalog.Tests.Support;

namespace Transferkatalog.Tests.FindReuse;

/// <summary>
/// Runs the theme's real suche.js in Node against a generated site, with fetch reading the output folder and counting
/// bytes, so tests check the search the browser runs, not a copy of it.
/// </summary>
public static class NodeSearch
{
    private const string Harness = """
        const fs = require("fs");
        const [, , script, dataDir, queriesFile] = process.argv;
        const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
        (async () => {
          const out = [];
          for (const q of queries) {
            let bytes = 0;
            const files = [];
            global.window = global;
            global.document = { dispatchEvent() {} };
            global.CustomEvent = function () {};
            global.fetch = async (url) => {
              const body = fs.readFileSync(url);
              bytes += body.length;
              files.push(url.substring(dataDir.length));
              return { ok: true, status: 200, json: async () => JSON.parse(body.toString("utf8")), text: async () => body.toString("utf8") };
            };
            delete require.cache[require.resolve(script)];
            delete global.TransferkatalogSuche;
            require(script);
            const hits = await window.TransferkatalogSuche.search(dataDir, q);
            out.push({ q, ids: hits === null ? null : hits.map((h) => h.id), bytes, files });
          }
          process.stdout.write(JSON.stringify(out));
        })().catch((e) => { console.error(e); process.exit(1); });
        """;

    /// <summary>One query's outcome: hit numbers best first (null when nothing searchable), bytes and files fetched.</summary>
    public sealed record Result(string Q, int[]? Ids, long Bytes, string[] Files);

    public static IReadOnlyList<Result> Run(string siteDir, IEnumerable<string> queries)
    {
        var work = Path.Combine(Path.GetTempPath(), "tk-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var harness = Path.Combine(work, "harness.js");
            var queriesFile = Path.Combine(work, "queries.json");
            File.WriteAllText(harness, Harness);
            File.WriteAllText(queriesFile, JsonSerializer.Serialize(queries.ToArray()));
            var script = Path.Combine(Repo.Assets, "suche.js");
            var dataDir = Path.Combine(siteDir, "suche") + "/";
            return Parse(RunNode(harness, script, dataDir, queriesFile));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Evaluates a JavaScript expression with suche.js loaded; returns what it prints as JSON.</summary>
    public static string Eval(string expression)
    {
        var work = Path.Combine(Path.GetTempPath(), "tk-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var file = Path.Combine(work, "eval.js");
            File.WriteAllText(file, $$"""
                global.window = global; global.document = { dispatchEvent() {} }; global.CustomEvent = function () {};
                require(process.argv[2]);
                process.stdout.write(JSON.stringify({{expression}}));
                """);
            return RunNode(file, Path.Combine(Repo.Assets, "suche.js"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RunNode(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("These tests run the theme's suche.js in Node.js; install Node (CI has it).", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();

            // A script that never settles must fail this test, not hang the whole run.
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("node did not finish within 2 minutes");
            }

            Assert.True(process.ExitCode == 0, "node failed: " + stderr.GetAwaiter().GetResult());
            return stdout.GetAwaiter().GetResult();
        }
    }

    private static List<Result> Parse(string json)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return JsonSerializer.Deserialize<List<Result>>(json, options) ?? [];
    }
}
