using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Workforce;

namespace Haven.Core.ChildrenLookedAfter;

/// A period of care (SSDA903): from the decision to look after a child to the day they stop being
/// looked after. Category of need and UASC status belong to the period; what changes within it is
/// recorded as episodes. Corrections add a new revision of the episodes and keep the old one.
public class PeriodOfCare : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    /// The decision to look after the child, who authorised it and why.
    public DateOnly DecisionDate { get; set; }
    public int AuthorisedByWorkerId { get; set; }
    public Worker AuthorisedBy { get; set; } = null!;
    public string DecisionReason { get; set; } = "";
    /// DECOM of the first episode; kept equal to it by the service.
    public DateOnly StartDate { get; set; }
    /// DEC of the last episode, when its REC is not X1.
    public DateOnly? EndDate { get; set; }
    public string? ReasonCeasedCode { get; set; }
    /// CIN: category of need, fixed for the period (903_category_of_need).
    public string CategoryOfNeedCode { get; set; } = "";
    /// Unaccompanied asylum-seeking child during this period, and when that status ceased (DUC).
    public bool IsUnaccompaniedAsylumSeeker { get; set; }
    public DateOnly? UascCeasedDate { get; set; }
    /// HOME_POST: the postcode of the home the child was removed from.
    public string HomePostcode { get; set; } = "";
    /// 903 PrevPerm: the permanence order the child had before this period of care (PREV_PERM, Z1 for
    /// none), the LA that arranged it (LA_PERM) and its date as the 903 writes it, dd/mm/yyyy with ZZ
    /// for an unknown day or month (DATE_PERM). Null where it was not recorded.
    public string? PreviousPermanenceCode { get; set; }
    public string? PreviousPermanenceLa { get; set; }
    public string? PreviousPermanenceDate { get; set; }
    /// The revision of the episodes that is current; earlier revisions are kept as history.
    public int Revision { get; set; } = 1;
    public int? InvolvementId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }
    public List<Episode> Episodes { get; } = [];
}

/// An SSDA903 episode: a stretch of a period of care with one legal status and one placement.
/// Rows are never rewritten: a correction supersedes the current rows and adds the new ones.
public class Episode
{
    public int Id { get; set; }
    public int PeriodOfCareId { get; set; }
    public PeriodOfCare PeriodOfCare { get; set; } = null!;
    public int ChildId { get; set; }
    public int Revision { get; set; }
    /// DECOM, RNE, LS.
    public DateOnly StartDate { get; set; }
    public string ReasonForNewEpisodeCode { get; set; } = "";
    public string LegalStatusCode { get; set; } = "";
    public int PlacementId { get; set; }
    public Placement Placement { get; set; } = null!;
    /// DEC, REC, REASON_PLACE_CHANGE.
    public DateOnly? EndDate { get; set; }
    public string? ReasonEpisodeCeasedCode { get; set; }
    public string? ReasonPlaceChangeCode { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    /// Set when a later revision replaced this row, with the reason given for the correction.
    public DateTime? SupersededAt { get; set; }
    public int? SupersededByWorkerId { get; set; }
    public string? CorrectionReason { get; set; }
}

/// Where a looked-after child lives: placement type and provider (903 PLACE, PLACE_PROVIDER), the
/// carer or home, its address and postcode, how far it is from home and whether it is inside the
/// council's area, when it started and ended and why, and why it was chosen for this child.
public class Placement : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int PeriodOfCareId { get; set; }
    public string PlacementTypeCode { get; set; } = "";
    public string? ProviderCode { get; set; }
    /// The foster carer(s) or the name of the home.
    public string CarerName { get; set; } = "";
    /// When the child stays with the same carer in a new placement (903 RNE T or U), the placement
    /// that carer had the child in before; otherwise null (a new carer).
    public int? SameCarerAsPlacementId { get; set; }
    public string AddressLine1 { get; set; } = "";
    public string? AddressLine2 { get; set; }
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";
    /// Ofsted unique reference number of the setting, or XXXXXXX when it has none.
    public string? Urn { get; set; }
    /// Straight-line miles from HOME_POST to the placement postcode, worked out when recorded.
    public decimal? DistanceFromHomeMiles { get; set; }
    public bool? InsideCouncilArea { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? ReasonForChangeCode { get; set; }
    /// Matching: why this placement meets this child's needs.
    public string Matching { get; set; } = "";
    /// When a review agreed this is the child's long-term placement (visits may then be 3-monthly after the first year).
    public DateOnly? LongTermAgreedDate { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    public int CarerKey => SameCarerAsPlacementId ?? Id;
    public string AddressOneLine => string.Join(", ", new[] { AddressLine1, AddressLine2, Town, Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
