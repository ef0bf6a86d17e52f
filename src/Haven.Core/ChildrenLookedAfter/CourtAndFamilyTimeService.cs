using Haven.Core.Calendar;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

public sealed record PreProceedingsOptions(DateOnly DecisionDate, DateOnly? LetterBeforeProceedingsDate, DateOnly? MeetingDate,
    DateOnly? ProgressDueDate, string? ParentsProgress, DateOnly? EndDate, string? Outcome);

public sealed record CareProceedingsOptions(DateOnly ApplicationDate, string Court, int ExtensionWeeks, string? ParallelPlan,
    string? ContingencyPlan, DateOnly? FinalOrderDate, string? FinalOrder);

public sealed record HearingOptions(DateOnly Date, string Kind, string? Outcome);

public sealed record ContactArrangementOptions(FamilyMember With, string PersonName, string Frequency, bool Supervised, DateOnly StartDate, DateOnly? EndDate);

public sealed record ContactSessionOptions(DateOnly Date, bool TookPlace, string? HowItWent);

/// The court side of a child's care (pre-proceedings and care proceedings under the Public Law
/// Outline, with hearings and the parallel and contingency plans) and time with family (contact
/// arrangements and how each session went). Each change is one save; a stale version is refused
/// with a "Version" error and nothing is written.
public sealed class CourtAndFamilyTimeService(HavenDbContext db, TimeProvider clock)
{
    public const string ConflictMessage = "Someone else changed this record after you opened it. Check what is recorded now and make your change again";

    public static readonly IReadOnlyList<string> HearingKinds =
        ["Case management hearing", "Further case management hearing", "Interim hearing", "Issues resolution hearing", "Final hearing", "Other hearing"];

    public static readonly IReadOnlyList<string> PreProceedingsOutcomes = ["Concerns addressed", "Proceedings issued", "Extended", "Other"];

    // ------------------------------------------------------------ pre-proceedings

    public async Task<LookedAfterResult> SavePreProceedingsAsync(int childId, int? id, Guid? version, PreProceedingsOptions o, CancellationToken ct = default)
    {
        var errors = Validate(o);
        PreProceedings? row = null;
        if (id is { } existingId)
        {
            row = await db.PreProceedings.FirstOrDefaultAsync(p => p.Id == existingId && p.ChildId == childId, ct);
            if (row is null) return LookedAfterResult.Fail("Id", "There is no such pre-proceedings record for this child");
            if (row.Version != version) return LookedAfterResult.Fail("Version", ConflictMessage);
        }
        else if (await db.PreProceedings.AnyAsync(p => p.ChildId == childId && p.EndDate == null, ct))
            errors["DecisionDate"] = "Pre-proceedings are already open for this child; update them instead";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        if (row is null)
        {
            row = new PreProceedings { ChildId = childId, RecordedAt = Now };
            db.PreProceedings.Add(row);
        }
        row.DecisionDate = o.DecisionDate;
        row.LetterBeforeProceedingsDate = o.LetterBeforeProceedingsDate;
        row.MeetingDate = o.MeetingDate;
        // The parents are given a timescale to make the changes asked of them: 16 weeks from the decision unless set.
        row.ProgressDueDate = o.ProgressDueDate ?? Timescales.PreProceedings.DueFrom(o.DecisionDate);
        row.ParentsProgress = o.ParentsProgress?.Trim() ?? "";
        row.EndDate = o.EndDate;
        row.Outcome = string.IsNullOrWhiteSpace(o.Outcome) ? null : o.Outcome.Trim();
        return await SaveAsync(row, version, () => row.Id, ct);
    }

    private Dictionary<string, string> Validate(PreProceedingsOptions o)
    {
        var errors = new Dictionary<string, string>();
        var today = Today;
        if (o.DecisionDate > today) errors["DecisionDate"] = "Date of the decision must be today or in the past";
        if (o.LetterBeforeProceedingsDate is { } letter)
        {
            if (letter > today) errors["LetterBeforeProceedingsDate"] = "Date of the letter before proceedings must be today or in the past";
            else if (letter < o.DecisionDate) errors["LetterBeforeProceedingsDate"] = "Date of the letter before proceedings must be on or after the decision";
        }
        if (o.MeetingDate is { } meeting)
        {
            if (meeting > today) errors["MeetingDate"] = "Date of the meeting must be today or in the past";
            else if (o.LetterBeforeProceedingsDate is { } l && meeting < l) errors["MeetingDate"] = "Date of the meeting must be on or after the letter before proceedings";
        }
        if (o.ProgressDueDate is { } due && due <= o.DecisionDate) errors["ProgressDueDate"] = "Date the parents' progress is due must be after the decision";
        if (o.ParentsProgress is { Length: > LookedAfterService.MaxText }) errors["ParentsProgress"] = "Parents' progress must be 8,000 characters or fewer";
        if (o.EndDate is { } end)
        {
            if (end > today) errors["EndDate"] = "Date pre-proceedings ended must be today or in the past";
            else if (end < o.DecisionDate) errors["EndDate"] = "Date pre-proceedings ended must be on or after the decision";
            if (string.IsNullOrWhiteSpace(o.Outcome)) errors["Outcome"] = "Select how pre-proceedings ended";
        }
        else if (!string.IsNullOrWhiteSpace(o.Outcome)) errors["EndDate"] = "Enter the date pre-proceedings ended";
        if (o.Outcome is { Length: > 200 }) errors["Outcome"] = "Outcome must be 200 characters or fewer";
        return errors;
    }

