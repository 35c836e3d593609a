namespace Transferkatalog.Tests.Robustness;

/// <summary>What lies in projekte/ besides plain .md files: other extensions, sub-folders, symbolic links.</summary>
public sealed class ContentFolderTests : IDisposable
{
    private readonly HostileInput input = new();

    public void Dispose() => input.Dispose();

    private static readonly string Profile = "---\n" + HostileInput.ValidFrontMatter.Replace("  organisation: O", "  organisation: O\n  email: o@example.org", StringComparison.Ordinal) + "---\nText.\n";

    [Theory]
    [InlineData("projekte/gross.MD", "gross.md")]
    [InlineData("projekte/lang.markdown", "lang.md")]
    [InlineData("projekte/unter/alt.Md", "alt.md")]
    [InlineData("seiten/kontakt.markdown", "kontakt.md")]
    public void Markdown_file_with_other_extension_is_not_silently_ignored(string relative, string suggestion)
    {
        // Such files were skipped without a word: the profile was simply missing from the site.
        input.Sample.Write(relative, Profile);
        var d = HostileInput.Single(input.Check(), "TK0014");
        Assert.EndsWith(relative, d.File);
        Assert.Contains($"'{suggestion}'", d.Message);
    }

    [Fact]
    public void Other_files_are_ignored()
    {
        input.Sample.Write("projekte/.gitkeep", string.Empty);
        input.Sample.Write("projekte/notizen.txt", "nur für uns");
        input.Sample.Write("projekte/x.md~", Profile);
        Assert.Empty(input.Check());
    }

    [Fact]
    public void Symbolic_link_loop_is_one_diagnostic_not_a_flood()
    {
        // A link back to the content folder was followed forty levels deep: 2,000 duplicate-slug errors, seiten/ read as profiles.
        Directory.CreateSymbolicLink(input.Sample.PathOf("projekte/zurueck"), "..");
        var diagnostics = input.Check();
        var d = HostileInput.Single(diagnostics, "TK0015");
        Assert.EndsWith("projekte/zurueck", d.File);
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Symbolic_link_to_another_folder_is_followed_once()
    {
        // Inside the content folder: a link that leaves it is refused (TK0016, see SymlinkAndSpecialFileTests).
        var elsewhere = Path.Combine(input.Sample.Content, "geteilt");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "geteilt.md"), Profile);
        Directory.CreateSymbolicLink(input.Sample.PathOf("projekte/a"), elsewhere);
        Directory.CreateSymbolicLink(input.Sample.PathOf("projekte/b"), elsewhere);
        var result = new Transferkatalog.Pipeline.SiteBuilder().Check(new Transferkatalog.Pipeline.BuildOptions(ContentDir: input.Sample.Content));

        // One file on disk is one profile, however many links lead to it.
        Assert.Empty(result.Diagnostics);
        Assert.Equal(4, result.ProfileCount);
    }
}
