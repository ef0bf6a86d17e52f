using System.Text;
using Haven.Core.Involvements;
using Haven.Core.Workforce;

namespace Haven.Core.Synthetic;

/// What BoroughGenerator created, and which workers and children suit the demo accounts.
public sealed class BoroughSummary
{
    public int Children { get; init; }
    public int Adults { get; init; }
    public int Services { get; init; }
    public int Teams { get; init; }
    public int Workers { get; init; }
    public int Addresses { get; init; }
    public int Relationships { get; init; }
    public int ProfessionalContacts { get; init; }
    public int Involvements { get; init; }
    public int Allocations { get; init; }
    public int CaseNotes { get; init; }
    public int AccessLogEntries { get; init; }
    public int RestrictedChildren { get; init; }
    public int AccessGrants { get; init; }
    /// Children whose current involvement is of each kind (at most one per child).
    public required IReadOnlyDictionary<InvolvementKind, int> OpenByKind { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// A worker for every role, to link demo sign-ins to: a social worker with a caseload of about
    /// 15 to 20 with visits and reviews due or overdue, that worker's team manager, and so on.
    public required IReadOnlyDictionary<HavenRole, int> DemoWorkers { get; init; }

    /// A restricted child in the demo social worker's service whose access list leaves out the demo
    /// social worker and team manager.
    public int DemoRestrictedChildId { get; init; }

    /// A child allocated in another service (children in care), outside the demo social worker's.
    public int DemoOtherServiceChildId { get; init; }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Havenbridge generated in {Elapsed.TotalSeconds:0.0} s");
        sb.AppendLine($"  children {Children:N0}, adults {Adults:N0}, addresses {Addresses:N0}, relationships {Relationships:N0}");
        sb.AppendLine($"  services {Services}, teams {Teams}, workers {Workers}");
        sb.AppendLine($"  involvements {Involvements:N0}, allocations {Allocations:N0}, case notes {CaseNotes:N0}, professional contacts {ProfessionalContacts:N0}");
        sb.AppendLine($"  access-log entries {AccessLogEntries:N0}");
        sb.AppendLine($"  restricted children {RestrictedChildren} ({AccessGrants} access grants)");
        sb.AppendLine("  open now: " + string.Join(", ", Enum.GetValues<InvolvementKind>()
            .Select(k => $"{Involvement.Describe(k).ToLowerInvariant()} {OpenByKind.GetValueOrDefault(k)}")));
        sb.AppendLine("  demo workers: " + string.Join(", ", DemoWorkers.Select(d => $"{d.Key} {d.Value}")));
        sb.Append($"  demo children: restricted {DemoRestrictedChildId}, other service {DemoOtherServiceChildId}");
        return sb.ToString();
    }
}
