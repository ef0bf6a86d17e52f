using Haven.Core.Data;

namespace Haven.Core.Tests.Data;

/// RecordChanges.LastChangeToAnyType: what is worked out from the whole record (the Data quality
/// page's failures) is out of date after a change to rows of any type that counts, or one of unknown
/// extent; not after a change that named only children (a case note, which no figure reads).
public sealed class RecordChangesTests
{
    [Fact]
    public void LastChangeToAnyType_MovesWithTypedAndUnknownChanges_NotWithChildrenOnly()
    {
        var changes = new RecordChanges();
        Assert.Equal(0, changes.LastChangeToAnyType());

        changes.Changed([typeof(Haven.Core.People.Person)], [7], false);
        var afterPerson = changes.LastChangeToAnyType();
        Assert.Equal(changes.Generation, afterPerson);

        // A case note's save: its child's record changed, no type that counts did.
        changes.Changed([], [7], false);
        Assert.Equal(afterPerson, changes.LastChangeToAnyType());
        Assert.True(changes.LastChangeToChild(7) > afterPerson);

        changes.Changed();
        Assert.Equal(changes.Generation, changes.LastChangeToAnyType());
    }
}
