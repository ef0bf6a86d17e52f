using Haven.Core.Search;

namespace Haven.Core.Tests.Search;

public class NameMatchScorerTests
{
    [Theory]
    [InlineData("smith", "smith", NameMatchScorer.Exact)]
    [InlineData("bill", "william", NameMatchScorer.Nickname)]
    [InlineData("will", "williamson", NameMatchScorer.Prefix)]
    [InlineData("smyth", "smith", NameMatchScorer.SoundsAlike)]
    [InlineData("msith", "smith", NameMatchScorer.OneEdit)] // adjacent letters swapped
    [InlineData("sminth", "smith", NameMatchScorer.OneEdit)] // extra letter
    [InlineData("snitth", "smith", NameMatchScorer.TwoEdits)]
    [InlineData("jones", "smith", 0)]
    [InlineData("ann", "amy", 0)] // two edits is too many for a short name
    [InlineData("jo", "jon", 0)] // prefixes need 3 letters
    [InlineData("ch", "shah", 0)] // and so do sound-alikes: two letters' key is one consonant
    public void TokenScore_KindOfMatch_ReturnsItsScore(string query, string name, int expected)
    {
        // Act
        var score = NameMatchScorer.TokenScore(query, name);

        // Assert
        Assert.Equal(expected, score);
    }

    [Fact]
    public void Score_ReversedName_ScoresAsExact()
    {
        // Act
        var score = NameMatchScorer.Score(["Smith", "John"], "John", "Smith", null);

        // Assert
        Assert.Equal(100, score);
    }

    [Fact]
    public void Score_MisspeltGivenAndFamilyName_StillMatches()
    {
        // Act
        var score = NameMatchScorer.Score(["Jonh", "Smiht"], "John", "Smith", null);

        // Assert
        Assert.Equal(NameMatchScorer.SoundsAlike, score);
    }

    [Fact]
    public void Score_ConsonantsSwapped_MatchesThroughEditDistance()
    {
        // Act
        var score = NameMatchScorer.Score(["John", "Msith"], "John", "Smith", null);

        // Assert
        Assert.Equal(80, score);
    }

    [Fact]
    public void Score_Nickname_ScoresBelowExact()
    {
        // Act
        var score = NameMatchScorer.Score(["Bill", "Brown"], "William", "Brown", null);

        // Assert
        Assert.Equal(95, score);
    }

    [Theory]
    [InlineData("Jon")]
    [InlineData("Jonat")]
    public void Score_StartOfGivenName_Matches(string query)
    {
        // Act
        var score = NameMatchScorer.Score([query], "Jonathan", "Taylor", null);

        // Assert
        Assert.True(score >= NameMatchScorer.Prefix);
    }

    [Theory]
    [InlineData("Jones")]
    [InlineData("Smith")]
    [InlineData("SmithJones")]
    [InlineData("Smith-Jones")]
    public void Score_PartOrWholeOfHyphenatedSurname_ScoresAsExact(string query)
    {
        // Act
        var score = NameMatchScorer.Score([query], "Amy", "Smith-Jones", null);

        // Assert
        Assert.Equal(100, score);
    }

    [Fact]
    public void Score_AccentsAndApostropheOmitted_ScoresAsExact()
    {
        // Act
        var score = NameMatchScorer.Score(["Zoe", "OBrien"], "Zoë", "O'Brien", null);

        // Assert
        Assert.Equal(100, score);
    }

    [Fact]
    public void Score_WholeQueryAsOneString_SplitsIntoTokens()
    {
        // Act
        var score = NameMatchScorer.Score(["John Paul Smith"], "John", "Smith", "Paul");

        // Assert
        Assert.Equal(100, score);
    }

    [Fact]
    public void Score_TwoQueryTokensForOneNamePart_DoNotBothCount()
    {
        // Act
        var sameNameTwice = NameMatchScorer.Score(["Jon", "Jones"], "Jones", "Smith", null);
        var bothNames = NameMatchScorer.Score(["Jon", "Jones"], "Jon", "Jones", null);

        // Assert
        Assert.True(bothNames > sameNameTwice);
    }

    [Fact]
    public void Score_EmptyQuery_ReturnsZero()
    {
        // Act
        var score = NameMatchScorer.Score([], "John", "Smith", null);

        // Assert
        Assert.Equal(0, score);
    }

    [Fact]
    public void Score_CandidatesForJohnSmith_RankBestMatchesFirst()
    {
        // Arrange
        (string First, string Last)[] candidates =
        [
            ("Sarah", "Jones"),
            ("Peter", "Smith"),
            ("Jonh", "Smiht"),
            ("Jon", "Smyth"),
            ("John", "Smith"),
            ("Johnny", "Smith"),
        ];

        // Act
        var ranked = candidates
            .OrderByDescending(c => NameMatchScorer.Score(["John", "Smith"], c.First, c.Last, null))
            .Select(c => $"{c.First} {c.Last}");

        // Assert
        Assert.Equal(["John Smith", "Johnny Smith", "Jon Smyth", "Jonh Smiht", "Peter Smith", "Sarah Jones"], ranked);
    }

    [Theory]
    [InlineData("smith", "smith", 0)]
    [InlineData("smith", "msith", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment: a swapped pair is not edited again
    [InlineData("abc", "", 3)]
    [InlineData("wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft", "wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewisenhaft", 1)] // past the stack buffer (64)
    [InlineData("wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschafers", "wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschafesr", 1)]
    public void EditDistance_TwoStrings_CountsEdits(string a, string b, int expected)
    {
        // Act
        var distance = NameMatchScorer.EditDistance(a, b);

        // Assert
        Assert.Equal(expected, distance);
    }
}
