using Haven.Core.Data;

namespace Haven.Core.Workforce;

public enum ContractType { Permanent, Agency, Locum }

/// One spell of a worker's employment in a team: contract type, qualified or not, start and leave
/// dates. A worker who leaves and returns, or moves from agency to permanent, has a new spell
/// (corrections are added, not rewritten). LeaveDate is the last day in post.
public class Employment : IVersioned
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public Worker Worker { get; set; } = null!;
    public int TeamId { get; set; }
    public ContractType ContractType { get; set; }
    /// A registered social worker (Social Work England), as against a support worker.
    public bool IsQualified { get; set; } = true;
    /// Full-time equivalent, e.g. 0.6 for three days a week.
    public decimal Fte { get; set; } = 1m;
    public DateOnly StartDate { get; set; }
    public DateOnly? LeaveDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }

    public bool InPostOn(DateOnly d) => StartDate <= d && (LeaveDate is null || LeaveDate >= d);
}

/// The number of funded social worker posts in a team from a date (its establishment). The row in
/// force on a date is the latest EffectiveFrom on or before it; a change is a new row.
public class TeamEstablishment
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public decimal Posts { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// Haven:Workforce settings. CaseWeights: how much one child counts towards a caseload by the kind
/// of their most demanding open involvement (InvolvementKind names); a kind not listed weighs 1.
public sealed class WorkforceSettings
{
    public Dictionary<string, double> CaseWeights { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ChildProtection"] = 1.5, ["InCare"] = 1.5, ["ChildInNeed"] = 1.0, ["Assessment"] = 1.0, ["CareLeaver"] = 0.75, ["EarlyHelp"] = 0.5,
    };

    public static string Describe(ContractType c) => c switch
    {
        ContractType.Permanent => "Permanent",
        ContractType.Agency => "Agency",
        ContractType.Locum => "Locum",
        _ => c.ToString(),
    };
}
