using Haven.Core.Search;

namespace Haven.Core.Tests.Search;

public class SearchKeysTests
{
    [Fact]
    public void For_GivenAndFamilyName_ReturnsExactPrefixPhoneticAndNicknameKeys()
    {
        // Act
        var keys = SearchKeys.For("John", "Smith", null);

        // Assert
        Assert.Superset(new HashSet<string> { "n:john", "n:smith", "x:joh", "x:smi", "x:smit", "p:JN", "p:SMT", "k:john" }, keys.ToHashSet());
        Assert.DoesNotContain("x:smith", keys);
    }

    [Fact]
    public void For_FamilyName_HasNoNicknameKeys()
    {
        // Act
        var keys = SearchKeys.For("Amy", "Will", null);

        // Assert
        Assert.DoesNotContain("k:william", keys);
    }

    [Fact]
    public void ForQuery_ShortToken_HasNoPrefixOrSoundAlikeKey()
    {
        // Act
        var keys = SearchKeys.ForQuery("Jo");

        // Assert
        Assert.DoesNotContain(keys, k => k.StartsWith("x:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith("p:", StringComparison.Ordinal));
        Assert.Contains("n:jo", keys);
    }

    [Fact]
    public void Matches_TwoLetters_DoNotMatchASoundAlike()
    {
        // "Ch" and "Shah" share the one-consonant sound key; typing two letters must not list every Shah and Shaw.
        Assert.Equal(Phonetic.Key("Ch"), Phonetic.Key("Shah"));
        Assert.False(SearchKeys.Matches(SearchKeys.For("Ali", "Shah", null), "Ch"));
        Assert.True(SearchKeys.Matches(SearchKeys.For("Ali", "Shah", null), "Sha"));
    }

    [Fact]
    public void ForQuery_Blank_ReturnsNoKeys()
    {
        // Act
        var keys = SearchKeys.ForQuery(" - ");

        // Assert
        Assert.Empty(keys);
    }

    [Theory]
    [InlineData("John Smith")]
    [InlineData("Smith John")] // reversed
    [InlineData("smith")]
    [InlineData("Jon")] // nickname and prefix
    [InlineData("Johnny Smith")] // nickname
    [InlineData("Smi")] // prefix
    [InlineData("Jonh Smiht")] // typos that keep the sound: phonetic key
    [InlineData("Jahn Smyth")]
    [InlineData("Jhon Smitth")]
    [InlineData("John David Smith")] // other names
    public void Matches_QueryForJohnDavidSmith_FindsHim(string query)
    {
        // Arrange
        var keys = SearchKeys.For("John", "Smith", "David");

        // Act
        var matches = SearchKeys.Matches(keys, query);

        // Assert
        Assert.True(matches);
    }

    [Theory]
    [InlineData("Peter Smith")] // a different given name
    [InlineData("John Msith")] // consonants swapped: only the scorer catches this
    [InlineData("John Smitj")] // consonant substituted: only the scorer catches this
    [InlineData("")]
    public void Matches_QueryThatDoesNotFitJohnSmith_DoesNotFindHim(string query)
    {
        // Arrange
        var keys = SearchKeys.For("John", "Smith", null);

        // Act
        var matches = SearchKeys.Matches(keys, query);

        // Assert
        Assert.False(matches);
    }

    [Theory]
    [InlineData("Smith")]
    [InlineData("Jones")]
    [InlineData("SmithJones")]
    [InlineData("Smith-Jones")]
    [InlineData("Amy Jones")]
    [InlineData("Jones Amy")]
    public void Matches_PartOrWholeOfHyphenatedSurname_FindsPerson(string query)
    {
        // Arrange
        var keys = SearchKeys.For("Amy", "Smith-Jones", null);

        // Act
        var matches = SearchKeys.Matches(keys, query);

        // Assert
        Assert.True(matches);
    }

    [Theory]
    [InlineData("Bill Brown")]
    [InlineData("Billy Brown")]
    [InlineData("Will Brown")]
    [InlineData("Liam Brown")]
    public void Matches_NicknameOfGivenName_FindsPerson(string query)
    {
        // Arrange
        var keys = SearchKeys.For("William", "Brown", null);

        // Act
        var matches = SearchKeys.Matches(keys, query);

        // Assert
        Assert.True(matches);
    }

    [Theory]
    [InlineData("Zoë", "Bélanger", "Zoe Belanger")]
    [InlineData("Zoe", "Belanger", "Zoë Bélanger")]
    [InlineData("Sean", "O'Brien", "Sean OBrien")]
    [InlineData("Sean", "O'Brien", "Sean O’Brien")]
    [InlineData("Sean", "O'Brien", "Brien")]
    [InlineData("Sean", "OBrien", "O'Brien")]
    public void Matches_AccentsAndApostrophesTypedDifferently_FindsPerson(string firstName, string lastName, string query)
    {
        // Arrange
        var keys = SearchKeys.For(firstName, lastName, null);

        // Act
        var matches = SearchKeys.Matches(keys, query);

        // Assert
        Assert.True(matches);
    }
}
