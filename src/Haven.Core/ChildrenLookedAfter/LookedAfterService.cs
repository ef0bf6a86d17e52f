using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

public sealed record PlacementOptions(string PlacementTypeCode, string? ProviderCode, string CarerName, string AddressLine1,
    string? AddressLine2, string Town, string Postcode, string? Urn, string Matching, int? SameCarerAsPlacementId = null);

public sealed record StartPeriodOptions(int ChildId, DateOnly DecisionDate, int AuthorisedByWorkerId, string DecisionReason,
    DateOnly StartDate, string LegalStatusCode, string CategoryOfNeedCode, bool IsUnaccompaniedAsylumSeeker, string? HomePostcode,
    PlacementOptions Placement, PreviousPermanenceOptions? PreviousPermanence = null);

/// Where the child lived before this period of care, as the 903 PrevPerm file records it: the order
/// (903_previous_permanence, Z1 = none), the LA that arranged it (3-digit DfE number or
/// 903_la_perm_special) and its date, dd/mm/yyyy with ZZ for an unknown day or month.
public sealed record PreviousPermanenceOptions(string Code, string? LaCode, string? Date)
{
    public const string CodeField = "PreviousPermanence.Code", LaField = "PreviousPermanence.LaCode", DateField = "PreviousPermanence.Date";

    /// The problems, keyed by field, with the 903 rule each one would break (630, 635).
    public Dictionary<string, string> Validate(DateOnly startDate)
    {
        var errors = new Dictionary<string, string>();
        var code = Code?.Trim().ToUpperInvariant();
        var la = string.IsNullOrWhiteSpace(LaCode) ? null : LaCode.Trim().ToUpperInvariant();
        var date = string.IsNullOrWhiteSpace(Date) ? null : Date.Trim().ToUpperInvariant();
        if (!LookedAfterCodes.PreviousPermanence.Contains(code)) errors[CodeField] = "Select the order the child had before this period of care, or none";
        else if (code == LookedAfterCodes.NoPreviousPermanence)
        {
            if (la is not null) errors[LaField] = "Leave the local authority blank when the child had no previous permanence order";
            if (date is not null) errors[DateField] = "Leave the date blank when the child had no previous permanence order";
        }
        else
        {
            if (la is null) errors[LaField] = "Enter the local authority that arranged the order (its 3-digit DfE number), or 999 if not known";
            else if (!(la.Length == 3 && la.All(char.IsAsciiDigit)) && !LookedAfterCodes.PreviousPermanenceLaSpecial.Contains(la))
                errors[LaField] = "Enter the local authority's 3-digit DfE number, or NIR, SCO, WAL, NUK or 999";
            if (date is null) errors[DateField] = "Enter the date of the order, like 14/03/2019, with ZZ for a day or month not known";
            else if (ParseDate(date) is not { } d) errors[DateField] = "Enter the date of the order as dd/mm/yyyy, with ZZ for a day or month not known";
            else if (d > startDate) errors[DateField] = "The date of the order must be before the child became looked after";
        }
        return errors;
    }

    /// The earliest day a 903 DATE_PERM can mean (ZZ read as 01), or null if it is not one.
    public static DateOnly? ParseDate(string s)
    {
        var parts = s.Split('/');
        if (parts.Length != 3 || parts[2].Length != 4 || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)) return null;
        int? Part(string p, int max) => p == "ZZ" ? 1 : p.Length == 2 && int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 && n <= max ? n : null;
        if (Part(parts[1], 12) is not { } m || Part(parts[0], 31) is not { } day || y < 1900) return null;
        return day <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, day) : null;
    }
}

/// A change on a date (possibly backdated): a new legal status, a new placement, or both.
public sealed record ChangeEpisodeOptions(int PeriodOfCareId, Guid Version, DateOnly Date, string? LegalStatusCode,
    PlacementOptions? NewPlacement, string? ReasonPlaceChangeCode, string? CorrectionReason);

public sealed record CorrectEpisodeStartOptions(int PeriodOfCareId, Guid Version, int EpisodeNumber, DateOnly NewStartDate, string Reason);

public sealed record EndPeriodOptions(int PeriodOfCareId, Guid Version, DateOnly EndDate, string ReasonCeasedCode);

