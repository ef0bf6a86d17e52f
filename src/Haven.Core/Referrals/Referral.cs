using Haven.Core.Data;
using Haven.Core.People;

namespace Haven.Core.Referrals;

/// A referral to children's social care: the start of an episode of need, which the CIN census
/// calls CINdetails. It runs from the referral date to closure with a reason for closure; the
/// assessments, section 47 enquiries and plans of the episode hang off it.
public class Referral : IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Person Child { get; set; } = null!;
    /// CINreferralDate.
    public DateOnly ReferralDate { get; set; }
    /// ReferralSource: a code from the CIN census referral source list (codes/cin_referral_source.csv).
    public string SourceCode { get; set; } = "";
    /// PrimaryNeedCode (N1–N9), once the referral leads to action.
    public string? PrimaryNeedCode { get; set; }
    /// ReferralNFA: the referral led to no further action.
    public bool NoFurtherAction { get; set; }
    /// A referral within 12 months of a previous referral for the same child, fixed when it opens.
    public bool IsReReferral { get; set; }
    /// CINclosureDate and ReasonForClosure (RC1–RC9): the end of the episode of need.
    public DateOnly? ClosureDate { get; set; }
    public string? ReasonForClosureCode { get; set; }
    /// The front-door contact whose decision opened this referral, when it came through the front door.
    public int? ContactId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid Version { get; set; }

    /// A re-referral is a referral within 12 months of the date of a previous referral
    /// (CIN census, measure C1): the previous referral's date plus one year is on or after this one.
    public static bool IsWithinTwelveMonths(DateOnly previousReferral, DateOnly referral) =>
        previousReferral < referral && previousReferral.AddYears(1) >= referral;
}