    // ------------------------------------------------------------ care proceedings

    public async Task<LookedAfterResult> SaveCareProceedingsAsync(int childId, int? id, Guid? version, CareProceedingsOptions o, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var today = Today;
        if (o.ApplicationDate > today) errors["ApplicationDate"] = "Date of the application must be today or in the past";
        if (string.IsNullOrWhiteSpace(o.Court)) errors["Court"] = "Enter the court";
        else if (o.Court.Length > 200) errors["Court"] = "Court must be 200 characters or fewer";
        // The court may extend by up to 8 weeks at a time (CA 1989 s32(5)); more than a year of extensions is not credible.
        if (o.ExtensionWeeks is < 0 or > 52) errors["ExtensionWeeks"] = "Extensions must be between 0 and 52 weeks in total";
        if (string.IsNullOrWhiteSpace(o.ParallelPlan)) errors["ParallelPlan"] = "Enter the parallel plan";
        else if (o.ParallelPlan.Length > LookedAfterService.MaxText) errors["ParallelPlan"] = "Parallel plan must be 8,000 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.ContingencyPlan)) errors["ContingencyPlan"] = "Enter the contingency plan";
        else if (o.ContingencyPlan.Length > LookedAfterService.MaxText) errors["ContingencyPlan"] = "Contingency plan must be 8,000 characters or fewer";
        if (o.FinalOrderDate is { } final)
        {
            if (final > today) errors["FinalOrderDate"] = "Date of the final order must be today or in the past";
            else if (final < o.ApplicationDate) errors["FinalOrderDate"] = "Date of the final order must be on or after the application";
            if (string.IsNullOrWhiteSpace(o.FinalOrder)) errors["FinalOrder"] = "Enter the final order";
        }
        else if (!string.IsNullOrWhiteSpace(o.FinalOrder)) errors["FinalOrderDate"] = "Enter the date of the final order";
        if (o.FinalOrder is { Length: > 200 }) errors["FinalOrder"] = "Final order must be 200 characters or fewer";
        CareProceedings? row = null;
        if (id is { } existingId)
        {
            row = await db.CareProceedings.Include(p => p.Hearings).FirstOrDefaultAsync(p => p.Id == existingId && p.ChildId == childId, ct);
            if (row is null) return LookedAfterResult.Fail("Id", "There are no such proceedings for this child");
            if (row.Version != version) return LookedAfterResult.Fail("Version", ConflictMessage);
            if (row.Hearings.Count > 0 && row.Hearings.Min(h => h.Date) < o.ApplicationDate)
                errors["ApplicationDate"] = "Date of the application must be on or before the first hearing";
        }
        else if (await db.CareProceedings.AnyAsync(p => p.ChildId == childId && p.FinalOrderDate == null, ct))
            errors["ApplicationDate"] = "Care proceedings are already open for this child; update them instead";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        if (row is null)
        {
            row = new CareProceedings { ChildId = childId, RecordedAt = Now };
            db.CareProceedings.Add(row);
        }
        row.ApplicationDate = o.ApplicationDate;
        row.Court = o.Court.Trim();
        row.ExtensionWeeks = o.ExtensionWeeks;
        row.ParallelPlan = o.ParallelPlan!.Trim();
        row.ContingencyPlan = o.ContingencyPlan!.Trim();
        row.FinalOrderDate = o.FinalOrderDate;
        row.FinalOrder = string.IsNullOrWhiteSpace(o.FinalOrder) ? null : o.FinalOrder.Trim();
        return await SaveAsync(row, version, () => row.Id, ct);
    }

