using Haven.Core.InformationGovernance;
using Xunit;

namespace Haven.Core.Tests.InformationGovernance;

/// Per-passage redaction review: each sentence of a free-text field is marked on its own for the
/// third parties it names, so the reviewer redacts what is about someone else and discloses the rest.
public class SubjectAccessPassagesTests
{
    private static readonly ThirdParty Mother = new(11, "H0011", "Sarah Okafor", "Adult");
    private static readonly ThirdParty Neighbour = new(12, "H0012", "Dennis Pryce", "Adult");

    [Fact]
    public void Mark_NoteNamingTwoOtherPeople_MarksOnlyTheSentencesThatNameThem()
    {
        var text = "Visited Amara at home. Sarah Okafor said she had not slept.\nAmara showed me her drawings. The neighbour, Mr Pryce, complained about noise!";

        var passages = SubjectAccessPassages.Mark("Body", text, [Mother, Neighbour], "Amara Okafor");

        Assert.Equal(4, passages.Count);
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], passages.Select(p => (p.Paragraph, p.Sentence)));
        Assert.Equal([false, true, false, true], passages.Select(p => p.ReviewForRedaction));
        Assert.Equal(["Sarah Okafor"], passages[1].Names);
        // Named by surname alone: still the neighbour.
        Assert.Equal(["Dennis Pryce"], passages[3].Names);
        Assert.Equal("The neighbour, Mr Pryce, complained about noise!", passages[3].Text);
    }

    [Fact]
    public void Mark_TheSubjectsOwnSurname_SharedWithTheirMother_DoesNotMarkThePassage()
    {
        // "Okafor" alone is the child's own name too: only the mother's full or first name counts.
        var passages = SubjectAccessPassages.Mark("Body", "Amara Okafor went to school. Okafor family moved in 2019. Sarah came later.", [Mother], "Amara Okafor");

        Assert.Equal([false, false, true], passages.Select(p => p.ReviewForRedaction));
    }

    [Fact]
    public void Mark_ANameInsideAnotherWord_IsNotAMatch()
    {
        var passages = SubjectAccessPassages.Mark("Body", "Sarahs and Prycer are not names here.", [Mother, Neighbour], "Amara Okafor");

        Assert.False(passages.Single().ReviewForRedaction);
    }
}
