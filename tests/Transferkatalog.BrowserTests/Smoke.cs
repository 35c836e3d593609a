namespace Transferkatalog.BrowserTests;

[Collection(SiteCollection.Name)]
public sealed class SmokeTests(SiteUnderTest site)
{
    [Fact]
    public async Task Home_loads()
    {
        await using var p = await site.OpenAsync();
        await p.GotoAsync("");
        Assert.Equal("de", await p.Page.GetAttributeAsync("html", "lang"));
    }
}
