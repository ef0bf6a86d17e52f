using Haven.Core.Search;

namespace Haven.Core.Tests.Search;

public class PhoneticTests
{
    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Smith", "Smythe")]
    [InlineData("Jon", "John")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Thompson", "Thomson")]
    [InlineData("Macdonald", "McDonald")]
    [InlineData("Philip", "Phillip")]
    [InlineData("Claire", "Clare")]
    [InlineData("Leigh", "Lee")]
    [InlineData("Meghan", "Megan")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Sophie", "Sofia")]
    [InlineData("Isobel", "Isabelle")]
    [InlineData("Jonh", "John")] // stray h
    [InlineData("Smiht", "Smith")] // h moved
    public void Key_NamesThatSoundAlike_AreEqual(string first, string second)
    {
        // Act
        var firstKey = Phonetic.Key(first);
        var secondKey = Phonetic.Key(second);

        // Assert
        Assert.Equal(firstKey, secondKey);
    }

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("John", "James")]
    [InlineData("Smith", "Msith")]
    [InlineData("Katie", "Kathleen")]
    public void Key_NamesThatSoundDifferent_AreDifferent(string first, string second)
    {
        // Act
        var firstKey = Phonetic.Key(first);
        var secondKey = Phonetic.Key(second);

        // Assert
        Assert.NotEqual(firstKey, secondKey);
    }

    [Theory]
    [InlineData("Smith", "SMT")]
    [InlineData("Catherine", "KTRN")]
    [InlineData("McDonald", "MKDNLD")]
    [InlineData("", "")]
    [InlineData("Σοφία", "")]
    public void Key_Name_ReturnsConsonantSkeleton(string name, string expected)
    {
        // Act
        var key = Phonetic.Key(name);

        // Assert
        Assert.Equal(expected, key);
    }
}