public sealed record RecordVisitOptions(int ChildId, DateOnly VisitDate, bool ChildSeen, bool SeenAlone, string Summary, Guid? SubmissionId);

public sealed record RecordReviewOptions(int ChildId, DateOnly ReviewDate, int ChairWorkerId, string ParticipationCode,
    bool AdvocacyOffered, bool AdvocacyTakenUp, bool LongTermPlacementAgreed, string Decisions, string LetterToChild, Guid? SubmissionId);

/// The outcome of a change: the id saved, or the problems keyed by field (nothing is saved then).
public sealed record LookedAfterResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static LookedAfterResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
    public static LookedAfterResult Fail(Dictionary<string, string> errors) => new(null, errors);
}

/// Coming into care, changes of legal status and placement, corrections and leaving care: the
/// rules the pages and the API share. Every change of episodes is checked by EpisodeRules first;
/// a change that would break them is refused with the reason, and nothing is written. The child's
/// InCare involvement opens and closes in the same save as the period of care.
public sealed partial class LookedAfterService(HavenDbContext db, TimeProvider clock, IPostcodeLocator postcodes)
{
    public const int MaxText = 8000;

    public static Dictionary<string, string> Validate(PlacementOptions p, string prefix = "Placement.")
    {
        var errors = new Dictionary<string, string>();
        if (!LookedAfterCodes.PlacementType.Contains(p.PlacementTypeCode)) errors[prefix + "PlacementTypeCode"] = "Select the placement type";
        else if (LookedAfterCodes.NeedsProvider(p.PlacementTypeCode))
        {
            if (!LookedAfterCodes.PlacementProvider.Contains(p.ProviderCode)) errors[prefix + "ProviderCode"] = "Select who provides the placement";
            else if ((p.ProviderCode == "PR0") != (p.PlacementTypeCode == "P1"))
                errors[prefix + "ProviderCode"] = "A placement with parents (P1) is provided by the parents (PR0), and only then";
        }
        if (string.IsNullOrWhiteSpace(p.CarerName)) errors[prefix + "CarerName"] = "Enter the carer or the name of the home";
        else if (p.CarerName.Length > 200) errors[prefix + "CarerName"] = "Carer or home must be 200 characters or fewer";
        if (string.IsNullOrWhiteSpace(p.AddressLine1)) errors[prefix + "AddressLine1"] = "Enter the first line of the address";
        if (string.IsNullOrWhiteSpace(p.Town)) errors[prefix + "Town"] = "Enter the town";
        if (!IsPostcode(p.Postcode)) errors[prefix + "Postcode"] = "Enter a full postcode, like HB1 2AB";
        if (p.Urn is { Length: > 0 } urn && !(urn == "XXXXXXX" || (urn.Length is >= 6 and <= 8 && urn.All(char.IsAsciiLetterOrDigit))))
            errors[prefix + "Urn"] = "Enter the Ofsted URN, or XXXXXXX if the setting has none";
        if (p.Matching is { Length: > MaxText }) errors[prefix + "Matching"] = $"Matching must be {MaxText:N0} characters or fewer";
        return errors;
    }

    public static bool IsPostcode(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return false;
        var t = s.Trim().ToUpperInvariant();
        var space = t.IndexOf(' ');
        return t.Length is >= 6 and <= 8 && space is >= 2 and <= 4 && t.Length - space == 4
            && char.IsAsciiLetter(t[0]) && char.IsAsciiDigit(t[space + 1]) && t.All(c => c == ' ' || char.IsAsciiLetterOrDigit(c));
    }

