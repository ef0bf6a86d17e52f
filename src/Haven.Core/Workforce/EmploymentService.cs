using Haven.Core.Access;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Workforce;

/// A refused workforce entry: the form field it is about and the message to show.
public sealed class WorkforceValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// A new spell of employment as a form gives it: every value may be missing.
public sealed record SpellDraft(int? WorkerId, ContractType? ContractType, bool? IsQualified, decimal? Fte, DateOnly? StartDate);

/// Records the workforce: a worker's spells of employment in a team and the team's funded posts.
/// A team manager keeps their own team's; a senior leader any team's. Nothing is rewritten: a
/// change of contract is a new spell, a leaver's spell gets its last day, and a change of posts is
/// a new establishment row from its date.
public sealed class EmploymentService(HavenDbContext db, TimeProvider clock)
{
    /// The most a spell may be: one full-time post.
    public const decimal MaxFte = 1m;

    public static bool MayKeep(CurrentWorker who, int teamId) =>
        who.Role == HavenRole.SeniorLeader || (who.Role == HavenRole.TeamManager && who.TeamId == teamId);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// Adds a spell in the team. The same spell sent twice (a double submission) is recorded once.
    public async Task<int> AddSpellAsync(int teamId, SpellDraft draft, CancellationToken ct = default)
    {
        if (draft.WorkerId is not { } workerId) throw new WorkforceValidationException("WorkerId", "Select the worker");
        if (draft.ContractType is not { } contract) throw new WorkforceValidationException("ContractType", "Select the contract type");
        if (draft.IsQualified is not { } qualified) throw new WorkforceValidationException("IsQualified", "Select whether the worker is a qualified social worker");
        if (draft.Fte is not { } fte) throw new WorkforceValidationException("Fte", "Enter the full-time equivalent, for example 1 or 0.6");
        if (fte <= 0 || fte > MaxFte) throw new WorkforceValidationException("Fte", "Full-time equivalent must be more than 0 and no more than 1");
        if (decimal.Round(fte, 2) != fte) throw new WorkforceValidationException("Fte", "Full-time equivalent must have no more than 2 decimal places");
        if (draft.StartDate is not { } start) throw new WorkforceValidationException("StartDate", "Enter the start date");
        if (start > Today.AddYears(1)) throw new WorkforceValidationException("StartDate", "Start date must be no more than a year from today");
        if (!await db.Workers.AnyAsync(w => w.Id == workerId, ct)) throw new WorkforceValidationException("WorkerId", "Select the worker");

        var spells = await db.Employments.Where(e => e.WorkerId == workerId).ToListAsync(ct);
        if (spells.FirstOrDefault(e => e.TeamId == teamId && e.StartDate == start && e.ContractType == contract && e.Fte == fte && e.IsQualified == qualified) is { } same)
            return same.Id;
        // The new spell runs from its start with no end yet, so any spell still in post on that day or later overlaps it.
        if (spells.Where(e => e.LeaveDate is null || e.LeaveDate >= start).OrderBy(e => e.StartDate).FirstOrDefault() is { } clash)
            throw new WorkforceValidationException("StartDate", clash.LeaveDate is { } left
                ? $"Start date must be after this worker's other spell, which runs from {clash.StartDate:d MMMM yyyy} to {left:d MMMM yyyy}"
                : $"This worker is in post from {clash.StartDate:d MMMM yyyy}: record the last day of that spell first");
        var spell = new Employment
        {
            WorkerId = workerId, TeamId = teamId, ContractType = contract, IsQualified = qualified, Fte = fte, StartDate = start,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Employments.Add(spell);
        await db.SaveChangesAsync(ct);
        return spell.Id;
    }

    /// Records a leaver's last day. The version is the one the form was filled in against: if
    /// someone changed the spell since, DbUpdateConcurrencyException says so and nothing is saved.
    public async Task RecordLeavingAsync(int employmentId, Guid version, DateOnly? leaveDate, CancellationToken ct = default)
    {
        var spell = await db.Employments.FirstAsync(e => e.Id == employmentId, ct);
        if (leaveDate is not { } left) throw new WorkforceValidationException("LeaveDate", "Enter the last day in post");
        if (left < spell.StartDate) throw new WorkforceValidationException("LeaveDate", $"Last day in post must be on or after the start, {spell.StartDate:d MMMM yyyy}");
        if (left > Today.AddYears(1)) throw new WorkforceValidationException("LeaveDate", "Last day in post must be no more than a year from today");
        if (await db.Employments.AnyAsync(e => e.WorkerId == spell.WorkerId && e.Id != spell.Id && e.StartDate > spell.StartDate && e.StartDate <= left, ct))
            throw new WorkforceValidationException("LeaveDate", "Last day in post must be before this worker's next spell starts");
        db.Entry(spell).Property(e => e.Version).OriginalValue = version;
        spell.LeaveDate = left;
        await db.SaveChangesAsync(ct);
    }

    /// Sets the team's funded posts from a date, as a new row; the same row sent twice is kept once.
    public async Task SetPostsAsync(int teamId, decimal? posts, DateOnly? from, int recordedBy, CancellationToken ct = default)
    {
        if (posts is not { } p) throw new WorkforceValidationException("Posts", "Enter the number of funded posts, for example 8 or 7.5");
        if (p < 0 || p > 500) throw new WorkforceValidationException("Posts", "Funded posts must be between 0 and 500");
        if (decimal.Round(p, 2) != p) throw new WorkforceValidationException("Posts", "Funded posts must have no more than 2 decimal places");
        if (from is not { } f) throw new WorkforceValidationException("PostsFrom", "Enter the date the posts apply from");
        if (f > Today.AddYears(1)) throw new WorkforceValidationException("PostsFrom", "The date the posts apply from must be no more than a year from today");
        var latestOnDate = await db.TeamEstablishments.Where(e => e.TeamId == teamId && e.EffectiveFrom == f)
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (latestOnDate?.Posts == p) return;
        db.TeamEstablishments.Add(new TeamEstablishment { TeamId = teamId, Posts = p, EffectiveFrom = f, RecordedByWorkerId = recordedBy, RecordedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
