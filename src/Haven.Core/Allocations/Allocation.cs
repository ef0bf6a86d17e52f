using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.Allocations;

public enum AllocationKind { SocialWorker, EarlyHelpWorker, Iro, PersonalAdviser, VirtualSchoolOfficer }

/// Who holds a child's case, from when to when, and who allocated it. Kept as history so
/// "allocated on a date" can be answered later for the returns and Ofsted's lists. Versioned: a change
/// of worker ends the current allocation from the version the manager read, so two managers changing
/// the worker at once cannot both end it and leave two open allocations.
public class Allocation : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public AllocationKind Kind { get; set; }
    public int WorkerId { get; set; }
    public Worker Worker { get; set; } = null!;
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? AllocatedByWorkerId { get; set; }
    public DateTime RecordedAt { get; set; }
    /// The 903 SW_REASON code (Codes/903_sw_reason.csv) of the change of worker that began this allocation; null for a first allocation recorded before reasons were kept.
    public string? ChangeReasonCode { get; set; }
    public Guid Version { get; set; }

    /// What the 903 reports for a child's first social-worker allocation recorded before Haven asked for
    /// its reason: the list has no code for a first allocation, and a first allocation is none of the
    /// listed changes, so it is "any other reason". Later allocations always carry the reason given.
    public const string FirstAllocationReason = "OTHERS";

    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);

    public static string Describe(AllocationKind kind) => kind switch
    {
        AllocationKind.SocialWorker => "Social worker",
        AllocationKind.EarlyHelpWorker => "Early help worker",
        AllocationKind.Iro => "Independent reviewing officer",
        AllocationKind.PersonalAdviser => "Personal adviser",
        AllocationKind.VirtualSchoolOfficer => "Virtual school officer",
        _ => kind.ToString(),
    };
}