    public async Task<LookedAfterResult> StartAsync(StartPeriodOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var today = Today;
        var errors = Validate(o.Placement);
        if (o.DecisionDate > today) errors["DecisionDate"] = "Date of the decision must be today or in the past";
        if (o.StartDate > today) errors["StartDate"] = "Date the child became looked after must be today or in the past";
        else if (o.StartDate < o.DecisionDate.AddDays(-7))
            errors["StartDate"] = "Date the child became looked after must be no more than a week before the decision";
        if (string.IsNullOrWhiteSpace(o.DecisionReason)) errors["DecisionReason"] = "Enter the reason for the decision to look after the child";
        else if (o.DecisionReason.Length > 4000) errors["DecisionReason"] = "Reason must be 4,000 characters or fewer";
        if (!LookedAfterCodes.LegalStatus.Contains(o.LegalStatusCode)) errors["LegalStatusCode"] = "Select the legal status";
        if (!LookedAfterCodes.CategoryOfNeed.Contains(o.CategoryOfNeedCode)) errors["CategoryOfNeedCode"] = "Select the category of need";
        if (o.HomePostcode is { Length: > 0 } hp && !IsPostcode(hp)) errors["HomePostcode"] = "Enter a full postcode, like HB1 2AB";
        if (o.PreviousPermanence is { } pp) foreach (var (k, v) in pp.Validate(o.StartDate)) errors[k] = v;
        var manager = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == o.AuthorisedByWorkerId, ct);
        if (manager is null || manager.Role is not (HavenRole.TeamManager or HavenRole.SeniorLeader))
            errors["AuthorisedByWorkerId"] = "Select the manager who authorised the decision";
        var child = await db.People.FirstOrDefaultAsync(p => p.Id == o.ChildId, ct);
        if (child is null) return LookedAfterResult.Fail("ChildId", "There is no such child");
        if (child.DateOfBirth is null) errors["StartDate"] = "An unborn child cannot be looked after; record the birth first";
        else if (o.StartDate < child.DateOfBirth) errors["StartDate"] = "Date the child became looked after must be on or after their date of birth";
        var overlapping = await db.PeriodsOfCare.AsNoTracking()
            .Where(p => p.ChildId == o.ChildId && (p.EndDate == null || p.EndDate > o.StartDate)).Select(p => p.StartDate).FirstOrDefaultAsync(ct);
        if (overlapping != default)
            errors["StartDate"] = $"The child already has a period of care from {Show(overlapping)} that has not ended by then";
        if (LookedAfterCodes.LegalStatus.Contains(o.LegalStatusCode) && LookedAfterCodes.PlacementType.Contains(o.Placement.PlacementTypeCode))
            foreach (var (rule, legal) in Returns.Ssda903.Ssda903EntryChecks.Check(o.LegalStatusCode, o.Placement.PlacementTypeCode, child.DateOfBirth, o.StartDate))
                errors.TryAdd(legal ? "LegalStatusCode" : "Placement.PlacementTypeCode", Returns.Ssda903.Ssda903EntryChecks.Describe(rule));
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);

        var homePostcode = string.IsNullOrWhiteSpace(o.HomePostcode)
            ? await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == o.ChildId && a.StartDate <= o.StartDate)
                .OrderByDescending(a => a.StartDate).Select(a => a.Address.Postcode).FirstOrDefaultAsync(ct) ?? ""
            : o.HomePostcode.Trim().ToUpperInvariant();
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var period = new PeriodOfCare
        {
            ChildId = o.ChildId, DecisionDate = o.DecisionDate, AuthorisedByWorkerId = o.AuthorisedByWorkerId, DecisionReason = o.DecisionReason.Trim(),
            StartDate = o.StartDate, CategoryOfNeedCode = o.CategoryOfNeedCode.ToUpperInvariant(), IsUnaccompaniedAsylumSeeker = o.IsUnaccompaniedAsylumSeeker,
            HomePostcode = homePostcode, RecordedAt = now, RecordedByWorkerId = by.WorkerId,
            PreviousPermanenceCode = o.PreviousPermanence?.Code.Trim().ToUpperInvariant(),
            PreviousPermanenceLa = string.IsNullOrWhiteSpace(o.PreviousPermanence?.LaCode) ? null : o.PreviousPermanence.LaCode.Trim().ToUpperInvariant(),
            PreviousPermanenceDate = string.IsNullOrWhiteSpace(o.PreviousPermanence?.Date) ? null : o.PreviousPermanence.Date.Trim().ToUpperInvariant(),
        };
        db.PeriodsOfCare.Add(period);
        await db.SaveChangesAsync(ct);
        var placement = NewPlacement(period, o.Placement, o.StartDate, by, now);
        await db.SaveChangesAsync(ct);
        db.Episodes.Add(new Episode
        {
            PeriodOfCareId = period.Id, ChildId = o.ChildId, Revision = 1, StartDate = o.StartDate, ReasonForNewEpisodeCode = "S",
            LegalStatusCode = o.LegalStatusCode.ToUpperInvariant(), PlacementId = placement.Id, RecordedAt = now, RecordedByWorkerId = by.WorkerId,
        });
        var involvement = new Involvement { ChildId = o.ChildId, Kind = InvolvementKind.InCare, StartDate = o.StartDate, RecordedAt = now };
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync(ct);
        period.InvolvementId = involvement.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(period.Id, new Dictionary<string, string>());
    }

    public async Task<LookedAfterResult> ChangeAsync(ChangeEpisodeOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var (period, lines, error) = await LoadAsync(o.PeriodOfCareId, o.Version, ct);
        if (error is not null) return error;
        var errors = new Dictionary<string, string>();
        if (o.LegalStatusCode is { Length: > 0 } ls && !LookedAfterCodes.LegalStatus.Contains(ls)) errors["LegalStatusCode"] = "Select the legal status";
        if (o.NewPlacement is { } np)
        {
            foreach (var (k, v) in Validate(np, "NewPlacement.")) errors[k] = v;
            // No reason is recorded when the placement that ends is a temporary one (903 REASON_PLACE_CHANGE).
            var running = period!.Episodes.Where(e => e.SupersededAt == null).OrderBy(e => e.StartDate).LastOrDefault(e => e.StartDate < o.Date);
            if (!LookedAfterCodes.ReasonPlaceChange.Contains(o.ReasonPlaceChangeCode)
                && !(running is not null && LookedAfterCodes.IsTemporary(running.Placement.PlacementTypeCode)))
                errors["ReasonPlaceChangeCode"] = "Select the reason the placement changed";
        }
        if (string.IsNullOrWhiteSpace(o.LegalStatusCode) && o.NewPlacement is null) errors["LegalStatusCode"] = "Give the new legal status or the new placement";
        if (o.Date > Today) errors["Date"] = "Date of the change must be today or in the past";
        if (o.CorrectionReason is { Length: > 2000 }) errors["CorrectionReason"] = "Reason must be 2,000 characters or fewer";
        // The 903 rules on legal status and placement type together, as they will stand on the date.
        var at = period!.Episodes.Where(e => e.SupersededAt == null).OrderBy(e => e.StartDate).LastOrDefault(e => e.StartDate <= o.Date);
        var legalAt = string.IsNullOrWhiteSpace(o.LegalStatusCode) ? at?.LegalStatusCode : o.LegalStatusCode;
        var typeAt = o.NewPlacement?.PlacementTypeCode ?? at?.Placement.PlacementTypeCode;
        if (LookedAfterCodes.LegalStatus.Contains(legalAt) && LookedAfterCodes.PlacementType.Contains(typeAt))
        {
            var dob = await db.People.AsNoTracking().Where(x => x.Id == period.ChildId).Select(x => x.DateOfBirth).FirstOrDefaultAsync(ct);
            foreach (var (rule, legal) in Returns.Ssda903.Ssda903EntryChecks.Check(legalAt!, typeAt!, dob, o.Date))
                errors.TryAdd(legal || o.NewPlacement is null ? "LegalStatusCode" : "NewPlacement.PlacementTypeCode", Returns.Ssda903.Ssda903EntryChecks.Describe(rule));
        }
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Placement? placement = null;
        if (o.NewPlacement is { } p)
        {
            placement = NewPlacement(period!, p, o.Date, by, Now);
            if (!await db.TrySaveChangesAsync(ct)) return PeriodConflict;
        }
        var change = new EpisodeChange(o.Date, string.IsNullOrWhiteSpace(o.LegalStatusCode) ? null : o.LegalStatusCode.ToUpperInvariant(),
            placement?.Id, placement?.CarerKey, o.NewPlacement is null ? null : o.ReasonPlaceChangeCode);
        var (after, problems) = EpisodeRules.Apply(lines!, change);
        if (problems.Count > 0) return LookedAfterResult.Fail("Date", problems[0].Message); // the transaction rolls back on dispose
        if (!await SaveRevisionAsync(period!, after, by, o.CorrectionReason, ct)) return PeriodConflict;
        await tx.CommitAsync(ct);
        return new(period!.Id, new Dictionary<string, string>());
    }

    public async Task<LookedAfterResult> CorrectStartAsync(CorrectEpisodeStartOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(o.Reason)) return LookedAfterResult.Fail("Reason", "Enter the reason for the correction");
        var (period, lines, error) = await LoadAsync(o.PeriodOfCareId, o.Version, ct);
        if (error is not null) return error;
        if (o.EpisodeNumber == 1)
            return LookedAfterResult.Fail("EpisodeNumber", "To change when the child became looked after, correct the period of care's start");
        var (after, problems) = EpisodeRules.MoveStart(lines!, o.EpisodeNumber - 1, o.NewStartDate);
        if (problems.Count > 0) return LookedAfterResult.Fail("NewStartDate", problems[0].Message);
        if (!await SaveRevisionAsync(period!, after, by, o.Reason.Trim(), ct)) return PeriodConflict;
        return new(period!.Id, new Dictionary<string, string>());
    }

    public async Task<LookedAfterResult> EndAsync(EndPeriodOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        var (period, lines, error) = await LoadAsync(o.PeriodOfCareId, o.Version, ct);
        if (error is not null) return error;
        if (o.EndDate > Today) return LookedAfterResult.Fail("EndDate", "Date the child stopped being looked after must be today or in the past");
        var (after, problems) = EpisodeRules.End(lines!, o.EndDate, o.ReasonCeasedCode ?? "");
        if (problems.Count > 0)
            return LookedAfterResult.Fail(problems[0].Message.StartsWith("Select", StringComparison.Ordinal) ? "ReasonCeasedCode" : "EndDate", problems[0].Message);
        if (!await SaveRevisionAsync(period!, after, by, null, ct)) return PeriodConflict;
        return new(period!.Id, new Dictionary<string, string>());
    }

    public async Task<LookedAfterResult> RecordVisitAsync(RecordVisitOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.StatutoryVisits.AsNoTracking().FirstOrDefaultAsync(v => v.SubmissionId == sid, ct) is { } existing)
            return new(existing.Id, new Dictionary<string, string>());
        var errors = new Dictionary<string, string>();
        if (o.VisitDate > Today) errors["VisitDate"] = "Date of the visit must be today or in the past";
        if (o.SeenAlone && !o.ChildSeen) errors["SeenAlone"] = "A child seen alone must also be recorded as seen";
        if (string.IsNullOrWhiteSpace(o.Summary)) errors["Summary"] = "Enter what happened on the visit";
        else if (o.Summary.Length > 20000) errors["Summary"] = "Summary must be 20,000 characters or fewer";
        var placementId = await db.Episodes.Where(e => e.ChildId == o.ChildId && e.SupersededAt == null && e.StartDate <= o.VisitDate
                && (e.EndDate == null || e.EndDate >= o.VisitDate))
            .OrderByDescending(e => e.StartDate).Select(e => (int?)e.PlacementId).FirstOrDefaultAsync(ct);
        if (placementId is null && !errors.ContainsKey("VisitDate")) errors["VisitDate"] = "The child was not looked after on that date";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var visit = new StatutoryVisit
        {
            ChildId = o.ChildId, PlacementId = placementId, VisitDate = o.VisitDate, ChildSeen = o.ChildSeen, SeenAlone = o.SeenAlone,
            VisitedByWorkerId = by.WorkerId, Summary = o.Summary.Trim(), SubmissionId = o.SubmissionId, RecordedAt = Now,
        };
        db.StatutoryVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return new(visit.Id, new Dictionary<string, string>());
    }

    public async Task<LookedAfterResult> RecordReviewAsync(RecordReviewOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.LookedAfterReviews.AsNoTracking().FirstOrDefaultAsync(v => v.SubmissionId == sid, ct) is { } existing)
            return new(existing.Id, new Dictionary<string, string>());
        var errors = new Dictionary<string, string>();
        if (o.ReviewDate > Today) errors["ReviewDate"] = "Date of the review must be today or in the past";
        if (!LookedAfterCodes.ReviewParticipation.Contains(o.ParticipationCode)) errors["ParticipationCode"] = "Select how the child took part";
        if (o.AdvocacyTakenUp && !o.AdvocacyOffered) errors["AdvocacyTakenUp"] = "Advocacy can only be taken up if it was offered";
        if (o.Decisions is { Length: > 20000 }) errors["Decisions"] = "Decisions must be 20,000 characters or fewer";
        if (o.LetterToChild is { Length: > 20000 }) errors["LetterToChild"] = "The letter must be 20,000 characters or fewer";
        var chair = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == o.ChairWorkerId, ct);
        if (chair is null || chair.Role != HavenRole.Iro) errors["ChairWorkerId"] = "Select the independent reviewing officer who chaired the review";
        var child = await db.People.AsNoTracking().FirstAsync(p => p.Id == o.ChildId, ct);
        if (o.ParticipationCode == "PN0" && child.DateOfBirth is { } dob && dob.AddYears(4) <= o.ReviewDate)
            errors["ParticipationCode"] = "PN0 is only for a child under 4 at the review";
        var period = await db.PeriodsOfCare.Where(p => p.ChildId == o.ChildId && p.StartDate <= o.ReviewDate && (p.EndDate == null || p.EndDate >= o.ReviewDate))
            .FirstOrDefaultAsync(ct);
        if (period is null && !errors.ContainsKey("ReviewDate")) errors["ReviewDate"] = "The child was not looked after on that date";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var review = new LookedAfterReview
        {
            ChildId = o.ChildId, PeriodOfCareId = period!.Id, ReviewDate = o.ReviewDate, ChairWorkerId = o.ChairWorkerId,
            ParticipationCode = o.ParticipationCode.ToUpperInvariant(), AdvocacyOffered = o.AdvocacyOffered, AdvocacyTakenUp = o.AdvocacyTakenUp,
            LongTermPlacementAgreed = o.LongTermPlacementAgreed, Decisions = o.Decisions?.Trim() ?? "", LetterToChild = o.LetterToChild?.Trim() ?? "",
            SubmissionId = o.SubmissionId, RecordedAt = Now,
        };
        db.LookedAfterReviews.Add(review);
        if (o.LongTermPlacementAgreed)
        {
            var current = await db.Episodes.Where(e => e.PeriodOfCareId == period.Id && e.SupersededAt == null && e.StartDate <= o.ReviewDate)
                .OrderByDescending(e => e.StartDate).Select(e => e.Placement).FirstOrDefaultAsync(ct);
            if (current is not null) current.LongTermAgreedDate ??= o.ReviewDate;
        }
        var involvement = await db.Involvements.FirstOrDefaultAsync(i => i.Id == period.InvolvementId, ct);
        if (involvement is not null)
        {
            involvement.ReviewsHeld++;
            if (involvement.LastReviewDate is null || involvement.LastReviewDate < o.ReviewDate) involvement.LastReviewDate = o.ReviewDate;
        }
        await db.SaveChangesAsync(ct);
        return new(review.Id, new Dictionary<string, string>());
    }

    /// The period's current episodes as EpisodeRules sees them, checking the version the change was made against.
    private async Task<(PeriodOfCare?, IReadOnlyList<EpisodeLine>?, LookedAfterResult?)> LoadAsync(int periodId, Guid version, CancellationToken ct)
    {
        var period = await db.PeriodsOfCare.FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return (null, null, LookedAfterResult.Fail("PeriodOfCareId", "There is no such period of care"));
        if (period.Version != version)
            return (null, null, PeriodConflict);
        await db.Episodes.Where(e => e.PeriodOfCareId == periodId && e.SupersededAt == null).Include(e => e.Placement).LoadAsync(ct);
        return (period, ToLines(period.Episodes.Where(e => e.SupersededAt == null)), null);
    }

    public static IReadOnlyList<EpisodeLine> ToLines(IEnumerable<Episode> episodes) =>
        episodes.OrderBy(e => e.StartDate).Select(e => new EpisodeLine(e.StartDate, e.EndDate, e.ReasonForNewEpisodeCode, e.LegalStatusCode,
            e.PlacementId, e.Placement.CarerKey, e.ReasonEpisodeCeasedCode, e.ReasonPlaceChangeCode)).ToList();

    /// Supersedes the current episodes and writes the new revision; keeps the period, its placements
    /// and the child's InCare involvement in step with it, in one save.
    private static LookedAfterResult PeriodConflict =>
        LookedAfterResult.Fail("Version", "Someone else changed this period of care after you opened it. Check the episodes now recorded and make your change again");

    /// False when another writer saved the period between our read and this save (nothing written).
    private async Task<bool> SaveRevisionAsync(PeriodOfCare period, IReadOnlyList<EpisodeLine> lines, CurrentWorker by, string? reason, CancellationToken ct)
    {
        var now = Now;
        foreach (var old in period.Episodes.Where(e => e.SupersededAt == null).ToList())
        {
            old.SupersededAt = now;
            old.SupersededByWorkerId = by.WorkerId;
            old.CorrectionReason = reason;
        }
        period.Revision++;
        foreach (var l in lines)
            db.Episodes.Add(new Episode
            {
                PeriodOfCareId = period.Id, ChildId = period.ChildId, Revision = period.Revision, StartDate = l.Start, EndDate = l.End,
                ReasonForNewEpisodeCode = l.ReasonForNewEpisode, LegalStatusCode = l.LegalStatus, PlacementId = l.PlacementKey,
                ReasonEpisodeCeasedCode = l.ReasonEpisodeCeased, ReasonPlaceChangeCode = l.ReasonPlaceChange, RecordedAt = now, RecordedByWorkerId = by.WorkerId,
            });
        period.StartDate = lines[0].Start;
        var last = lines[^1];
        var ended = last.End is not null && last.ReasonEpisodeCeased != LookedAfterCodes.EpisodeContinues;
        period.EndDate = ended ? last.End : null;
        period.ReasonCeasedCode = ended ? last.ReasonEpisodeCeased : null;

        var keys = lines.Select(l => l.PlacementKey).Distinct().ToList();
        var placements = await db.Placements.Where(p => keys.Contains(p.Id)).ToListAsync(ct);
        foreach (var p in placements)
        {
            var mine = lines.Where(l => l.PlacementKey == p.Id).ToList();
            p.StartDate = mine[0].Start;
            p.EndDate = mine[^1].End;
            p.ReasonForChangeCode = mine[^1].ReasonPlaceChange;
        }
        if (period.InvolvementId is { } involvementId && await db.Involvements.FirstOrDefaultAsync(i => i.Id == involvementId, ct) is { } involvement)
        {
            involvement.StartDate = period.StartDate;
            involvement.EndDate = period.EndDate;
        }
        return await db.TrySaveChangesAsync(ct);
    }

    private Placement NewPlacement(PeriodOfCare period, PlacementOptions p, DateOnly start, CurrentWorker by, DateTime now)
    {
        var postcode = p.Postcode.Trim().ToUpperInvariant();
        var placement = new Placement
        {
            ChildId = period.ChildId, PeriodOfCareId = period.Id, PlacementTypeCode = p.PlacementTypeCode.ToUpperInvariant(),
            ProviderCode = LookedAfterCodes.NeedsProvider(p.PlacementTypeCode) ? p.ProviderCode?.ToUpperInvariant() : null,
            CarerName = p.CarerName.Trim(), SameCarerAsPlacementId = p.SameCarerAsPlacementId, AddressLine1 = p.AddressLine1.Trim(),
            AddressLine2 = string.IsNullOrWhiteSpace(p.AddressLine2) ? null : p.AddressLine2.Trim(), Town = p.Town.Trim(), Postcode = postcode,
            Urn = string.IsNullOrWhiteSpace(p.Urn) ? null : p.Urn.Trim().ToUpperInvariant(), Matching = p.Matching?.Trim() ?? "",
            DistanceFromHomeMiles = PlacementDistance.Miles(postcodes, period.HomePostcode, postcode),
            InsideCouncilArea = postcodes.Locate(postcode) is null ? null : postcodes.IsInsideCouncilArea(postcode),
            StartDate = start, RecordedAt = now, RecordedByWorkerId = by.WorkerId,
        };
        db.Placements.Add(placement);
        return placement;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);
    private static string Show(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