    public async Task<LookedAfterResult> AddHearingAsync(int childId, int proceedingsId, HearingOptions o, CancellationToken ct = default)
    {
        var row = await db.CareProceedings.FirstOrDefaultAsync(p => p.Id == proceedingsId && p.ChildId == childId, ct);
        if (row is null) return LookedAfterResult.Fail("Id", "There are no such proceedings for this child");
        var errors = new Dictionary<string, string>();
        if (o.Date < row.ApplicationDate) errors["Date"] = "Date of the hearing must be on or after the application";
        else if (row.FinalOrderDate is { } final && o.Date > final) errors["Date"] = "Date of the hearing must be on or before the final order";
        if (!HearingKinds.Contains(o.Kind)) errors["Kind"] = "Select the kind of hearing";
        if (o.Outcome is { Length: > 4000 }) errors["Outcome"] = "Outcome must be 4,000 characters or fewer";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var hearing = new CourtHearing { CareProceedingsId = row.Id, Date = o.Date, Kind = o.Kind, Outcome = o.Outcome?.Trim() ?? "" };
        db.Add(hearing);
        await db.SaveChangesAsync(ct);
        return new(hearing.Id, new Dictionary<string, string>());
    }

    // ------------------------------------------------------------ time with family

    public async Task<LookedAfterResult> SaveArrangementAsync(int childId, int? id, Guid? version, ContactArrangementOptions o, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.With)) errors["With"] = "Select who the child spends time with";
        if (string.IsNullOrWhiteSpace(o.PersonName)) errors["PersonName"] = "Enter the name of the family member";
        else if (o.PersonName.Length > 200) errors["PersonName"] = "Name must be 200 characters or fewer";
        if (string.IsNullOrWhiteSpace(o.Frequency)) errors["Frequency"] = "Enter how often the child spends time with them";
        else if (o.Frequency.Length > 200) errors["Frequency"] = "How often must be 200 characters or fewer";
        if (o.StartDate > Today.AddYears(1)) errors["StartDate"] = "Date the arrangement starts must be within the next year";
        if (o.EndDate is { } end && end < o.StartDate) errors["EndDate"] = "Date the arrangement ends must be on or after it starts";
        ContactArrangement? row = null;
        if (id is { } existingId)
        {
            row = await db.ContactArrangements.Include(a => a.Sessions).FirstOrDefaultAsync(a => a.Id == existingId && a.ChildId == childId, ct);
            if (row is null) return LookedAfterResult.Fail("Id", "There is no such arrangement for this child");
            if (row.Version != version) return LookedAfterResult.Fail("Version", ConflictMessage);
            if (row.Sessions.Count > 0 && o.EndDate is { } e2 && row.Sessions.Max(s => s.Date) > e2)
                errors["EndDate"] = "Date the arrangement ends must be on or after the last session recorded";
        }
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        if (row is null)
        {
            row = new ContactArrangement { ChildId = childId, RecordedAt = Now };
            db.ContactArrangements.Add(row);
        }
        row.With = o.With;
        row.PersonName = o.PersonName.Trim();
        row.Frequency = o.Frequency.Trim();
        row.Supervised = o.Supervised;
        row.StartDate = o.StartDate;
        row.EndDate = o.EndDate;
        return await SaveAsync(row, version, () => row.Id, ct);
    }

    public async Task<LookedAfterResult> AddSessionAsync(int childId, int arrangementId, ContactSessionOptions o, CancellationToken ct = default)
    {
        var row = await db.ContactArrangements.FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == childId, ct);
        if (row is null) return LookedAfterResult.Fail("Id", "There is no such arrangement for this child");
        var errors = new Dictionary<string, string>();
        if (o.Date > Today) errors["Date"] = "Date of the session must be today or in the past";
        else if (o.Date < row.StartDate || (row.EndDate is { } end && o.Date > end)) errors["Date"] = "Date of the session must be while the arrangement was in place";
        if (string.IsNullOrWhiteSpace(o.HowItWent)) errors["HowItWent"] = o.TookPlace ? "Enter how the time together went" : "Enter why the session did not take place";
        else if (o.HowItWent.Length > LookedAfterService.MaxText) errors["HowItWent"] = "How it went must be 8,000 characters or fewer";
        if (errors.Count > 0) return LookedAfterResult.Fail(errors);
        var session = new ContactSession { ContactArrangementId = row.Id, Date = o.Date, TookPlace = o.TookPlace, HowItWent = o.HowItWent!.Trim(), RecordedAt = Now };
        db.ContactSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new(session.Id, new Dictionary<string, string>());
    }

    // ------------------------------------------------------------ shared

    /// Saves, checking the version the user saw against the one in the database at the moment of
    /// writing, so two people saving at once cannot both win.
    private async Task<LookedAfterResult> SaveAsync<T>(T row, Guid? version, Func<int> id, CancellationToken ct) where T : class, IVersioned
    {
        if (version is { } v && db.Entry(row).State != EntityState.Added) db.Entry(row).Property(x => x.Version).OriginalValue = v;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LookedAfterResult.Fail("Version", ConflictMessage);
        }
        return new(id(), new Dictionary<string, string>());
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);
}

