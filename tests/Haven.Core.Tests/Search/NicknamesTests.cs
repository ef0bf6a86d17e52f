using Haven.Core.Search;

namespace Haven.Core.Tests.Search;

public class NicknamesTests
{
    [Theory]
    [InlineData("Bill", "william")]
    [InlineData("liam", "william")]
    [InlineData("Peggy", "margaret")]
    [InlineData("Dick", "richard")]
    [InlineData("jimmy", "james")]
    [InlineData("Kathryn", "katherine")]
    [InlineData("William", "william")]
    public void CanonicalFormsOf_KnownName_IncludesCanonicalName(string name, string canonical)
    {
        // Act
        var forms = Nicknames.CanonicalFormsOf(name);

        // Assert
        Assert.Contains(canonical, forms);
    }

    [Fact]
    public void CanonicalFormsOf_NameInSeveralGroups_ReturnsEachCanonicalName()
    {
        // Act
        var forms = Nicknames.CanonicalFormsOf("Alex");

        // Assert
        Assert.Equal(["alexander", "alexandra"], forms.Order());
    }

    [Fact]
    public void CanonicalFormsOf_UnknownName_ReturnsNothing()
    {
        // Act
        var forms = Nicknames.CanonicalFormsOf("Zebedee");

        // Assert
        Assert.Empty(forms);
    }

    [Fact]
    public void GroupCount_BuiltInTable_HasAtLeastSixtyGroups()
    {
        // Assert
        Assert.True(Nicknames.GroupCount >= 60);
    }

    [Theory]
    [InlineData("Bob", "Robbie", true)]
    [InlineData("Betty", "Liz", true)]
    [InlineData("Bill", "Robert", false)]
    public void AreRelated_TwoNames_ReturnsWhetherTheyShareAGroup(string first, string second, bool expected)
    {
        // Act
        var related = Nicknames.AreRelated(first, second);

        // Assert
        Assert.Equal(expected, related);
    }
}
