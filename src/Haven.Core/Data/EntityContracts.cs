namespace Haven.Core.Data;

/// An entity edited through forms: its Version changes on every save, so a stale form is detected
/// instead of silently overwriting someone else's change.
public interface IVersioned
{
    Guid Version { get; set; }
}

/// Soft deletion: the row stays, hidden from ordinary queries, with who removed it and why.
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }
    int? DeletedByWorkerId { get; set; }
    string? DeletionReason { get; set; }
}
