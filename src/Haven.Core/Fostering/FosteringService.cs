using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Fostering;

public sealed record EnquiryOptions(ApplicantKind Kind, string? HouseholdName, string? Postcode, EnquirySource Source, int? CampaignId,
    DateOnly? EnquiryDate, DateOnly? InitialVisitDate, DateOnly? ApplicationDate, DateOnly? Stage1Date, DateOnly? Stage2Date,
    DateOnly? PanelDate, DateOnly? ApprovalDate, DateOnly? LeftDate, LeavingReason? LeftReason, string? LeftNotes, bool SecondTimeAdopter);

public sealed record HouseholdOptions(HouseholdKind Kind, string? Name, string? Postcode, int? EnquiryId, DateOnly? ApprovalDate,
    DateOnly? TemporaryApprovalDate, int MaxChildren, int AgeFrom, int AgeTo, CareType CareType, int SupervisingWorkerId);

/// The rules for recruitment enquiries and households, shared by the pages and the API. Field names
/// in the errors are the options' property names; each caller maps them to its own.
public sealed class FosteringService(HavenDbContext db, TimeProvider clock)
{
    public static Dictionary<string, string> Validate(EnquiryOptions o, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) errors[nameof(o.Kind)] = "Select whether this is fostering or adoption";
        if (!Enum.IsDefined(o.Source)) errors[nameof(o.Source)] = "Select where the enquiry came from";
        if (string.IsNullOrWhiteSpace(o.HouseholdName)) errors[nameof(o.HouseholdName)] = "Enter the household's name";
        else if (o.HouseholdName.Trim().Length > 200) errors[nameof(o.HouseholdName)] = "The household's name must be 200 characters or fewer";
        if (o.Postcode is { Length: > 10 }) errors[nameof(o.Postcode)] = "Postcode must be 10 characters or fewer";
        if (o.Source == EnquirySource.Campaign && o.CampaignId is null) errors[nameof(o.CampaignId)] = "Select the campaign the enquiry came from";
        if (o.Source != EnquirySource.Campaign && o.CampaignId is not null) errors[nameof(o.CampaignId)] = "Only an enquiry from a campaign names a campaign";
        if (o.SecondTimeAdopter && o.Kind != ApplicantKind.Adoption) errors[nameof(o.SecondTimeAdopter)] = "Only adopters can be second-time adopters";
        if (o.EnquiryDate is null) { errors[nameof(o.EnquiryDate)] = "Enter the date of the enquiry"; return errors; }

