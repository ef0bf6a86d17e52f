using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Education;

public sealed record AddEducationRecordOptions(int ChildId, EducationRecordKind Kind, DateOnly Date)
{
    public string? SchoolName { get; init; }
    public int? YearGroup { get; init; }
    public int? AcademicYear { get; init; }
    public SchoolTerm? Term { get; init; }
    public decimal? AttendancePercent { get; init; }
    public SenStatus? Sen { get; init; }
    public int? KeyStage { get; init; }
    public ProgressRating? Progress { get; init; }
    public Post16Activity? Activity { get; init; }
    public ExclusionKind? Exclusion { get; init; }
    public int? DaysExcluded { get; init; }
    public string? Link { get; init; }
    public string? Notes { get; init; }
    public Guid? SubmissionId { get; init; }
}

/// The rules for adding an education record, shared by the pages and the API.
public sealed class EducationRecordService(HavenDbContext db, TimeProvider clock)
{
    public static IReadOnlyDictionary<string, string> Validate(AddEducationRecordOptions o, DateOnly today)
    {
        var e = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Kind)) e["Kind"] = "Select what you are recording";
        if (o.Date > today) e["Date"] = "Date must be today or in the past";
        else if (o.Date.Year < 1990) e["Date"] = "Date must be after 1 January 1990";
        if (o.SchoolName is { Length: > 200 }) e["SchoolName"] = "School name must be 200 characters or fewer";
        if (o.Notes is { Length: > 4000 }) e["Notes"] = "Notes must be 4,000 characters or fewer";
        if (o.Link is { Length: > 0 } link && (link.Length > 500 || !Uri.TryCreate(link, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http")))
            e["Link"] = "Enter the ePEP link as a full web address starting https://";
        switch (o.Kind)
        {
            case EducationRecordKind.School:
                if (string.IsNullOrWhiteSpace(o.SchoolName)) e["SchoolName"] = "Enter the name of the school or setting";
                if (o.YearGroup is null) e["YearGroup"] = "Select the year group";
                else if (o.YearGroup is < -2 or > 14) e["YearGroup"] = "Year group must be from Nursery to Year 14";
                break;
            case EducationRecordKind.TermAttendance:
                if (o.AttendancePercent is null) e["AttendancePercent"] = "Enter attendance as a percentage";
                else if (o.AttendancePercent is < 0 or > 100) e["AttendancePercent"] = "Attendance must be from 0 to 100";
                if (o.Term is null || !Enum.IsDefined(o.Term.Value)) e["Term"] = "Select the term";
                break;
            case EducationRecordKind.SpecialEducationalNeeds when o.Sen is null || !Enum.IsDefined(o.Sen.Value):
                e["Sen"] = "Select the special educational needs status";
                break;
            case EducationRecordKind.KeyStageProgress:
                if (o.KeyStage is null or < 1 or > 5) e["KeyStage"] = "Select the key stage (1 to 5)";
                if (o.Progress is null || !Enum.IsDefined(o.Progress.Value)) e["Progress"] = "Select the progress";
                break;
            case EducationRecordKind.Post16 when o.Activity is null || !Enum.IsDefined(o.Activity.Value):
                e["Activity"] = "Select what the young person is doing";
                break;
            case EducationRecordKind.Exclusion:
                if (o.Exclusion is null || !Enum.IsDefined(o.Exclusion.Value)) e["Exclusion"] = "Select suspension or permanent exclusion";
                if (o.DaysExcluded is < 0 or > 200) e["DaysExcluded"] = "Days must be from 0 to 200";
                break;
        }
        return e;
    }

    public async Task<EducationRecord> AddAsync(AddEducationRecordOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.EducationRecords.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.SubmissionId == sid, ct) is { } existing)
            return existing;
        var record = NewRecord(o, by, clock.GetUtcNow().UtcDateTime);
        db.EducationRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (o.SubmissionId is { } submitted)
        {
            db.Entry(record).State = EntityState.Detached;
            return await db.EducationRecords.IgnoreQueryFilters().FirstAsync(r => r.SubmissionId == submitted, ct);
        }
        return record;
    }

    public const string ConflictMessage = "Someone else changed, corrected or removed this education record after you opened it. Check the education history and make your change again if it is still needed";

    /// Corrects an education record by adding the corrected one and keeping the earlier one, marked
    /// as replaced with the reason (a soft delete), in one save. Null and a message when the record
    /// was changed since the user opened it (its Version), or is not this child's. A second submit
    /// of the same form returns the correction already saved.
    public async Task<(EducationRecord? Saved, string? Conflict)> CorrectAsync(int oldId, Guid version, string reason, AddEducationRecordOptions o, CurrentWorker by, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.EducationRecords.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.SubmissionId == sid && r.ChildId == o.ChildId, ct) is { } done)
            return (done, null);
        var old = await db.EducationRecords.FirstOrDefaultAsync(r => r.Id == oldId && r.ChildId == o.ChildId, ct);
        if (old is null || old.Version != version) return (null, ConflictMessage);
        var now = clock.GetUtcNow().UtcDateTime;
        old.DeletedAt = now;
        old.DeletedByWorkerId = by.WorkerId;
        old.DeletionReason = $"Corrected: {reason.Trim()}";
        db.Entry(old).Property(r => r.Version).OriginalValue = version;
        var record = NewRecord(o, by, now);
        db.EducationRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, ConflictMessage);
        }
        return (record, null);
    }

    /// Removes an education record recorded in error: a soft delete with the reason, kept for the
    /// audit. A message when it was changed since the user opened it, or is not this child's.
    public async Task<string?> RemoveAsync(int childId, int id, Guid version, string reason, CurrentWorker by, CancellationToken ct = default)
    {
        var old = await db.EducationRecords.FirstOrDefaultAsync(r => r.Id == id && r.ChildId == childId, ct);
        if (old is null || old.Version != version) return ConflictMessage;
        old.DeletedAt = clock.GetUtcNow().UtcDateTime;
        old.DeletedByWorkerId = by.WorkerId;
        old.DeletionReason = reason.Trim();
        db.Entry(old).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConflictMessage;
        }
        return null;
    }

    private static EducationRecord NewRecord(AddEducationRecordOptions o, CurrentWorker by, DateTime now)
    {
        var k = o.Kind;
        return new EducationRecord
        {
            ChildId = o.ChildId, Kind = k, Date = o.Date,
            SchoolName = k == EducationRecordKind.School || k == EducationRecordKind.PersonalEducationPlan ? Clean(o.SchoolName) : null,
            YearGroup = k == EducationRecordKind.School ? o.YearGroup : null,
            AcademicYear = k == EducationRecordKind.TermAttendance ? (o.AcademicYear ?? EducationRules.AcademicYearOf(o.Date)) : null,
            Term = k == EducationRecordKind.TermAttendance ? o.Term : null,
            AttendancePercent = k == EducationRecordKind.TermAttendance ? o.AttendancePercent : null,
            Sen = k == EducationRecordKind.SpecialEducationalNeeds ? o.Sen : null,
            KeyStage = k == EducationRecordKind.KeyStageProgress ? o.KeyStage : null,
            Progress = k == EducationRecordKind.KeyStageProgress ? o.Progress : null,
            Activity = k == EducationRecordKind.Post16 ? o.Activity : null,
            Exclusion = k == EducationRecordKind.Exclusion ? o.Exclusion : null,
            DaysExcluded = k == EducationRecordKind.Exclusion ? o.DaysExcluded : null,
            Link = k == EducationRecordKind.PersonalEducationPlan ? Clean(o.Link) : null,
            Notes = Clean(o.Notes), RecordedAt = now, RecordedByWorkerId = by.WorkerId, SubmissionId = o.SubmissionId,
        };
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
