using Haven.Core.People;

namespace Haven.Core.Involvements;

/// The level of the council's current involvement with a child.
public enum InvolvementKind { EarlyHelp, Assessment, ChildInNeed, ChildProtection, InCare, CareLeaver }

/// One span of involvement: an early help episode, an assessment, a child in need or child
/// protection plan, a period in care, leaving-care support. The services that own those records
/// (referrals, plans, periods of care) open and close these; the platform uses them for the
/// child's summary, alerts and what is due.
public class Involvement
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public InvolvementKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// The last statutory review held (CP review conference, looked-after review, pathway plan review).
    public DateOnly? LastReviewDate { get; set; }
    public int ReviewsHeld { get; set; }
    public DateTime RecordedAt { get; set; }

    public static string Describe(InvolvementKind kind) => kind switch
    {
        InvolvementKind.EarlyHelp => "Early help",
        InvolvementKind.Assessment => "Assessment",
        InvolvementKind.ChildInNeed => "Child in need",
        InvolvementKind.ChildProtection => "Child protection",
        InvolvementKind.InCare => "In care",
        InvolvementKind.CareLeaver => "Care leaver",
        _ => kind.ToString(),
    };
}
