using Haven.Core.Data;

namespace Haven.Core.Fostering;

/// Whom the council is recruiting: foster carers or adopters. Both go through the same funnel.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum ApplicantKind { Fostering, Adoption }

/// The steps from first enquiry to approval, in order (Fostering Services Regulations 2011; the
/// adoption two-stage process). A household reaches a step on the date recorded for it.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum RecruitmentStage { Enquiry, InitialVisit, Application, AssessmentStage1, AssessmentStage2, Panel, Approval }

/// Where an enquiry came from.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum EnquirySource { Campaign, WordOfMouth, Web, Event, ExistingCarer, Other }

/// Why a household stopped before approval.
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
public enum LeavingReason { ChangedCircumstances, ChoseAnotherAgency, NoLongerInterested, NoResponse, NotSuitable, AccommodationUnsuitable, PanelNotRecommended, Other }

/// A recruitment campaign, with its dates: enquiries that name it count towards its conversion.
public class RecruitmentCampaign : IVersioned
{
    public int Id { get; set; }
    public ApplicantKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Guid Version { get; set; }
}

/// One household's way through the recruitment funnel, from the first enquiry: the date each step
/// was reached, and if they left, when, at which step, and why. Adopters who have adopted before
/// (second-time adopters) are marked, as their training differs.
public class RecruitmentEnquiry : IVersioned
{
    public int Id { get; set; }
    public ApplicantKind Kind { get; set; }
    /// The household's name as the service knows it ("Sam and Alex Patel").
    public string HouseholdName { get; set; } = "";
    public string? Postcode { get; set; }
    public EnquirySource Source { get; set; }
    public int? CampaignId { get; set; }
    public RecruitmentCampaign? Campaign { get; set; }
    public DateOnly EnquiryDate { get; set; }
    public DateOnly? InitialVisitDate { get; set; }
    public DateOnly? ApplicationDate { get; set; }
    public DateOnly? Stage1Date { get; set; }
    public DateOnly? Stage2Date { get; set; }
    public DateOnly? PanelDate { get; set; }
    public DateOnly? ApprovalDate { get; set; }
    public DateOnly? LeftDate { get; set; }
    public LeavingReason? LeftReason { get; set; }
    public string? LeftNotes { get; set; }
    public bool SecondTimeAdopter { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedByWorkerId { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid Version { get; set; }

    public DateOnly? DateReached(RecruitmentStage stage) => stage switch
    {
        RecruitmentStage.Enquiry => EnquiryDate,
        RecruitmentStage.InitialVisit => InitialVisitDate,
        RecruitmentStage.Application => ApplicationDate,
        RecruitmentStage.AssessmentStage1 => Stage1Date,
        RecruitmentStage.AssessmentStage2 => Stage2Date,
        RecruitmentStage.Panel => PanelDate,
        RecruitmentStage.Approval => ApprovalDate,
        _ => null,
    };

    /// The furthest step reached.
    public RecruitmentStage Furthest => Enum.GetValues<RecruitmentStage>().Last(s => DateReached(s) is not null);

    public FunnelEntry ToEntry() => new(EnquiryDate, CampaignId, Source, Furthest, LeftDate is not null, LeftReason);
}

/// What the conversion figures need of one enquiry.
public sealed record FunnelEntry(DateOnly EnquiryDate, int? CampaignId, EnquirySource Source, RecruitmentStage Furthest, bool Left, LeavingReason? Reason);
