using Haven.Core.Returns;
using Microsoft.Extensions.Configuration;

namespace Haven.Core.Tests.Returns;

public class CouncilSettingsTests
{
    private static CouncilSettings From(params (string Key, string? Value)[] values) =>
        CouncilSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => v.Value)).Build());

    [Fact]
    public void From_LaCodeConfigured_UsesIt()
    {
        var council = From(("Haven:Council:Name", "Havenbridge Borough Council"), ("Haven:Council:LaCode", " 931 "));
        Assert.Equal("931", council.LaCode);
        Assert.Equal("Havenbridge Borough Council", council.Name);
    }

    [Fact]
    public void From_NothingConfigured_IsTheDemoBoroughs999()
    {
        Assert.Equal("999", From().LaCode);
    }

    [Theory]
    [InlineData("93")]
    [InlineData("9311")]
    [InlineData("A31")]
    public void From_NotThreeDigits_Refused(string code)
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(("Haven:Council:LaCode", code)));
        Assert.Contains("three-digit", e.Message);
    }
}