        // Each step on or after the one before; no step without the steps before it; none in the future.
        (string Field, string Label, DateOnly? Date)[] steps =
        [
            (nameof(o.EnquiryDate), "The enquiry", o.EnquiryDate), (nameof(o.InitialVisitDate), "The initial visit", o.InitialVisitDate),
            (nameof(o.ApplicationDate), "The application", o.ApplicationDate), (nameof(o.Stage1Date), "Assessment stage 1", o.Stage1Date),
            (nameof(o.Stage2Date), "Assessment stage 2", o.Stage2Date), (nameof(o.PanelDate), "The panel", o.PanelDate),
            (nameof(o.ApprovalDate), "Approval", o.ApprovalDate),
        ];
        DateOnly? last = null;
        var gap = false;
        for (var i = 0; i < steps.Length; i++)
        {
            var (field, label, date) = steps[i];
            if (date is null) { gap = true; continue; }
            if (date > today) errors[field] = $"{label} date must be today or in the past";
            else if (gap) errors[field] = $"Enter the date of {steps[i - 1].Label.ToLowerInvariant()} first";
            else if (last is { } l && date < l) errors[field] = $"{label} date must be on or after {steps[i - 1].Label.ToLowerInvariant()}";
            last = date;
        }
        if (o.LeftDate is { } left)
        {
            if (o.ApprovalDate is not null) errors[nameof(o.LeftDate)] = "An approved household has not left the funnel: leave the date they left blank";
            else if (left > today) errors[nameof(o.LeftDate)] = "The date they left must be today or in the past";
            else if (last is { } l && left < l) errors[nameof(o.LeftDate)] = "The date they left must be on or after the last step they reached";
            if (o.LeftReason is null || !Enum.IsDefined(o.LeftReason.Value)) errors[nameof(o.LeftReason)] = "Select why they left";
        }
        else if (o.LeftReason is not null) errors[nameof(o.LeftDate)] = "Enter the date they left";
        if (o.LeftNotes is { Length: > 1000 }) errors[nameof(o.LeftNotes)] = "Notes must be 1000 characters or fewer";
        return errors;
    }

    public async Task<Dictionary<string, string>> ValidateAsync(EnquiryOptions o, CancellationToken ct)
    {
        var errors = Validate(o, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!errors.ContainsKey(nameof(o.CampaignId)) && o.CampaignId is { } id
            && !await db.RecruitmentCampaigns.AnyAsync(c => c.Id == id && c.Kind == o.Kind, ct))
            errors[nameof(o.CampaignId)] = "There is no such campaign for this kind of recruitment";
        return errors;
    }

    public static void Apply(RecruitmentEnquiry e, EnquiryOptions o)
    {
        e.Kind = o.Kind; e.HouseholdName = o.HouseholdName!.Trim(); e.Postcode = string.IsNullOrWhiteSpace(o.Postcode) ? null : o.Postcode.Trim().ToUpperInvariant();
        e.Source = o.Source; e.CampaignId = o.CampaignId; e.EnquiryDate = o.EnquiryDate!.Value; e.InitialVisitDate = o.InitialVisitDate;
        e.ApplicationDate = o.ApplicationDate; e.Stage1Date = o.Stage1Date; e.Stage2Date = o.Stage2Date; e.PanelDate = o.PanelDate;
        e.ApprovalDate = o.ApprovalDate; e.LeftDate = o.LeftDate; e.LeftReason = o.LeftDate is null ? null : o.LeftReason;
        e.LeftNotes = string.IsNullOrWhiteSpace(o.LeftNotes) ? null : o.LeftNotes.Trim(); e.SecondTimeAdopter = o.SecondTimeAdopter;
    }

    public async Task<RecruitmentEnquiry> AddAsync(EnquiryOptions o, int? workerId, CancellationToken ct)
    {
        var e = new RecruitmentEnquiry { RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = workerId, Version = Guid.NewGuid() };
        Apply(e, o);
        db.RecruitmentEnquiries.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<Dictionary<string, string>> ValidateAsync(HouseholdOptions o, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) errors[nameof(o.Kind)] = "Select mainstream or connected person";
        if (!Enum.IsDefined(o.CareType)) errors[nameof(o.CareType)] = "Select the type of care the household is approved for";
        if (string.IsNullOrWhiteSpace(o.Name)) errors[nameof(o.Name)] = "Enter the household's name";
        else if (o.Name.Length > 200) errors[nameof(o.Name)] = "The household's name must be 200 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.Postcode)) errors[nameof(o.Postcode)] = "Enter the household's postcode";
        else if (o.Postcode.Length > 10) errors[nameof(o.Postcode)] = "Postcode must be 10 characters or fewer";
        if (o.MaxChildren is < 1 or > 6) errors[nameof(o.MaxChildren)] = "Number of children must be between 1 and 6";
        if (o.AgeFrom is < 0 or > 17) errors[nameof(o.AgeFrom)] = "Youngest age must be between 0 and 17";
        if (o.AgeTo is < 0 or > 20) errors[nameof(o.AgeTo)] = "Oldest age must be between 0 and 20";
        else if (o.AgeTo < o.AgeFrom) errors[nameof(o.AgeTo)] = "Oldest age must be the same as or more than the youngest age";
        if (o.Kind == HouseholdKind.Mainstream && o.ApprovalDate is null) errors[nameof(o.ApprovalDate)] = "Enter the date the household was approved";
        if (o.Kind == HouseholdKind.ConnectedPerson && o.ApprovalDate is null && o.TemporaryApprovalDate is null)
            errors[nameof(o.TemporaryApprovalDate)] = "Enter the date of temporary approval, or of full approval";
        if (o.Kind == HouseholdKind.Mainstream && o.TemporaryApprovalDate is not null) errors[nameof(o.TemporaryApprovalDate)] = "Only connected persons have temporary approval";
        if (o.ApprovalDate > today) errors[nameof(o.ApprovalDate)] = "Approval date must be today or in the past";
        if (o.TemporaryApprovalDate > today) errors[nameof(o.TemporaryApprovalDate)] = "Temporary approval date must be today or in the past";
        if (!await db.Workers.AnyAsync(w => w.Id == o.SupervisingWorkerId, ct)) errors[nameof(o.SupervisingWorkerId)] = "Select the supervising social worker";
        if (o.EnquiryId is { } eid && !await db.RecruitmentEnquiries.AnyAsync(e => e.Id == eid && e.Kind == ApplicantKind.Fostering && e.ApprovalDate != null, ct))
            errors[nameof(o.EnquiryId)] = "There is no approved fostering enquiry with that number";
        return errors;
    }

    public async Task<FosterHousehold> AddAsync(HouseholdOptions o, CancellationToken ct)
    {
        var h = new FosterHousehold
        {
            Kind = o.Kind, Name = o.Name!.Trim(), Postcode = o.Postcode!.Trim().ToUpperInvariant(), EnquiryId = o.EnquiryId, ApprovalDate = o.ApprovalDate,
            TemporaryApprovalDate = o.TemporaryApprovalDate, MaxChildren = o.MaxChildren, AgeFrom = o.AgeFrom, AgeTo = o.AgeTo, CareType = o.CareType,
            SupervisingWorkerId = o.SupervisingWorkerId, RecordedAt = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
        };
        db.FosterHouseholds.Add(h);
        await db.SaveChangesAsync(ct);
        return h;
    }
}
