using Haven.Core.Access;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Education.Inclusion;

public sealed record HomeEducationOptions(int ChildId, DateOnly NotifiedOn, string? NotifiedBy, string? PreviousSchool, string? Reason, Guid? SubmissionId = null);
public sealed record HomeEducationCheckOptions(HomeEducationCheckKind Kind, DateOnly HeldOn, HomeEducationOutcome Outcome, bool SafeguardingConcern, string? Notes);
public sealed record MissingEducationOptions(int ChildId, DateOnly ReferredOn, string? ReferredBy, string? Reason, Guid? SubmissionId = null);
public sealed record ExclusionOptions(int ChildId, string? SchoolName, SchoolPhase Phase, ExclusionKind Kind, DateOnly StartDate, decimal? Days, string? Reason,
    Guid? SubmissionId = null);

/// One row of the exclusions trend: an academic year, a phase and the counts.
public sealed record ExclusionTrendRow(string AcademicYear, SchoolPhase Phase, int Suspensions, int Permanent, int Children);

/// Home education, children missing education and exclusions. Errors are keyed by the options'
/// property names; each caller maps them to its own fields.
public sealed class InclusionService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxText = 4000;
    /// The most school days a pupil may be suspended for in one school year.
    public const int MaxSuspensionDaysInYear = 45;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<Dictionary<string, string>> ValidateAsync(HomeEducationOptions o, CancellationToken ct)
    {
        var e = new Dictionary<string, string>();
        PastDate(e, "NotifiedOn", o.NotifiedOn, "The date of the notification");
        Required(e, "NotifiedBy", o.NotifiedBy, 200, "who told the council");
        Length(e, "PreviousSchool", o.PreviousSchool, 200, "The previous school");
        Length(e, "Reason", o.Reason, MaxText, "The reason");
        if (e.Count == 0 && await db.HomeEducations.AnyAsync(h => h.ChildId == o.ChildId && h.EndedOn == null, ct))
            e["NotifiedOn"] = "The child is already on the home education register";
        return e;
    }

    public async Task<HomeEducation> AddAsync(HomeEducationOptions o, CurrentWorker? by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.HomeEducations.FirstOrDefaultAsync(h => h.SubmissionId == sid, ct) is { } existing) return existing;
        var h = new HomeEducation
        {
            ChildId = o.ChildId, NotifiedOn = o.NotifiedOn, NotifiedBy = o.NotifiedBy!.Trim(), PreviousSchool = Clean(o.PreviousSchool), Reason = Clean(o.Reason),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by?.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.HomeEducations.Add(h);
        await db.SaveChangesAsync(ct);
        return h;
    }

    public Dictionary<string, string> Validate(HomeEducationCheckOptions o, HomeEducation h)
    {
        var e = new Dictionary<string, string>();
        if (!h.IsOpen) e["HeldOn"] = "The child is no longer on the home education register";
        if (!Enum.IsDefined(o.Kind)) e["Kind"] = "Select whether this was a check or a visit";
        if (!Enum.IsDefined(o.Outcome)) e["Outcome"] = "Select the outcome";
        PastDate(e, "HeldOn", o.HeldOn, "The date of the check");
        if (!e.ContainsKey("HeldOn") && o.HeldOn < h.NotifiedOn) e["HeldOn"] = "The date of the check must be on or after the notification";
        Length(e, "Notes", o.Notes, MaxText, "Notes");
        if (o.SafeguardingConcern && string.IsNullOrWhiteSpace(o.Notes)) e["Notes"] = "Describe the safeguarding concern";
        return e;
    }

    /// Adds a check (never changes an earlier one). A safeguarding concern is recorded on the check
    /// and, for a child known to social care, acted on through the front door as any other concern.
    public async Task AddCheckAsync(HomeEducation h, HomeEducationCheckOptions o, CurrentWorker? by, Guid expectedVersion, CancellationToken ct = default)
    {
        if (h.Version != expectedVersion) throw new StaleRecordException("The register entry was changed by someone else.");
        db.Entry(h).Property(x => x.Version).OriginalValue = expectedVersion;
        h.Checks.Add(new HomeEducationCheck
        {
            HomeEducationId = h.Id, Kind = o.Kind, HeldOn = o.HeldOn, Outcome = o.Outcome, SafeguardingConcern = o.SafeguardingConcern, Notes = Clean(o.Notes),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by?.WorkerId,
        });
        h.Version = Guid.NewGuid();
        await SaveAsync(ct);
    }

    public async Task EndHomeEducationAsync(HomeEducation h, DateOnly endedOn, string reason, Guid expectedVersion, CancellationToken ct = default)
    {
        if (h.Version != expectedVersion) throw new StaleRecordException("The register entry was changed by someone else.");
        db.Entry(h).Property(x => x.Version).OriginalValue = expectedVersion;
        h.EndedOn = endedOn;
        h.EndReason = reason.Trim();
        await SaveAsync(ct);
    }

    /// When the next suitability check is due: the first within the registry's working days of the
    /// notification, then yearly from the last check.
    public static (DateOnly Due, TimescaleRule Rule) NextCheck(HomeEducation h)
    {
        var last = h.Checks.Count == 0 ? (DateOnly?)null : h.Checks.Max(c => c.HeldOn);
        return last is { } l ? (Timescales.HomeEducationAnnualCheck.DueFrom(l), Timescales.HomeEducationAnnualCheck)
            : (Timescales.HomeEducationFirstCheck.DueFrom(h.NotifiedOn), Timescales.HomeEducationFirstCheck);
    }

    public async Task<Dictionary<string, string>> ValidateAsync(MissingEducationOptions o, CancellationToken ct)
    {
        var e = new Dictionary<string, string>();
        PastDate(e, "ReferredOn", o.ReferredOn, "The date of the referral");
        Required(e, "ReferredBy", o.ReferredBy, 200, "who referred the child");
        Length(e, "Reason", o.Reason, MaxText, "The reason");
        if (e.Count == 0 && await db.MissingEducations.AnyAsync(m => m.ChildId == o.ChildId && m.ClosedOn == null, ct))
            e["ReferredOn"] = "The child already has an open children missing education referral";
        return e;
    }

    public async Task<MissingEducation> AddAsync(MissingEducationOptions o, CurrentWorker? by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.MissingEducations.FirstOrDefaultAsync(m => m.SubmissionId == sid, ct) is { } existing) return existing;
        var m = new MissingEducation
        {
            ChildId = o.ChildId, ReferredOn = o.ReferredOn, ReferredBy = o.ReferredBy!.Trim(), Reason = Clean(o.Reason),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by?.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.MissingEducations.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public Dictionary<string, string> ValidateAction(MissingEducation m, DateOnly takenOn, string? action, string? outcome)
    {
        var e = new Dictionary<string, string>();
        if (!m.IsOpen) e["TakenOn"] = "The referral is closed";
        PastDate(e, "TakenOn", takenOn, "The date of the action");
        if (!e.ContainsKey("TakenOn") && takenOn < m.ReferredOn) e["TakenOn"] = "The date of the action must be on or after the referral";
        Required(e, "Action", action, 1000, "the action taken");
        Length(e, "Outcome", outcome, 1000, "The outcome");
        return e;
    }

    public async Task AddActionAsync(MissingEducation m, DateOnly takenOn, string action, string? outcome, CurrentWorker? by, Guid expectedVersion, CancellationToken ct = default)
    {
        if (m.Version != expectedVersion) throw new StaleRecordException("The referral was changed by someone else.");
        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        m.Actions.Add(new MissingEducationAction
        {
            MissingEducationId = m.Id, TakenOn = takenOn, Action = action.Trim(), Outcome = Clean(outcome), RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by?.WorkerId,
        });
        m.Version = Guid.NewGuid();
        await SaveAsync(ct);
    }

    public Dictionary<string, string> ValidateClosure(MissingEducation m, DateOnly closedOn, MissingEducationClosure? closure, string? detail)
    {
        var e = new Dictionary<string, string>();
        if (!m.IsOpen) e["ClosedOn"] = "The referral is already closed";
        PastDate(e, "ClosedOn", closedOn, "The date of closure");
        if (!e.ContainsKey("ClosedOn") && closedOn < m.ReferredOn) e["ClosedOn"] = "The date of closure must be on or after the referral";
        if (closure is not { } c || !Enum.IsDefined(c)) e["Closure"] = "Select why the referral is closing";
        else if (c == MissingEducationClosure.FoundInSchool && string.IsNullOrWhiteSpace(detail)) e["ClosureDetail"] = "Enter the school the child is on the roll of";
        Length(e, "ClosureDetail", detail, 200, "The detail");
        return e;
    }

    public async Task CloseAsync(MissingEducation m, DateOnly closedOn, MissingEducationClosure closure, string? detail, Guid expectedVersion, CancellationToken ct = default)
    {
        if (m.Version != expectedVersion) throw new StaleRecordException("The referral was changed by someone else.");
        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        m.ClosedOn = closedOn;
        m.Closure = closure;
        m.ClosureDetail = Clean(detail);
        await SaveAsync(ct);
    }

    public async Task<Dictionary<string, string>> ValidateAsync(ExclusionOptions o, CancellationToken ct)
    {
        var e = new Dictionary<string, string>();
        Required(e, "SchoolName", o.SchoolName, 200, "the school");
        if (!Enum.IsDefined(o.Phase)) e["Phase"] = "Select the school's phase";
        if (!Enum.IsDefined(o.Kind)) e["Kind"] = "Select a suspension or a permanent exclusion";
        PastDate(e, "StartDate", o.StartDate, "The start date", allowFutureDays: 14);
        Length(e, "Reason", o.Reason, MaxText, "The reason");
        if (o.Kind == ExclusionKind.Suspension)
        {
            if (o.Days is not { } d) e["Days"] = "Enter the number of school days of the suspension";
            else if (d <= 0 || d * 2 != Math.Floor(d * 2)) e["Days"] = "The number of days must be a whole or half number, more than 0";
            else if (!e.ContainsKey("StartDate"))
            {
                var year = Exclusion.AcademicYear(o.StartDate);
                var start = new DateOnly(int.Parse(year[..4]), 9, 1);
                var already = await db.Exclusions.Where(x => x.ChildId == o.ChildId && x.Kind == ExclusionKind.Suspension && x.StartDate >= start && x.StartDate < start.AddYears(1))
                    .Select(x => x.Days).ToListAsync(ct);
                var total = already.Sum(x => x ?? 0);
                if (total + d > MaxSuspensionDaysInYear)
                    e["Days"] = $"Suspensions can total at most {MaxSuspensionDaysInYear} school days in a school year; the child already has {total:0.#} in {year}";
            }
        }
        else if (o.Days is not null) e["Days"] = "Leave the number of days blank for a permanent exclusion";
        return e;
    }

    public async Task<Exclusion> AddAsync(ExclusionOptions o, CurrentWorker? by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.Exclusions.FirstOrDefaultAsync(x => x.SubmissionId == sid, ct) is { } existing) return existing;
        var x = new Exclusion
        {
            ChildId = o.ChildId, SchoolName = o.SchoolName!.Trim(), Phase = o.Phase, Kind = o.Kind, StartDate = o.StartDate, Days = o.Days, Reason = Clean(o.Reason),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedByWorkerId = by?.WorkerId, SubmissionId = o.SubmissionId,
        };
        db.Exclusions.Add(x);
        await db.SaveChangesAsync(ct);
        return x;
    }

    /// Suspensions and permanent exclusions by academic year and phase, counted in the database.
    public async Task<IReadOnlyList<ExclusionTrendRow>> TrendAsync(DateOnly from, CancellationToken ct = default)
    {
        // Counted in the database by school year (from 1 September) and phase, the children excluded as a
        // distinct count: reading every exclusion's child to count them here was 27,000 rows at 50,000
        // children (about 150 ms of the Inclusion page).
        var rows = await db.Exclusions.AsNoTracking().Where(x => x.StartDate >= from)
            .GroupBy(x => new { Year = x.StartDate.Month >= 9 ? x.StartDate.Year : x.StartDate.Year - 1, x.Phase })
            .Select(g => new
            {
                g.Key.Year, g.Key.Phase,
                Suspensions = g.Count(x => x.Kind == ExclusionKind.Suspension),
                Permanent = g.Count(x => x.Kind == ExclusionKind.Permanent),
                Children = g.Select(x => x.ChildId).Distinct().Count(),
            }).ToListAsync(ct);
        return rows.Select(r => new ExclusionTrendRow(Exclusion.AcademicYear(new DateOnly(r.Year, 9, 1)), r.Phase, r.Suspensions, r.Permanent, r.Children))
            .OrderBy(r => r.AcademicYear).ThenBy(r => r.Phase).ToList();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRecordException("The record was changed by someone else.");
        }
    }

    private void PastDate(Dictionary<string, string> e, string field, DateOnly d, string label, int allowFutureDays = 0)
    {
        if (d == default) e[field] = $"Enter {label.ToLowerInvariant()}";
        else if (d > Today.AddDays(allowFutureDays)) e[field] = allowFutureDays == 0 ? $"{label} must be today or in the past" : $"{label} must be within the next {allowFutureDays} days";
        else if (d.Year < 2000) e[field] = $"{label} must be after 1 January 2000";
    }

    private static void Required(Dictionary<string, string> e, string field, string? value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) e[field] = $"Enter {what}";
        else Length(e, field, value, max, char.ToUpperInvariant(what[0]) + what[1..]);
    }

    private static void Length(Dictionary<string, string> e, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max && !e.ContainsKey(field)) e[field] = $"{label} must be {max:N0} characters or fewer";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// Home education suitability checks due (first, then yearly) for children on the register.
public sealed class InclusionDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var open = await db.HomeEducations.AsNoTracking().Include(h => h.Checks)
            .Where(h => childIds.Contains(h.ChildId) && h.EndedOn == null).ToListAsync(ct);
        return open.Select(h =>
        {
            var (due, rule) = InclusionService.NextCheck(h);
            return new DueItem(h.ChildId, h.Checks.Count == 0 ? "Home education: first suitability check" : "Home education: yearly suitability check", due, rule)
                { Href = $"/children/{h.ChildId}/inclusion/home-education/{h.Id}/check" };
        }).ToList();
    }
}