/// What a child's court and family time pages and the API show.
public sealed record CourtAndFamilyRecord(IReadOnlyList<PreProceedings> PreProceedings, IReadOnlyList<CareProceedings> Proceedings,
    IReadOnlyList<ContactArrangement> Arrangements)
{
    public static async Task<CourtAndFamilyRecord> LoadAsync(HavenDbContext db, int childId, CancellationToken ct) => new(
        await db.PreProceedings.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.DecisionDate).ToListAsync(ct),
        await db.CareProceedings.AsNoTracking().Include(p => p.Hearings).Where(p => p.ChildId == childId).OrderByDescending(p => p.ApplicationDate).ToListAsync(ct),
        await db.ContactArrangements.AsNoTracking().Include(a => a.Sessions).Where(a => a.ChildId == childId)
            .OrderBy(a => a.EndDate != null).ThenBy(a => a.StartDate).ToListAsync(ct));
}

/// Public Law Outline timescales on My work: the parents' progress under pre-proceedings (16 weeks
/// unless another date was given), and care proceedings to conclude within 26 weeks of the
/// application plus any extension (CA 1989 s32(1)(a), s32(5)).
public sealed class PublicLawOutlineDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var pre = await db.PreProceedings.AsNoTracking().Where(p => childIds.Contains(p.ChildId) && p.EndDate == null)
            .Select(p => new { p.ChildId, p.DecisionDate, p.ProgressDueDate }).ToListAsync(ct);
        var proceedings = await db.CareProceedings.AsNoTracking().Where(p => childIds.Contains(p.ChildId) && p.FinalOrderDate == null).ToListAsync(ct);
        var items = pre.Select(p => new DueItem(p.ChildId, "Review the parents' progress and conclude pre-proceedings",
                p.ProgressDueDate ?? Timescales.PreProceedings.DueFrom(p.DecisionDate), Timescales.PreProceedings) { Href = $"/children/{p.ChildId}/care/court" })
            .Concat(proceedings.Select(p => new DueItem(p.ChildId,
                p.ExtensionWeeks > 0 ? $"Conclude care proceedings (26 weeks, extended by {p.ExtensionWeeks})" : "Conclude care proceedings (26 weeks)",
                p.DueBy, Timescales.CareProceedings) { Href = $"/children/{p.ChildId}/care/court" }))
            .ToList();
        return items;
    }
}

/// Pre-proceedings, applications, hearings and final orders, and family time sessions.
public sealed class CourtAndFamilyChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Court and family time";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.PreProceedings.Any(p => p.ChildId == id) || d.CareProceedings.Any(p => p.ChildId == id) || d.ContactArrangements.Any(a => a.ChildId == id);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var r = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        var items = new List<ChronologyItem>();
        foreach (var p in r.PreProceedings)
        {
            items.Add(new(At(p.DecisionDate), false, Category, "Decision to start pre-proceedings", "", null, "care/court"));
            if (p.LetterBeforeProceedingsDate is { } l) items.Add(new(At(l), false, Category, "Letter before proceedings sent", "", null, "care/court"));
            if (p.MeetingDate is { } m) items.Add(new(At(m), false, Category, "Pre-proceedings meeting", "", null, "care/court"));
            if (p.EndDate is { } e) items.Add(new(At(e), false, Category, "Pre-proceedings ended", p.Outcome ?? "", null, "care/court"));
        }
        foreach (var p in r.Proceedings)
        {
            items.Add(new(At(p.ApplicationDate), false, Category, "Care proceedings issued", p.Court, null, "care/court"));
            items.AddRange(p.Hearings.Select(h => new ChronologyItem(At(h.Date), false, Category, h.Kind, h.Outcome, null, "care/court")));
            if (p.FinalOrderDate is { } f) items.Add(new(At(f), false, Category, "Final order", p.FinalOrder ?? "", null, "care/court"));
        }
        foreach (var a in r.Arrangements)
            items.AddRange(a.Sessions.Select(s => new ChronologyItem(At(s.Date), false, Category,
                s.TookPlace ? $"Family time with {a.PersonName}" : $"Family time with {a.PersonName} did not take place", s.HowItWent, null, "care/family-time")));
        return items;
    }
}
