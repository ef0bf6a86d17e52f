using Haven.Core.Data;
using Haven.Core.Workforce;

namespace Haven.Core.FrontDoor;

public enum PartnerAgency { Police, Health, Education, Probation, Housing, Other }

/// Red, amber, green: how urgent the MASH worker judges the information request to be.
public enum Rag { Red, Amber, Green }

/// A MASH check: a request to a partner agency for what it knows, with a due time set by its
/// RAG rating, and the partner's response recorded against it.
public class MashCheck : IVersioned
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public PartnerAgency Agency { get; set; }
    /// For Other: which agency.
    public string? AgencyName { get; set; }
    public Rag Rag { get; set; }
    public string Question { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public DateTime DueAt { get; set; }
    public int? RequestedByWorkerId { get; set; }
    public Worker? RequestedBy { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? Response { get; set; }
    public int? ResponseRecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public bool IsOverdue(DateTime now) => RespondedAt is null && DueAt < now;

    /// Local practice defaults: red within 4 hours, amber within 24, green within 72.
    public static TimeSpan DefaultTimeFor(Rag rag) => rag switch
    {
        Rag.Red => TimeSpan.FromHours(4),
        Rag.Amber => TimeSpan.FromHours(24),
        _ => TimeSpan.FromHours(72),
    };

    public static string Describe(PartnerAgency a) => a switch
    {
        PartnerAgency.Police => "Police",
        PartnerAgency.Health => "Health",
        PartnerAgency.Education => "Education",
        PartnerAgency.Probation => "Probation",
        PartnerAgency.Housing => "Housing",
        _ => "Other",
    };
}

/// What the out-of-hours team did overnight about a contact, for the day MASH to acknowledge.
public class OutOfHoursHandover : IVersioned
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public string ActionsTaken { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public int? AcknowledgedByWorkerId { get; set; }
    public Worker? AcknowledgedBy { get; set; }
    public Guid Version { get; set; }
}
