using Haven.Core.Search;

namespace Haven.Core.Tests.Search;

public class NameNormaliserTests
{
    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("Chloé", "chloe")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Søren", "soren")]
    [InlineData("Straße", "strasse")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Zoe\u0308", "zoe")] // e followed by a combining diaeresis
    [InlineData("O'Brien", "obrien")]
    [InlineData("  SMITH ", "smith")]
    [InlineData(null, "")]
    public void Normalise_NameWithAccentsOrPunctuation_ReturnsLowerCaseLetters(string? input, string expected)
    {
        // Act
        var normalised = NameNormaliser.Normalise(input);

        // Assert
        Assert.Equal(expected, normalised);
    }

    [Fact]
    public void Tokens_HyphenatedSurname_ReturnsBothPartsAndJoinedName()
    {
        // Act
        var tokens = NameNormaliser.Tokens("Smith-Jones");

        // Assert
        Assert.Equal(["smith", "jones", "smithjones"], tokens);
    }

    [Theory]
    [InlineData("O'Brien", "obrien", "brien")]
    [InlineData("D’Souza", "dsouza", "souza")]
    public void Tokens_NameWithApostrophe_ReturnsJoinedNameAndMainPart(string name, string joined, string part)
    {
        // Act
        var tokens = NameNormaliser.Tokens(name);

        // Assert
        Assert.Contains(joined, tokens);
        Assert.Contains(part, tokens);
        Assert.DoesNotContain(tokens, t => t.Length == 1);
    }

    [Fact]
    public void Tokens_SeveralNames_ReturnsOneTokenPerWord()
    {
        // Act
        var tokens = NameNormaliser.Tokens("Mary  Ann, Élise");

        // Assert
        Assert.Equal(["mary", "ann", "elise"], tokens);
    }

    [Fact]
    public void QueryTokens_HyphenatedWord_KeepsItAsOneToken()
    {
        // Act
        var tokens = NameNormaliser.QueryTokens("Smith-Jones  john");

        // Assert
        Assert.Equal(["smithjones", "john"], tokens);
    }
}
