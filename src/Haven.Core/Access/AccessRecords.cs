namespace Haven.Core.Access;

public enum AccessAction { View, Change, Search, Denied, Export, SignIn, BreakGlass, Destroy }

/// One line of the append-only access log. Each entry carries the hash of the one before, so an
/// edit, deletion or reordering made directly in the database breaks the chain (audit verify).
public class AccessLogEntry
{
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public int? WorkerId { get; set; }
    public AccessAction Action { get; set; }
    public int? ChildId { get; set; }
    public required string Resource { get; set; }
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// An explicit grant to open one child's record: the access list of a restricted record, or a
/// partner agency's narrow access to a child it works with.
public class RecordAccessGrant
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int WorkerId { get; set; }
    public required string Reason { get; set; }
    public int? GrantedByWorkerId { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// Emergency access a worker gave themselves, with a typed reason, for a short time (BreakGlass).
    public bool IsBreakGlass { get; set; }
}
